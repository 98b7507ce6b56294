package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.ChunkedStream;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.RecordedRequest;
import io.kubegen.runtime.testserver.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RestClientTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String TOKEN = "s3cr3t-token-value";
  private static final String CM = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"namespace\":\"default\",\"resourceVersion\":\"7\"},\"data\":{\"k\":\"v\"}}";
  private static final Backoff FAST = new Backoff(Duration.ofMillis(100), 2.0, 0.0, 6, Duration.ofSeconds(1));

  private final FaultServer server = FaultServer.start();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final Sleeper recordingSleeper = sleeps::add;

  @AfterEach
  void stop() {
    server.close();
  }

  private RestConfig config(URI... servers) {
    RestConfig.Builder b = RestConfig.builder().bearerToken(TOKEN).qps(-1);
    List<String> urls = new ArrayList<>();
    for (URI u : servers.length == 0 ? new URI[] {server.url()} : servers) {
      urls.add(u.toString());
    }
    return b.servers(urls).build();
  }

  private RestClient client() {
    return RestClient.builder(config()).retryBackoff(FAST).sleeper(recordingSleeper).build();
  }

  @Test
  void getBuildsTheUrlSendsHeadersAndDecodesTheBody() {
    server.route("GET", "/api/v1/namespaces/default/configmaps/a").always(Reply.json(200, CM));
    try (RestClient client = client()) {
      TestConfigMap cm = client.get().resource(CONFIGMAPS).namespace("default").name("a")
          .param("resourceVersion", "0").execute(TestConfigMap.class);
      assertThat(cm.getMetadata().getName()).isEqualTo("a");
      assertThat(cm.getData()).containsEntry("k", "v");
    }
    RecordedRequest r = server.requests().get(0);
    assertThat(r.query()).containsEntry("resourceVersion", "0");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.header("Accept")).isEqualTo("application/json");
    assertThat(r.header("User-Agent")).startsWith("kubegen");
  }

  @Test
  void listEncodesSelectorsAndDecodesItems() {
    server.route("GET", "/api/v1/configmaps").always(Reply.json(200,
        "{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"c1\"},\"items\":[" + CM + "]}"));
    try (RestClient client = client()) {
      ObjectList<TestConfigMap> list = client.get().resource(CONFIGMAPS)
          .options(ListOptions.builder().labelSelector("app in (a, b),tier!=db").limit(5).build())
          .executeList(TestConfigMap.class);
      assertThat(list.getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("a");
      assertThat(list.getMetadata().getResourceVersion()).isEqualTo("9");
    }
    Map<String, String> q = server.requests().get(0).query();
    assertThat(q).containsEntry("labelSelector", "app in (a, b),tier!=db").containsEntry("limit", "5");
  }

  @Test
  void rawPathsAndStringBodiesPassThrough() {
    server.route("GET", "/version").always(Reply.json(200, "{\"major\":\"1\",\"minor\":\"31\"}"));
    server.route("POST", "/api/v1/namespaces/ns1/configmaps").always(Reply.json(201, CM));
    try (RestClient client = client()) {
      assertThat(client.get().path("/version").execute(String.class)).contains("\"minor\":\"31\"");
      client.post().resource(CONFIGMAPS).namespace("ns1").body("{\"raw\":true}").execute();
    }
    RecordedRequest post = server.requests("/api/v1/namespaces/ns1/configmaps").get(0);
    assertThat(post.body()).isEqualTo("{\"raw\":true}");
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void badRequestPartsAreRejectedBeforeSending() {
    try (RestClient client = client()) {
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).name("a/b"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b");
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).subresource("status").execute())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a name");
      assertThatThrownBy(() -> client.get().execute())
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void retriesAfter429HonouringRetryAfter() {
    server.route("/api/v1/namespaces/default/configmaps/a")
        .then(Reply.status(429, "TooManyRequests", "slow down").header("Retry-After", "3"))
        .always(Reply.json(200, CM));
    try (RestClient client = client()) {
      TestConfigMap cm = client.get().resource(CONFIGMAPS).namespace("default").name("a").execute(TestConfigMap.class);
      assertThat(cm.getMetadata().getResourceVersion()).isEqualTo("7");
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a503BurstWithRetryAfterIsRetriedAsTheServerAsks() {
    server.route("/api/v1/namespaces/default/configmaps/a")
        .times(3, Reply.status(503, "ServiceUnavailable", "busy").header("Retry-After", "2"))
        .always(Reply.json(200, CM));
    try (RestClient client = client()) {
      client.get().resource(CONFIGMAPS).namespace("default").name("a").execute(TestConfigMap.class);
    }
    assertThat(server.requests()).hasSize(4);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void retriesAreBoundedAndTheLastAnswerIsThrown() {
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.text(503, "overloaded").header("Retry-After", "1"));
    try (RestClient client = client()) {
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("default").name("a").execute(TestConfigMap.class))
          .isInstanceOfSatisfying(KubeApiException.class, e -> {
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.reason()).isEqualTo("ServiceUnavailable");
            assertThat(e.status().getMessage()).isEqualTo("overloaded");
            assertThat(e.getMessage()).contains("after " + FAST.steps() + " attempts");
          });
    }
    assertThat(server.requests()).hasSize(FAST.steps());
    assertThat(sleeps).hasSize(FAST.steps() - 1).allMatch(Duration.ofSeconds(1)::equals);
  }

  @Test
  void a5xxWithoutRetryAfterIsNotRetriedForAnyVerb() {
    server.route("/api/v1/namespaces/default/configmaps").always(Reply.status(503, "ServiceUnavailable", "busy"));
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.status(500, "InternalError", "boom"));
    try (RestClient client = client()) {
      assertThatThrownBy(() -> client.post().resource(CONFIGMAPS).namespace("default").body(CM).execute())
          .isInstanceOf(KubeApiException.class);
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("default").execute())
          .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.code()).isEqualTo(503));
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("default").name("a").execute())
          .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.code()).isEqualTo(500));
    }
    assertThat(server.requests()).hasSize(3);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aConnectionDroppedMidAnswerIsRetriedForGetButNotForPost() {
    ChunkedStream cutGet = new ChunkedStream();
    ChunkedStream cutPost = new ChunkedStream();
    cutGet.write("{\"kind\":").cut();
    cutPost.write("{\"kind\":").cut();
    server.route("GET", "/api/v1/namespaces/default/configmaps/a").then(Reply.stream(cutGet)).always(Reply.json(200, CM));
    server.route("POST", "/api/v1/namespaces/default/configmaps").then(Reply.stream(cutPost)).always(Reply.json(201, CM));
    try (RestClient client = client()) {
      assertThat(client.get().resource(CONFIGMAPS).namespace("default").name("a").execute(TestConfigMap.class)
          .getMetadata().getName()).isEqualTo("a");
      // the POST may have been applied: it is not sent again
      assertThatThrownBy(() -> client.post().resource(CONFIGMAPS).namespace("default").body(CM).execute())
          .isInstanceOf(KubeClientException.class).hasMessageContaining("POST ");
    }
    assertThat(server.requests("/api/v1/namespaces/default/configmaps/a")).hasSize(2);
    assertThat(server.requests("/api/v1/namespaces/default/configmaps")).hasSize(1);
  }

  @Test
  void errorsCarryTheStatusOrAReasonFromTheCode() {
    server.route("/api/v1/namespaces/default/configmaps/gone").always(Reply.json(404, ""));
    server.route("/api/v1/namespaces/default/configmaps").always(
        Reply.status(409, "AlreadyExists", "configmaps \\\"a\\\" already exists"));
    server.route("/api/v1/namespaces/default/configmaps/old").always(
        Reply.status(410, "Expired", "too old resource version: 1 (5)"));
    server.route("/api/v1/namespaces/default/configmaps/bad").always(Reply.text(422, "<html>nope</html>"));
    try (RestClient client = client()) {
      KubeApiException notFound = catchApi(() -> client.get().resource(CONFIGMAPS).namespace("default").name("gone").execute());
      assertThat(notFound.isNotFound()).isTrue();
      assertThat(notFound.reason()).isEqualTo("NotFound");
      assertThat(notFound.getMessage()).contains("GET ", "/configmaps/gone", "404 NotFound");

      KubeApiException exists = catchApi(() -> client.post().resource(CONFIGMAPS).namespace("default").body(CM).execute());
      assertThat(exists.isAlreadyExists()).isTrue();
      assertThat(exists.isConflict()).isFalse();
      assertThat(exists.status().getMessage()).isEqualTo("configmaps \"a\" already exists");

      KubeApiException old = catchApi(() -> client.get().resource(CONFIGMAPS).namespace("default").name("old").execute());
      assertThat(old.isExpired()).isTrue();
      assertThat(old.isGone()).isFalse();

      KubeApiException invalid = catchApi(() -> client.put().resource(CONFIGMAPS).namespace("default").name("bad").body(CM).execute());
      assertThat(invalid.isInvalid()).isTrue();
      assertThat(invalid.status().getMessage()).isEqualTo("<html>nope</html>");
    }
  }

  @Test
  void aHangingResponseEndsAtTheTimeout() {
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.hang());
    try (RestClient client = client()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("default").name("a")
          .timeout(Duration.ofMillis(300)).execute(TestConfigMap.class))
          .isInstanceOf(KubeClientException.class).hasMessageContaining("timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aTimeoutDuringTheBodyReleasesTheConnection() throws Exception {
    ChunkedStream stream = new ChunkedStream().probeClientEvery(Duration.ofMillis(20));
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.stream(stream));
    RestConfig config = RestConfig.builder().server(server.url().toString()).qps(-1)
        .requestTimeout(Duration.ofMillis(300)).build();
    try (RestClient client = RestClient.builder(config).sleeper(recordingSleeper).build()) {
      stream.write("{\"kind\":");
      assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("default").name("a").execute(TestConfigMap.class))
          .isInstanceOf(KubeClientException.class).hasMessageContaining("timed out");
      assertThat(stream.awaitClientGone(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void cancellingAnAsyncCallAbortsTheExchange() throws Exception {
    ChunkedStream stream = new ChunkedStream().probeClientEvery(Duration.ofMillis(20));
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.stream(stream));
    try (RestClient client = client()) {
      CompletableFuture<TestConfigMap> future =
          client.get().resource(CONFIGMAPS).namespace("default").name("a").executeAsync(TestConfigMap.class);
      assertThat(stream.awaitOpen(Duration.ofSeconds(5))).isTrue();
      assertThat(future.cancel(true)).isTrue();
      assertThat(stream.awaitClientGone(Duration.ofSeconds(5))).isTrue();
      assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void interruptingABlockedCallAbortsTheExchange() throws Exception {
    ChunkedStream stream = new ChunkedStream().probeClientEvery(Duration.ofMillis(20));
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.stream(stream));
    try (RestClient client = client()) {
      java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
      Thread caller = new Thread(() -> {
        try {
          client.get().resource(CONFIGMAPS).namespace("default").name("a").execute(TestConfigMap.class);
        } catch (Throwable t) {
          failure.set(t);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      assertThat(stream.awaitOpen(Duration.ofSeconds(5))).isTrue();
      caller.interrupt();
      caller.join(5000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(failure.get()).isInstanceOf(KubeClientException.class).hasMessageContaining("interrupted");
      assertThat(stillInterrupted).isTrue();
      assertThat(stream.awaitClientGone(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void manyThreadsShareOneClient() throws Exception {
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.json(200, CM));
    int threads = 8;
    int calls = 25;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try (RestClient client = client()) {
      List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < calls; i++) {
            if ("a".equals(client.get().resource(CONFIGMAPS).namespace("default").name("a")
                .execute(TestConfigMap.class).getMetadata().getName())) {
              ok++;
            }
          }
          return ok;
        }));
      }
      for (java.util.concurrent.Future<Integer> f : results) {
        assertThat(f.get(15, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(calls);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests()).hasSize(threads * calls);
  }

  @Test
  void retryAfterIsReadInSecondsOrAsAnHttpDate() {
    assertThat(RetryPolicy.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
    assertThat(RetryPolicy.parseRetryAfter(" 0 ")).contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("-3")).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("soon")).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("99999999")).contains(Duration.ofHours(1));
    String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
    assertThat(RetryPolicy.parseRetryAfter(inAMinute).orElseThrow()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    assertThat(RetryPolicy.parseRetryAfter("Mon, 01 Jan 2001 00:00:00 GMT")).contains(Duration.ZERO);
  }

  @Test
  void asyncCallsCompleteWithTheDecodedBody() {
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.json(200, CM));
    try (RestClient client = client()) {
      TestConfigMap cm = client.get().resource(CONFIGMAPS).namespace("default").name("a")
          .executeAsync(TestConfigMap.class).join();
      assertThat(cm.getData()).containsEntry("k", "v");
    }
  }

  @Test
  void aDeadFirstEndpointFailsOverToTheLiveOneAndStaysThere() {
    URI dead = FaultServer.deadUrl();
    server.route("/api/v1/namespaces/default/configmaps").always(Reply.json(201, CM));
    Random startAtFirst = new Random() {
      @Override
      public int nextInt(int bound) { return 0; }
    };
    try (RestClient client = RestClient.builder(config(dead, server.url())).random(startAtFirst)
        .retryBackoff(FAST).sleeper(recordingSleeper).build()) {
      assertThat(client.currentServer()).isEqualTo(dead);
      // a POST is safe to resend when the connection was refused: nothing was sent
      client.post().resource(CONFIGMAPS).namespace("default").body(CM).execute(TestConfigMap.class);
      assertThat(client.currentServer()).isEqualTo(server.url());
      for (int i = 0; i < 3; i++) {
        client.post().resource(CONFIGMAPS).namespace("default").body(CM).execute(TestConfigMap.class);
      }
    }
    assertThat(server.requests()).hasSize(4);
    assertThat(sleeps).as("failing over to another endpoint does not wait").isEmpty();
  }

  @Test
  void onlyDeadEndpointsFailAfterBoundedRetries() {
    try (RestClient client = RestClient.builder(config(FaultServer.deadUrl(), FaultServer.deadUrl()))
        .retryBackoff(FAST).sleeper(recordingSleeper).build()) {
      assertThatThrownBy(() -> client.get().path("/version").execute(String.class))
          .isInstanceOf(KubeClientException.class)
          .isNotInstanceOf(KubeApiException.class)
          .hasMessageContaining("connection failed")
          .hasMessageContaining("after " + FAST.steps() + " attempts");
    }
    // each round tries both endpoints, the second at once; between rounds the backoff grows
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void a401RefreshesCredentialsAndRetriesOnce() throws Exception {
    java.nio.file.Path tokenFile = java.nio.file.Files.createTempFile("token", "");
    try {
      java.nio.file.Files.writeString(tokenFile, "first-token");
      server.route("/version").then(Reply.json(200, "{}"), Reply.status(401, "Unauthorized", "expired token"))
          .always(Reply.json(200, "{\"minor\":\"31\"}"));
      RestConfig config = RestConfig.builder().server(server.url().toString()).bearerTokenFile(tokenFile).qps(-1).build();
      try (RestClient client = RestClient.builder(config).sleeper(recordingSleeper).build()) {
        client.get().path("/version").execute();
        java.nio.file.Files.writeString(tokenFile, "second-token");
        assertThat(client.get().path("/version").execute(String.class)).contains("31");
      }
      List<RecordedRequest> requests = server.requests();
      assertThat(requests).hasSize(3);
      assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer first-token");
      assertThat(requests.get(2).header("Authorization")).isEqualTo("Bearer second-token");
    } finally {
      java.nio.file.Files.deleteIfExists(tokenFile);
    }
  }

  @Test
  void aSecond401IsThrownAndNeitherMessageNorLogShowTheToken() {
    server.route("/api/v1/namespaces/default/configmaps/a").always(Reply.status(401, "Unauthorized", "no"));
    server.route("/api/v1/namespaces/default/configmaps/b").always(
        Reply.status(503, "ServiceUnavailable", "busy").header("Retry-After", "1"));
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String allMessages;
    try (RestClient client = RestClient.builder(config())
        .retryBackoff(FAST).sleeper(recordingSleeper).build()) {
      KubeApiException e = catchApi(() -> client.get().resource(CONFIGMAPS).namespace("default").name("a").execute());
      assertThat(e.isUnauthorized()).isTrue();
      KubeApiException busy = catchApi(() -> client.get().resource(CONFIGMAPS).namespace("default").name("b").execute());
      allMessages = e.getMessage() + e.status() + busy.getMessage() + client.config();
    } finally {
      System.setErr(originalErr);
    }
    assertThat(server.requests("/api/v1/namespaces/default/configmaps/a")).hasSize(2);
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("retry");
    assertThat(allMessages + log).doesNotContain(TOKEN);
  }

  private static KubeApiException catchApi(Runnable call) {
    try {
      call.run();
    } catch (KubeApiException e) {
      return e;
    }
    throw new AssertionError("expected a KubeApiException");
  }
}
