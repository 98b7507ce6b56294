package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.config.KubeConfigException;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code RestConfig.builder().chaos(probability, seed)}: failures injected before sending, for resilience tests. */
@Timeout(30)
class RestClientChaosTest {
  private static final Backoff NO_RETRIES = new Backoff(Duration.ofMillis(100), 2.0, 0.0, 1, null);
  private static final int CALLS = 60;

  private final FaultServer server = FaultServer.start();

  RestClientChaosTest() {
    server.route("/version").always(Reply.json(200, "{\"major\":\"1\"}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RestConfig.Builder config() {
    return RestConfig.builder().server(server.url().toString()).qps(-1);
  }

  /** Which of {@link #CALLS} calls failed, made one after another without retries. */
  private List<Boolean> failures(RestConfig config) {
    List<Boolean> failed = new ArrayList<>();
    try (RestClient client = RestClient.builder(config).retryBackoff(NO_RETRIES).sleeper(d -> { }).build()) {
      for (int i = 0; i < CALLS; i++) {
        try {
          client.get().path("/version").execute(String.class);
          failed.add(false);
        } catch (KubeClientException e) {
          assertThat(e).isNotInstanceOf(KubeApiException.class);
          assertThat(e.getCause()).isInstanceOf(ConnectException.class)
              .hasMessageContaining("injected by chaos");
          failed.add(true);
        }
      }
    }
    return failed;
  }

  @Test
  void chaosFailsSomeCallsBeforeSendingThemTheSameWayForTheSameSeed() {
    List<Boolean> first = failures(config().chaos(0.3, 42).build());
    long failed = first.stream().filter(f -> f).count();
    assertThat(failed).isBetween(5L, 35L);
    assertThat(server.requests()).as("an injected failure never reaches the server").hasSize(CALLS - (int) failed);

    assertThat(failures(config().chaos(0.3, 42).build())).isEqualTo(first);
    assertThat(failures(config().chaos(0.3, 43).build())).isNotEqualTo(first);
    // the pattern is the seeded sequence's, nothing else
    Random expected = new Random(42);
    for (Boolean f : first) {
      assertThat(f).isEqualTo(expected.nextDouble() < 0.3);
    }
  }

  @Test
  void chaosIsOffByDefault() {
    RestConfig config = config().build();
    assertThat(config.chaosProbability()).isZero();
    assertThat(failures(config)).containsOnly(false);
    assertThat(config.toString()).doesNotContain("chaos");
  }

  @Test
  void injectedFailuresAreRetriedLikeRefusedConnectionsWithoutMarkingTheEndpoint() {
    List<Duration> sleeps = new ArrayList<>();
    RestConfig certain = RestConfig.builder().servers(List.of(server.url().toString(), FaultServer.deadUrl().toString()))
        .qps(-1).chaos(1.0, 7).build();
    Random firstIsPreferred = new Random() {
      @Override
      public int nextInt(int bound) { return 0; }
    };
    try (RestClient client = RestClient.builder(certain).random(firstIsPreferred)
        .retryBackoff(new Backoff(Duration.ofMillis(100), 2.0, 0.0, 4, null)).sleeper(sleeps::add).build()) {
      assertThatThrownBy(() -> client.post().path("/version").body("{}").execute())
          .isInstanceOf(KubeClientException.class)
          .hasMessageContaining("injected by chaos")
          .hasMessageContaining("after 4 attempts");
      assertThat(client.currentServer()).isEqualTo(server.url());
    }
    assertThat(server.requests()).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void aClientWithChaosOnSaysSoOnceAndTheConfigShowsIt() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    RestConfig config = config().chaos(0.25, 99).build();
    try (RestClient client = RestClient.builder(config).retryBackoff(NO_RETRIES).build()) {
      for (int i = 0; i < 5; i++) {
        try {
          client.get().path("/version").execute(String.class);
        } catch (KubeClientException injected) {
          // expected now and then
        }
      }
    } finally {
      System.setErr(originalErr);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log.split("chaos is on", -1)).hasSize(2);
    assertThat(log).contains("WARN").contains("25.0 %").contains("seed 99");
    assertThat(config.toString()).contains("chaos=0.25 (seed 99)");
  }

  @Test
  void aProbabilityOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> config().chaos(1.5, 1).build()).isInstanceOf(KubeConfigException.class)
        .hasMessageContaining("chaos").hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> config().chaos(Double.NaN, 1).build()).isInstanceOf(KubeConfigException.class);
    assertThatThrownBy(() -> config().chaos(-0.1, 1).build()).isInstanceOf(KubeConfigException.class);
  }
}
