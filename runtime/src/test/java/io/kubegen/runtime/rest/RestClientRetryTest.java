package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.PatchType;
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
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry policy over real loopback connections: client-go's rules for answers with and
 * without {@code Retry-After}, and which connection failures are sent again for which verb.
 */
@Timeout(30)
class RestClientRetryTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String PATH = "/api/v1/namespaces/default/configmaps/a";
  private static final String CM = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"namespace\":\"default\"}}";
  private static final Backoff FAST = new Backoff(Duration.ofMillis(100), 2.0, 0.0, 6, Duration.ofSeconds(1));

  private final FaultServer server = FaultServer.start();
  private final List<FaultProxy> proxies = new ArrayList<>();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    proxies.forEach(FaultProxy::close);
    server.close();
  }

  private FaultProxy proxy() {
    FaultProxy p = FaultProxy.to(server.url());
    proxies.add(p);
    return p;
  }

  private RestClient client(URI endpoint) {
    RestConfig config = RestConfig.builder().server(endpoint.toString()).qps(-1).build();
    return RestClient.builder(config).retryBackoff(FAST).sleeper(sleeps::add).build();
  }

  /** Sends {@code verb} to {@link #PATH} with a body where the verb takes one. */
  private static Request call(RestClient client, String verb) {
    Function<Request, Request> target = r -> r.resource(CONFIGMAPS).namespace("default").name("a");
    return switch (verb) {
      case "GET" -> target.apply(client.get());
      case "HEAD" -> target.apply(client.verb("HEAD"));
      case "DELETE" -> target.apply(client.delete());
      case "PUT" -> target.apply(client.put()).body(CM);
      case "PATCH" -> target.apply(client.patch(PatchType.MERGE)).body("{}");
      case "POST" -> client.post().resource(CONFIGMAPS).namespace("default").body(CM);
      default -> throw new IllegalArgumentException(verb);
    };
  }

  private static String pathOf(String verb) {
    return verb.equals("POST") ? "/api/v1/namespaces/default/configmaps" : PATH;
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
  void a429Or5xxWithRetryAfterIsSentAgainForEveryVerb(String verb) {
    server.route(pathOf(verb))
        .then(Reply.status(429, "TooManyRequests", "slow down").header("Retry-After", "2"),
            Reply.status(500, "InternalError", "try later").header("Retry-After", "1"),
            Reply.status(503, "ServiceUnavailable", "shutting down").header("Retry-After", "3"))
        .always(Reply.json(200, CM));
    try (RestClient client = client(server.url())) {
      call(client, verb).execute();
    }
    assertThat(server.requests(pathOf(verb))).hasSize(4).allMatch(r -> r.method().equals(verb));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void withoutRetryAfterNoAnswerIsSentAgainEvenForAGet(int code) {
    server.route(PATH).then(Reply.status(code, KubeApiException.reasonForCode(code), "no")).always(Reply.json(200, CM));
    try (RestClient client = client(server.url())) {
      assertThatThrownBy(() -> call(client, "GET").execute())
          .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
    assertThat(server.requests(PATH)).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aRetryAfterThatWouldPassTheDeadlineIsNotWaitedFor() {
    server.route(PATH).always(Reply.status(429, "TooManyRequests", "slow down").header("Retry-After", "30"));
    try (RestClient client = client(server.url())) {
      assertThatThrownBy(() -> call(client, "GET").timeout(Duration.ofSeconds(10)).execute())
          .isInstanceOfSatisfying(KubeApiException.class, e -> {
            assertThat(e.isTooManyRequests()).isTrue();
            assertThat(e.getMessage()).contains("would pass the call's deadline");
          });
    }
    assertThat(server.requests(PATH)).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
  void aConnectionResetBeforeAnythingWasSentIsRetriedForEveryVerb(String verb) {
    // over TLS nothing of the request can leave before the handshake is done: a reset at accept
    // or during the handshake is a connection failure whatever the verb
    SelfSignedCertificate cert = SelfSignedCertificate.create();
    try (FaultServer tls = FaultServer.startTls(cert)) {
      tls.route(pathOf(verb)).always(Reply.json(200, CM));
      FaultProxy proxy = FaultProxy.to(tls.url()).next(Mode.RESET_AT_ACCEPT, Mode.RESET_ON_FIRST_BYTES);
      proxies.add(proxy);
      RestConfig config = RestConfig.builder().server(proxy.url("https").toString()).caData(cert.certificatePem())
          .qps(-1).build();
      try (RestClient client = RestClient.builder(config).retryBackoff(FAST).sleeper(sleeps::add).build()) {
        call(client, verb).execute();
      }
      assertThat(tls.requests(pathOf(verb))).hasSize(1);
      // the JDK client itself connects once more after a failed connect, so one or both resets cost a retry
      assertThat(sleeps).isNotEmpty().isSubsetOf(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void aRefusedConnectionIsRetriedForAPost() {
    URI refused = FaultServer.deadUrl();
    try (RestClient client = client(refused)) {
      assertThatThrownBy(() -> call(client, "POST").execute())
          .isInstanceOf(KubeClientException.class)
          .hasMessageContaining("connection failed")
          .hasMessageContaining("after " + FAST.steps() + " attempts");
    }
    assertThat(sleeps).hasSize(FAST.steps() - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD"})
  void aConnectionResetAfterTheRequestWasSentIsRetriedForReads(String verb) {
    server.route(PATH).always(Reply.json(200, CM));
    // three resets: more than the one more connection the JDK client tries by itself for a read
    FaultProxy proxy = proxy().next(Mode.RESET_ON_FIRST_BYTES, Mode.RESET_ON_FIRST_BYTES, Mode.RESET_ON_FIRST_BYTES);
    try (RestClient client = client(proxy.url("http"))) {
      call(client, verb).execute();
    }
    assertThat(proxy.connections()).isEqualTo(4);
    assertThat(server.requests(PATH)).hasSize(1);
    assertThat(sleeps).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void aConnectionResetAfterTheRequestWasSentIsNotRetriedForWrites(String verb) {
    server.route(pathOf(verb)).always(Reply.json(200, CM));
    FaultProxy proxy = proxy().next(Mode.RESET_ON_FIRST_BYTES);
    try (RestClient client = client(proxy.url("http"))) {
      assertThatThrownBy(() -> call(client, verb).execute())
          .isInstanceOf(KubeClientException.class)
          .isNotInstanceOf(KubeApiException.class)
          .hasMessageContaining(verb + " ")
          .hasMessageContaining("connection broke after the request was sent")
          .hasMessageContaining("not sent again");
    }
    assertThat(proxy.connections()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aTimeoutSaysWhatTheAttemptsBeforeItRanInto() {
    server.route(PATH).always(Reply.json(200, CM));
    FaultProxy proxy = proxy().next(Mode.RESET_ON_FIRST_BYTES, Mode.RESET_ON_FIRST_BYTES).always(Mode.BLACK_HOLE);
    try (RestClient client = client(proxy.url("http"))) {
      assertThatThrownBy(() -> call(client, "GET").timeout(Duration.ofSeconds(4)).execute())
          .isInstanceOfSatisfying(KubeClientException.class, e -> {
            assertThat(e.getMessage())
                .contains("timed out", "4000 ms")
                .contains("earlier attempts: connection broke after the request was sent");
            assertThat(e.getCause()).isInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(e.getSuppressed()).isNotEmpty().allMatch(java.io.IOException.class::isInstance);
          });
    }
    assertThat(proxy.connections()).isEqualTo(3);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aTypedGetAnsweredWithAnEmptyBodyIsAnErrorNotNull() {
    server.route(PATH).always(Reply.json(200, ""));
    try (RestClient client = client(server.url())) {
      assertThatThrownBy(() -> call(client, "GET").execute(TestConfigMap.class))
          .isInstanceOf(KubeClientException.class)
          .hasMessageContaining("GET ")
          .hasMessageContaining("answered 200 with an empty body where a TestConfigMap was expected");
      ResourceClient<TestConfigMap> configMaps = new ResourceClient<>(client, CONFIGMAPS, TestConfigMap.class, "default");
      assertThatThrownBy(() -> configMaps.get("a", null)).isInstanceOf(KubeClientException.class)
          .hasMessageContaining("empty body");
      // a call that expects nothing is content with nothing
      call(client, "GET").execute();
      assertThat(call(client, "GET").execute(String.class)).isEmpty();
    }
  }
}
