package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.FaultProxy;
import io.kubegen.runtime.testserver.FaultProxy.Mode;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import io.kubegen.runtime.testserver.SelfSignedCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several endpoints: an endpoint that refuses, resets, stalls past the deadline or answers 503
 * is marked unhealthy and the call moves on; a recovered endpoint is used again after its
 * cool-down; when all fail, the error names each with its last failure.
 */
@Timeout(30)
class RestClientFailoverTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String COLLECTION = "/api/v1/namespaces/default/configmaps";
  private static final String CM = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"namespace\":\"default\"}}";
  private static final Backoff FAST = new Backoff(Duration.ofMillis(100), 2.0, 0.0, 6, Duration.ofSeconds(1));
  private static final Random FIRST_IS_PREFERRED = new Random() {
    @Override
    public int nextInt(int bound) { return 0; }
  };

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private FaultServer server() {
    FaultServer s = FaultServer.start();
    s.route(COLLECTION).always(Reply.json(201, CM));
    closeables.add(s);
    return s;
  }

  private FaultProxy proxy(FaultProxy p) {
    closeables.add(p);
    return p;
  }

  private RestClient.Builder client(URI... endpoints) {
    List<String> urls = new ArrayList<>();
    for (URI u : endpoints) {
      urls.add(u.toString());
    }
    RestConfig config = RestConfig.builder().servers(urls).qps(-1).bearerToken("t0ps3cret").build();
    return RestClient.builder(config).random(FIRST_IS_PREFERRED).retryBackoff(FAST).sleeper(sleeps::add)
        .ticker(() -> System.nanoTime() + now.get());
  }

  private static void create(RestClient client) {
    client.post().resource(CONFIGMAPS).namespace("default").body(CM).execute();
  }

  @Test
  void aRefusingOrUnavailableEndpointIsLeftForTheNextAtOnceEvenByAPost() {
    FaultServer good = server();
    FaultServer unavailable = server();
    unavailable.route(COLLECTION).always(Reply.status(503, "ServiceUnavailable", "etcd is down"));
    URI refusing = FaultServer.deadUrl();
    try (RestClient client = client(refusing, unavailable.url(), good.url()).build()) {
      create(client);
      assertThat(client.currentServer()).isEqualTo(good.url());
      create(client);
    }
    assertThat(good.requests(COLLECTION)).hasSize(2);
    assertThat(unavailable.requests(COLLECTION)).as("a POST answered 503 is sent to the next endpoint").hasSize(1);
    assertThat(sleeps).as("moving on to another endpoint does not wait").isEmpty();
  }

  @Test
  void aResettingEndpointIsLeftAtOnceByAGetAndAvoidedByTheNextPost() {
    FaultServer good = server();
    good.route("/version").always(Reply.json(200, "{}"));
    FaultProxy resetting = proxy(FaultProxy.alone(Mode.RESET_ON_FIRST_BYTES));
    try (RestClient client = client(resetting.url("http"), good.url()).build()) {
      client.get().path("/version").execute();
      assertThat(client.currentServer()).isEqualTo(good.url());
      int connections = resetting.connections();
      create(client);
      assertThat(resetting.connections()).isEqualTo(connections);
    }
    assertThat(good.requests()).hasSize(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aPostBrokenAfterSendingIsNotSentElsewhereButTheNextCallAvoidsTheEndpoint() {
    FaultServer good = server();
    FaultProxy resetting = proxy(FaultProxy.alone(Mode.RESET_ON_FIRST_BYTES));
    try (RestClient client = client(resetting.url("http"), good.url()).build()) {
      assertThatThrownBy(() -> create(client)).isInstanceOf(KubeClientException.class)
          .hasMessageContaining("not sent again");
      create(client);
    }
    assertThat(resetting.connections()).isEqualTo(1);
    assertThat(good.requests(COLLECTION)).hasSize(1);
  }

  @Test
  void aResetDuringTheTlsHandshakeIsAConnectionFailureThatFailsOver() {
    SelfSignedCertificate cert = SelfSignedCertificate.create();
    FaultServer good = FaultServer.startTls(cert);
    good.route(COLLECTION).always(Reply.json(201, CM));
    closeables.add(good);
    FaultProxy handshakeReset = proxy(FaultProxy.to(good.url()).always(Mode.RESET_ON_FIRST_BYTES));
    List<String> urls = List.of(handshakeReset.url("https").toString(), good.url().toString());
    RestConfig config = RestConfig.builder().servers(urls).caData(cert.certificatePem()).qps(-1).build();
    try (RestClient client = RestClient.builder(config).random(FIRST_IS_PREFERRED).retryBackoff(FAST)
        .sleeper(sleeps::add).build()) {
      // a POST: nothing was sent while the handshake was incomplete
      create(client);
      assertThat(client.currentServer()).isEqualTo(good.url());
    }
    assertThat(handshakeReset.connections()).isEqualTo(1);
    assertThat(good.requests(COLLECTION)).hasSize(1);
  }

  @Test
  void aResetDuringTheTlsHandshakeIsRetriedOnTheOnlyEndpoint() {
    SelfSignedCertificate cert = SelfSignedCertificate.create();
    FaultServer good = FaultServer.startTls(cert);
    good.route(COLLECTION).always(Reply.json(201, CM));
    closeables.add(good);
    FaultProxy proxy = proxy(FaultProxy.to(good.url()).next(Mode.RESET_ON_FIRST_BYTES, Mode.RESET_ON_FIRST_BYTES));
    RestConfig config = RestConfig.builder().server(proxy.url("https").toString()).caData(cert.certificatePem())
        .qps(-1).build();
    try (RestClient client = RestClient.builder(config).retryBackoff(FAST).sleeper(sleeps::add).build()) {
      create(client);
    }
    assertThat(proxy.connections()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void anEndpointThatStallsPastTheDeadlineIsLeftForTheNextCall() {
    FaultServer good = server();
    FaultServer stalling = server();
    stalling.route("/version").always(Reply.hang());
    good.route("/version").always(Reply.json(200, "{}"));
    try (RestClient client = client(stalling.url(), good.url()).build()) {
      assertThatThrownBy(() -> client.get().path("/version").timeout(Duration.ofMillis(500)).execute())
          .isInstanceOf(KubeClientException.class)
          .hasMessageContaining("timed out")
          .hasMessageContaining(stalling.url().toString());
      assertThat(client.currentServer()).isEqualTo(good.url());
      client.get().path("/version").timeout(Duration.ofSeconds(10)).execute();
    }
    assertThat(stalling.requests("/version")).hasSize(1);
    assertThat(good.requests("/version")).hasSize(1);
  }

  @Test
  void aRecoveredEndpointIsUsedAgainAfterItsCooldownWhichGrowsWithFailuresInARow() {
    FaultServer first = server();
    FaultServer second = server();
    Reply unavailable = Reply.status(503, "ServiceUnavailable", "restarting");
    first.route("/version").then(unavailable).always(Reply.json(200, "{}"));
    second.route("/version").always(Reply.json(200, "{}"));
    try (RestClient client = client(first.url(), second.url())
        .endpointCooldown(Duration.ofSeconds(10), Duration.ofMinutes(5)).build()) {
      version(client);
      assertThat(first.requests()).hasSize(1);
      // within the cool-down the failed endpoint is not tried, although it recovered
      now.addAndGet(TimeUnit.SECONDS.toNanos(9));
      version(client);
      assertThat(first.requests()).hasSize(1);
      assertThat(client.currentServer()).isEqualTo(second.url());
      // after it, it is the first choice again
      now.addAndGet(TimeUnit.SECONDS.toNanos(2));
      assertThat(client.currentServer()).isEqualTo(first.url());
      version(client);
      assertThat(first.requests()).hasSize(2);

      // two failures in a row: a 10 s, then a 20 s cool-down
      first.route("/version").then(unavailable, unavailable);
      version(client);
      now.addAndGet(TimeUnit.SECONDS.toNanos(11));
      version(client);
      assertThat(first.requests()).hasSize(4);
      now.addAndGet(TimeUnit.SECONDS.toNanos(11));
      assertThat(client.currentServer()).as("still within the doubled cool-down").isEqualTo(second.url());
      now.addAndGet(TimeUnit.SECONDS.toNanos(10));
      assertThat(client.currentServer()).isEqualTo(first.url());
    }
    assertThat(second.requests()).hasSize(4);
    assertThat(sleeps).isEmpty();
  }

  private static void version(RestClient client) {
    client.get().path("/version").execute();
  }

  @Test
  void whenEveryEndpointFailsTheErrorNamesEachWithItsLastFailure() {
    FaultServer unavailable = server();
    unavailable.route("/version").always(Reply.status(503, "ServiceUnavailable", "busy"));
    FaultProxy resetting = proxy(FaultProxy.alone(Mode.RESET_ON_FIRST_BYTES));
    URI refusing = FaultServer.deadUrl();
    try (RestClient client = client(refusing, resetting.url("http"), unavailable.url()).build()) {
      assertThatThrownBy(() -> client.get().path("/version").execute())
          .isInstanceOfSatisfying(KubeApiException.class, e -> {
            // the server's own answer is what is thrown, with every endpoint's story in the message
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.getMessage())
                .contains(refusing + ": connection failed")
                .contains(resetting.url("http") + ": connection broke after the request was sent")
                .contains(unavailable.url() + ": answered 503 ServiceUnavailable")
                .doesNotContain("t0ps3cret");
          });
      // without any answer the last connection failure is the cause, the earlier ones are suppressed
      unavailable.close();
      assertThatThrownBy(() -> client.get().path("/version").execute())
          .isInstanceOfSatisfying(KubeClientException.class, e -> {
            assertThat(e).isNotInstanceOf(KubeApiException.class);
            assertThat(e.getMessage()).contains("after " + FAST.steps() + " attempts")
                .contains(refusing.toString(), resetting.url("http").toString(), unavailable.url().toString());
            assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
            assertThat(e.getSuppressed()).isNotEmpty();
          });
    }
  }

  @Test
  void serverUrlsInMessagesNeverShowUserInfo() {
    assertThat(EndpointHealth.describe(URI.create("https://admin:hunter2@10.0.0.1:6443/prefix")))
        .isEqualTo("https://<redacted>@10.0.0.1:6443/prefix")
        .doesNotContain("hunter2");
    assertThat(EndpointHealth.describe(URI.create("https://10.0.0.1:6443"))).isEqualTo("https://10.0.0.1:6443");
  }
}
