package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryOnConflictTest {
  private static KubeApiException conflict() {
    return new KubeApiException(409, Status.failure(409, "Conflict", "the object has been modified"), "PUT /x");
  }

  @Test
  void retriesConflictsUntilTheUpdateGoesThrough() {
    AtomicInteger calls = new AtomicInteger();
    String result = RetryOnConflict.retryOnConflict(() -> {
      if (calls.incrementAndGet() < 3) {
        throw conflict();
      }
      return "stored";
    });
    assertThat(result).isEqualTo("stored");
    assertThat(calls).hasValue(3);
  }

  @Test
  void givesUpAfterTheBackoffStepsWithTheLastConflict() {
    AtomicInteger calls = new AtomicInteger();
    List<Duration> waits = new ArrayList<>();
    Backoff backoff = new Backoff(Duration.ofMillis(10), 2.0, 0, 4, null);
    assertThatThrownBy(() -> RetryOnConflict.onError(backoff, e -> e instanceof KubeApiException k && k.isConflict(),
        () -> {
          calls.incrementAndGet();
          throw conflict();
        }, waits::add))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isConflict()).isTrue());
    assertThat(calls).hasValue(4);
    assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
  }

  @Test
  void otherErrorsAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> RetryOnConflict.retryOnConflict(() -> {
      calls.incrementAndGet();
      throw new KubeApiException(404, null, "GET /x");
    })).isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThat(calls).hasValue(1);
  }

  @Test
  void theDefaultRetryIsClientGos() {
    assertThat(Backoff.DEFAULT_RETRY.steps()).isEqualTo(5);
    assertThat(Backoff.DEFAULT_RETRY.initial()).isEqualTo(Duration.ofMillis(10));
    assertThat(Backoff.DEFAULT_RETRY.factor()).isEqualTo(1.0);
    assertThat(Backoff.DEFAULT_RETRY.jitter()).isEqualTo(0.1);
    Duration d = Backoff.DEFAULT_RETRY.jitteredDelayBeforeRetry(3);
    assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(11));
    assertThatThrownBy(() -> new Backoff(Duration.ofMillis(1), 0.5, 0, 1, null)).hasMessageContaining("factor");
  }
}
