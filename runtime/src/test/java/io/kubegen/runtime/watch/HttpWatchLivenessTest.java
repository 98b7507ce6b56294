package io.kubegen.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Eventually;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.Reflector;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.Store;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.KubeClientException;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TestConfigMap;
import io.kubegen.runtime.rest.WatchTimeouts;
import io.kubegen.runtime.testserver.ChunkedStream;
import io.kubegen.runtime.testserver.FaultProxy;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.RecordedRequest;
import io.kubegen.runtime.testserver.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A watch whose connection goes silent ends with an error instead of waiting for ever: past the
 * requested {@code timeoutSeconds} plus a grace period, and sooner when bookmarks were promised
 * and nothing came. Checked on a fake clock against a real server that stalls, and for real
 * against a stalled server and a black-holed connection.
 */
@Timeout(30)
class HttpWatchLivenessTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String PATH = "/api/v1/namespaces/default/configmaps";

  private final FaultServer server = FaultServer.start();
  private final AtomicLong fakeNow = new AtomicLong(1_000_000_000L);
  private RestClient client;
  private FaultProxy proxy;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    server.close();
  }

  private ResourceClient<TestConfigMap> configMaps(URI endpoint, WatchTimeouts timeouts, boolean fakeClock) {
    RestConfig config = RestConfig.builder().server(endpoint.toString()).qps(-1).build();
    RestClient.Builder b = RestClient.builder(config).watchTimeouts(timeouts);
    if (fakeClock) {
      b.ticker(fakeNow::get);
    }
    client = b.build();
    return new ResourceClient<>(client, CONFIGMAPS, TestConfigMap.class, "default");
  }

  private static ListOptions bookmarks(int timeoutSeconds) {
    return ListOptions.builder().resourceVersion("1").allowWatchBookmarks(true).timeoutSeconds(timeoutSeconds).build();
  }

  private static String cm(String name, String rv) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"default\",\"resourceVersion\":\"" + rv + "\"}}";
  }

  private void advance(Duration d) {
    fakeNow.addAndGet(d.toNanos());
  }

  @Test
  void aStalledWatchThatPromisedBookmarksEndsOnceItWasSilentTooLong() {
    server.route("GET", PATH).always(Reply.stall());
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1));
    try (Watch<TestConfigMap> watch = configMaps(server.url(), timeouts, true).watch(bookmarks(300))) {
      assertThat(watch.poll(Duration.ofMillis(20))).isEmpty();
      advance(Duration.ofMillis(9_900));
      assertThat(watch.poll(Duration.ofMillis(20))).isEmpty();
      advance(Duration.ofMillis(200));
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class)
          .hasMessageContaining("GET " + server.url() + PATH)
          .hasMessageContaining("nothing arrived for 10100 ms although the watch asked for bookmarks")
          .hasMessageContaining("presumed dead");
      assertThat(watch.hasNext()).isFalse();
      assertThat(watch.isDone()).isTrue();
    }
  }

  @Test
  void everythingThatArrivesRestartsTheSilence() {
    ChunkedStream stream = new ChunkedStream();
    server.route("GET", PATH).always(Reply.stream(stream));
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(100), Duration.ofHours(1));
    try (Watch<TestConfigMap> watch = configMaps(server.url(), timeouts, true).watch(bookmarks(300))) {
      advance(Duration.ofSeconds(60));
      stream.writeEvent("BOOKMARK", cm("", "7"));
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.BOOKMARK);
      advance(Duration.ofSeconds(60));
      assertThat(watch.poll(Duration.ofMillis(20))).as("60 s after the bookmark, 120 s after the start").isEmpty();
      advance(Duration.ofMillis(40_100));
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("nothing arrived");
    }
  }

  @Test
  void aWatchStillOpenPastItsTimeoutSecondsAndTheGraceEndsEvenWithoutBookmarks() {
    ChunkedStream stream = new ChunkedStream();
    server.route("GET", PATH).always(Reply.stream(stream));
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1));
    ListOptions noBookmarks = ListOptions.builder().resourceVersion("1").timeoutSeconds(60).build();
    try (Watch<TestConfigMap> watch = configMaps(server.url(), timeouts, true).watch(noBookmarks)) {
      advance(Duration.ofSeconds(50));
      assertThat(watch.poll(Duration.ofMillis(20))).as("no bookmarks asked for: silence alone is fine").isEmpty();
      stream.writeEvent("ADDED", cm("a", "2"));
      assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      advance(Duration.ofSeconds(39));
      assertThat(watch.poll(Duration.ofMillis(20))).isEmpty();
      advance(Duration.ofMillis(1_100));
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class)
          .hasMessageContaining("past its timeoutSeconds=60 and the grace period");
    }
  }

  @Test
  void aWatchWithoutTimeoutSecondsIsBoundedByTheLongestServerDefault() {
    server.route("GET", PATH).always(Reply.stall());
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1));
    try (Watch<TestConfigMap> watch = configMaps(server.url(), timeouts, true).watch(ListOptions.none())) {
      advance(Duration.ofMinutes(60));
      assertThat(watch.poll(Duration.ofMillis(20))).isEmpty();
      advance(Duration.ofSeconds(31));
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class)
          .hasMessageContaining("past the longest time a server keeps a watch without timeoutSeconds");
    }
  }

  @Test
  void aStalledServerIsDetectedOnTheRealClock() {
    server.route("GET", PATH).always(Reply.stall());
    server.route("GET", "/version").always(Reply.json(200, "{}"));
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofHours(1));
    ResourceClient<TestConfigMap> configMaps = configMaps(server.url(), timeouts, false);
    client.get().path("/version").execute();
    long start = System.nanoTime();
    // silent from the start: the bound may already run out while the headers are awaited on a
    // loaded machine, so either the start or the stream ends with the error
    assertThatThrownBy(() -> {
      try (Watch<TestConfigMap> watch = configMaps.watch(bookmarks(300))) {
        watch.hasNext();
      }
    }).satisfiesAnyOf(
        e -> assertThat(e).isInstanceOf(WatchException.class).hasMessageContaining("presumed dead"),
        e -> assertThat(e).isInstanceOf(KubeClientException.class).hasMessageContaining("timed out"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aBlackHoledConnectionIsDetected() {
    ChunkedStream stream = new ChunkedStream();
    server.route("GET", PATH).always(Reply.stream(stream));
    proxy = FaultProxy.to(server.url());
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(1));
    try (Watch<TestConfigMap> watch = configMaps(proxy.url("http"), timeouts, true).watch(bookmarks(300))) {
      stream.writeEvent("ADDED", cm("a", "2"));
      assertThat(watch.next().object().getMetadata().getName()).isEqualTo("a");
      // a load balancer drops the connection without telling either side; the server goes on writing
      proxy.blackHoleOpenConnections();
      stream.writeEvent("MODIFIED", cm("a", "3"));
      advance(Duration.ofSeconds(59));
      assertThat(watch.poll(Duration.ofMillis(200))).as("the black hole swallows the event").isEmpty();
      advance(Duration.ofMillis(1_100));
      assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessageContaining("nothing arrived");
    }
  }

  @Test
  void aWatchToABlackHoleFailsOnceItsHeadersAreOverdue() {
    proxy = FaultProxy.alone(FaultProxy.Mode.BLACK_HOLE);
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofHours(1));
    ResourceClient<TestConfigMap> configMaps = configMaps(proxy.url("http"), timeouts, false);
    assertThatThrownBy(() -> configMaps.watch(bookmarks(300)))
        .isInstanceOf(KubeClientException.class).hasMessageContaining("timed out");
    // without bookmarks: timeoutSeconds plus the grace
    long start = System.nanoTime();
    assertThatThrownBy(() -> configMaps.watch(ListOptions.builder().timeoutSeconds(1).build()))
        .isInstanceOf(KubeClientException.class).hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void theReflectorWatchesAgainFromItsLastVersionAfterASilentWatch() throws Exception {
    server.route("GET", PATH).always(Reply.json(200,
        "{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"5\"},\"items\":[" + cm("a", "5") + "]}"));
    // after the silent first watch every watch delivers b and ends
    server.watchRoute(PATH).then(Reply.stall())
        .always(Reply.json(200, "{\"type\":\"ADDED\",\"object\":" + cm("b", "6") + "}\n"));
    WatchTimeouts timeouts = new WatchTimeouts(Duration.ofSeconds(5), Duration.ofMillis(1200), Duration.ofHours(1));
    ResourceClient<TestConfigMap> configMaps = configMaps(server.url(), timeouts, false);
    Store<TestConfigMap> store = Cache.newIndexer(Map.of());
    Reflector<TestConfigMap> reflector = new Reflector<>("configmaps", ListWatch.of(configMaps), TestConfigMap.class,
        store, null, null, ReflectorOptions.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMinutes(2), 0).build());
    Thread runner = new Thread(reflector::run, "reflector");
    runner.start();
    try {
      Eventually.until(Duration.ofSeconds(20), () -> store.getByKey("default/b").isPresent(),
          () -> "the reflector did not watch again; watch calls: " + reflector.watchCalls());
    } finally {
      reflector.stop();
      runner.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(runner.isAlive()).isFalse();
    List<RecordedRequest> watches = server.requests(PATH).stream().filter(r -> "true".equals(r.query().get("watch")))
        .toList();
    assertThat(watches.size()).isGreaterThanOrEqualTo(2);
    assertThat(watches.get(1).query()).containsEntry("resourceVersion", "5");
  }

  @Test
  void watchTimeoutsMustBePositive() {
    assertThatThrownBy(() -> new WatchTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("grace");
    assertThatThrownBy(() -> new WatchTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessageContaining("bookmarkSilence");
    assertThat(WatchTimeouts.DEFAULT).isEqualTo(
        new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(150), Duration.ofHours(1)));
  }
}
