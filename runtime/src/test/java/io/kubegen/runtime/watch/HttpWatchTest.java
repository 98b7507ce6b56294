package io.kubegen.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TestConfigMap;
import io.kubegen.runtime.testserver.ChunkedStream;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Watches over real chunked HTTP streams from the fault-injecting server. */
@Timeout(20)
class HttpWatchTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String PATH = "/api/v1/namespaces/default/configmaps";

  private final FaultServer server = FaultServer.start();
  private final ChunkedStream stream = new ChunkedStream();
  private final RestClient client = RestClient.create(RestConfig.builder().server(server.url().toString()).qps(-1).build());
  private final ResourceClient<TestConfigMap> configMaps =
      new ResourceClient<>(client, CONFIGMAPS, TestConfigMap.class, "default");

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static String cm(String name, String rv) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"default\",\"resourceVersion\":\"" + rv + "\"}}";
  }

  @Test
  void decodesEveryEventTypeInOrderAndEndsWithTheStream() {
    server.route("GET", PATH).then(Reply.stream(stream));
    stream.writeEvent("ADDED", cm("a", "1"))
        .writeEvent("MODIFIED", cm("a", "2"))
        // two frames in one chunk, and one frame split over two chunks
        .write("{\"type\":\"DELETED\",\"object\":" + cm("a", "3") + "}\n{\"type\":\"BOOK")
        .write("MARK\",\"object\":" + cm("", "4") + "}\n");
    stream.end();
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.builder().resourceVersion("1").allowWatchBookmarks(true).build())) {
      assertThat(watch.next()).satisfies(e -> {
        assertThat(e.type()).isEqualTo(WatchEvent.Type.ADDED);
        assertThat(e.object().getMetadata().getResourceVersion()).isEqualTo("1");
      });
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.MODIFIED);
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.DELETED);
      assertThat(watch.next()).satisfies(e -> {
        assertThat(e.type()).isEqualTo(WatchEvent.Type.BOOKMARK);
        assertThat(e.object().getMetadata().getResourceVersion()).isEqualTo("4");
      });
      assertThat(watch.hasNext()).isFalse();
      assertThat(watch.isDone()).isTrue();
    }
    Map<String, String> query = server.requests(PATH).get(0).query();
    assertThat(query).containsEntry("watch", "true").containsEntry("resourceVersion", "1")
        .containsEntry("allowWatchBookmarks", "true");
  }

  @Test
  void listAndWatchOfOnePathHaveTheirOwnRoutes() {
    server.route("GET", PATH).always(Reply.json(200,
        "{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"5\"},\"items\":[" + cm("a", "5") + "]}"));
    server.watchRoute(PATH).then(Reply.stream(stream));
    stream.writeEvent("MODIFIED", cm("a", "6")).end();
    String rv = configMaps.list(ListOptions.none()).getMetadata().getResourceVersion();
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.builder().resourceVersion(rv).build())) {
      assertThat(watch.next().object().getMetadata().getResourceVersion()).isEqualTo("6");
      assertThat(watch.hasNext()).isFalse();
    }
    assertThat(server.requests(PATH)).extracting(r -> r.query().get("watch")).containsExactly(null, "true");
  }

  @Test
  void anErrorEventCarriesTheStatus() {
    server.route("GET", PATH).then(Reply.stream(stream));
    stream.writeEvent("ERROR", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":410,"
        + "\"reason\":\"Expired\",\"message\":\"too old resource version: 1 (9)\"}");
    stream.end();
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none())) {
      WatchEvent<TestConfigMap> event = watch.next();
      assertThat(event.type()).isEqualTo(WatchEvent.Type.ERROR);
      assertThat(event.object()).isNull();
      assertThat(event.status().getCode()).isEqualTo(410);
      assertThat(new KubeApiException(event.status()).isExpired()).isTrue();
      assertThat(watch.hasNext()).isFalse();
    }
  }

  @Test
  void aStreamCutMidFrameEndsWithAWatchException() throws Exception {
    server.route("GET", PATH).then(Reply.stream(stream));
    stream.writeEvent("ADDED", cm("a", "1")).write("{\"type\":\"MODIFIED\",\"object\":{\"metad");
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none())) {
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      stream.cut();
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("GET ");
      assertThat(watch.isDone()).isTrue();
      assertThat(watch.hasNext()).isFalse();
    }
  }

  @Test
  void aCleanEndInTheMiddleOfAFrameIsAnError() {
    server.route("GET", PATH).then(Reply.stream(stream));
    stream.writeEvent("ADDED", cm("a", "1")).write("{\"type\":\"MODIFIED\",\"object\":{\"metad");
    stream.end();
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none())) {
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("frame 2");
    }
  }

  @Test
  void garbageInAFrameEndsTheWatchWithAnError() {
    server.route("GET", PATH).then(Reply.stream(stream));
    stream.writeEvent("ADDED", cm("a", "1")).writeFrame("{\"type\":\"ADDED\",\"object\":{]}");
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none())) {
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("malformed");
    }
  }

  @Test
  void framesWithoutAKnownTypeOrAnObjectAreErrors() {
    ChunkedStream second = new ChunkedStream();
    server.route("GET", PATH).then(Reply.stream(stream), Reply.stream(second));
    stream.writeEvent("EXPLODED", cm("a", "1"));
    second.writeFrame("{\"type\":\"ADDED\"}");
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none())) {
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("EXPLODED");
    }
    try (Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none())) {
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("no \"object\"");
    }
  }

  @Test
  void closeFromAnotherThreadStopsABlockedConsumerAndReleasesTheConnection() throws Exception {
    stream.probeClientEvery(Duration.ofMillis(20));
    server.route("GET", PATH).then(Reply.stream(stream));
    Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none());
    CountDownLatch consumerBlocked = new CountDownLatch(1);
    CountDownLatch consumerDone = new CountDownLatch(1);
    AtomicReference<Object> result = new AtomicReference<>();
    Thread consumer = new Thread(() -> {
      consumerBlocked.countDown();
      try {
        result.set(watch.hasNext());
      } catch (RuntimeException e) {
        result.set(e);
      }
      consumerDone.countDown();
    });
    consumer.start();
    assertThat(consumerBlocked.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(stream.awaitOpen(Duration.ofSeconds(5))).isTrue();
    watch.close();
    assertThat(consumerDone.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(result.get()).isEqualTo(false);
    assertThat(stream.awaitClientGone(Duration.ofSeconds(5))).isTrue();
    watch.close();
  }

  @Test
  void closeEndsIterationAtOnceEvenWithEventsBuffered() throws Exception {
    server.route("GET", PATH).then(Reply.stream(stream));
    stream.writeEvent("ADDED", cm("a", "1")).writeEvent("ADDED", cm("b", "2")).writeEvent("ADDED", cm("c", "3"));
    Watch<TestConfigMap> watch = configMaps.watch(ListOptions.none());
    assertThat(watch.next().object().getMetadata().getName()).isEqualTo("a");
    watch.close();
    assertThat(watch.hasNext()).isFalse();
    assertThat(watch.isDone()).isTrue();
    assertThat(watch.poll(Duration.ofMillis(10))).isEmpty();
  }

  @Test
  void aWatchWhoseHeadersNeverComeEndsAtTheTimeout() {
    server.route("GET", PATH).always(Reply.hang());
    assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("default")
        .timeout(Duration.ofMillis(300)).watch(TestConfigMap.class))
        .isInstanceOf(io.kubegen.runtime.rest.KubeClientException.class).hasMessageContaining("timed out");
  }

  @Test
  void theTimeoutDoesNotCutAnOpenStream() throws Exception {
    server.route("GET", PATH).then(Reply.stream(stream));
    server.route("GET", "/version").always(Reply.json(200, "{}"));
    client.get().path("/version").execute();
    // the timeout leaves the headers ample time even on a loaded machine; the stream outlives it
    try (Watch<TestConfigMap> watch = client.get().resource(CONFIGMAPS).namespace("default")
        .timeout(Duration.ofSeconds(2)).watch(TestConfigMap.class)) {
      assertThat(watch.poll(Duration.ofMillis(2500))).isEmpty();
      stream.writeEvent("ADDED", cm("late", "9"));
      assertThat(watch.poll(Duration.ofSeconds(5))).hasValueSatisfying(
          e -> assertThat(e.object().getMetadata().getName()).isEqualTo("late"));
    }
  }

  @Test
  void aFailedWatchStartIsAnApiException() {
    server.route("GET", PATH).then(Reply.status(410, "Expired", "too old resource version"));
    assertThatThrownBy(() -> configMaps.watch(ListOptions.builder().resourceVersion("1").build()))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isExpired()).isTrue());
  }
}
