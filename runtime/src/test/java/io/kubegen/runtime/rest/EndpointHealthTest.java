package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {
  private final AtomicLong now = new AtomicLong();
  private final List<URI> servers = List.of(URI.create("https://a:6443"), URI.create("https://b:6443"),
      URI.create("https://c:6443"));

  private EndpointHealth preferring(int preferred) {
    Random fixed = new Random() {
      @Override
      public int nextInt(int bound) { return preferred; }
    };
    return new EndpointHealth(servers, fixed, Duration.ofSeconds(10), Duration.ofSeconds(25), now::get);
  }

  private static BitSet tried(int... indexes) {
    BitSet b = new BitSet();
    for (int i : indexes) {
      b.set(i);
    }
    return b;
  }

  private void advanceSeconds(long s) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(s));
  }

  @Test
  void healthyEndpointsComeFirstInOrderFromThePreferredOne() {
    EndpointHealth health = preferring(1);
    assertThat(health.first()).isEqualTo(1);
    assertThat(health.next(tried(1))).isEqualTo(2);
    assertThat(health.next(tried(1, 2))).isEqualTo(0);
    assertThat(health.next(tried(0, 1, 2))).isEqualTo(-1);
    health.failed(2, "refused");
    assertThat(health.next(tried(1))).as("c is cooling down").isEqualTo(0);
    assertThat(health.next(tried(0, 1))).as("but tried when nothing healthy is left").isEqualTo(2);
  }

  @Test
  void withNothingHealthyTheEndpointWhoseCooldownEndsFirstIsTried() {
    EndpointHealth health = preferring(0);
    health.failed(1, "refused");
    advanceSeconds(1);
    health.failed(0, "503");
    advanceSeconds(1);
    health.failed(2, "reset");
    assertThat(health.first()).isEqualTo(1);
    assertThat(health.next(tried(1))).isEqualTo(0);
    assertThat(health.summary()).isEqualTo("https://a:6443: 503; https://b:6443: refused; https://c:6443: reset");
  }

  @Test
  void theCooldownDoublesWithFailuresInARowUpToItsCapAndAnAnswerEndsIt() {
    EndpointHealth health = preferring(0);
    health.failed(0, "refused");
    advanceSeconds(9);
    assertThat(health.isHealthy(0)).isFalse();
    advanceSeconds(1);
    assertThat(health.isHealthy(0)).isTrue();
    health.failed(0, "refused");
    advanceSeconds(19);
    assertThat(health.isHealthy(0)).isFalse();
    advanceSeconds(1);
    assertThat(health.isHealthy(0)).isTrue();
    health.failed(0, "refused");
    advanceSeconds(24);
    assertThat(health.isHealthy(0)).as("40 s capped at 25 s").isFalse();
    advanceSeconds(1);
    assertThat(health.isHealthy(0)).isTrue();
    health.answered(0);
    health.failed(0, "refused");
    advanceSeconds(10);
    assertThat(health.isHealthy(0)).as("back to the first cool-down after an answer").isTrue();
    assertThat(health.lastFailure(0)).isEqualTo("refused");
  }
}
