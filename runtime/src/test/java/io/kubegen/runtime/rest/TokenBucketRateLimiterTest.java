package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TokenBucketRateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> waits = new ArrayList<>();
  /** A sleeper that moves the fake clock instead of waiting. */
  private final Sleeper advancingSleeper = d -> {
    waits.add(d);
    now.addAndGet(d.toNanos());
  };

  @Test
  void theBurstIsFreeThenCallsAreSpacedAtQps() throws Exception {
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(5, 10, now::get, advancingSleeper);
    for (int i = 0; i < 10; i++) {
      limiter.acquire();
    }
    assertThat(waits).allMatch(Duration::isZero);
    waits.clear();
    long start = now.get();
    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }
    assertThat(waits).allMatch(d -> d.equals(Duration.ofMillis(200)));
    assertThat(Duration.ofNanos(now.get() - start)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void tokensRefillWithTimeButNeverBeyondTheBurst() {
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(2, 3, now::get, advancingSleeper);
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
    assertThat(limiter.tryAcquire()).isFalse();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(limiter.tryAcquire()).isTrue();
    now.addAndGet(TimeUnit.HOURS.toNanos(1));
    assertThat(limiter.availableTokens()).isEqualTo(3.0);
  }

  @Test
  void waitersReserveFutureTokensInArrivalOrder() {
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(10, 1, now::get, advancingSleeper);
    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(200));
    assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void concurrentCallersNeverExceedTheRate() throws Exception {
    // many threads reserve at once on a frozen clock: the total wait they were told to take
    // must space them at exactly 1/qps after the burst
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(100, 5, now::get, advancingSleeper);
    int threads = 8;
    int perThread = 25;
    List<Duration> reserved = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          reserved.add(limiter.reserve());
        }
        done.countDown();
      }).start();
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    List<Duration> sorted = new ArrayList<>(reserved);
    sorted.sort(null);
    assertThat(sorted.subList(0, 5)).allMatch(Duration::isZero);
    for (int i = 5; i < sorted.size(); i++) {
      assertThat(sorted.get(i)).isEqualTo(Duration.ofMillis(10L * (i - 4)));
    }
  }

  @Test
  void aWaitLongerThanTheCallerMayWaitFailsAtOnceAndTakesNothing() throws Exception {
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(10, 1, now::get, advancingSleeper);
    assertThat(limiter.tryAcquire(Duration.ZERO)).isTrue();
    // the next token comes in 100 ms: 99 ms is not enough, and nothing is taken or waited
    assertThat(limiter.tryAcquire(Duration.ofMillis(99))).isFalse();
    assertThat(waits).allMatch(Duration::isZero);
    assertThat(limiter.availableTokens()).isEqualTo(0.0);
    // 100 ms is: the caller waits for it
    assertThat(limiter.tryAcquire(Duration.ofMillis(100))).isTrue();
    assertThat(waits).last().isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.tryAcquire(null)).isTrue();
    assertThat(waits).last().isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aTokenReservedByAnInterruptedWaitIsGivenBack() {
    Sleeper interrupted = d -> {
      if (!d.isZero()) {
        throw new InterruptedException("interrupted in the test");
      }
    };
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1, 2, now::get, interrupted);
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.availableTokens()).isEqualTo(0.0);
    assertThatThrownBy(limiter::acquire).isInstanceOf(InterruptedException.class);
    assertThat(limiter.availableTokens()).isEqualTo(0.0);
    assertThatThrownBy(() -> limiter.tryAcquire(Duration.ofSeconds(5))).isInstanceOf(InterruptedException.class);
    assertThat(limiter.availableTokens()).isEqualTo(0.0);
    // the next caller is not pushed back by the permits the interrupted ones gave up
    assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aThreadInterruptedWhileWaitingForRealGivesItsTokenBack() throws Exception {
    // a token every 10 s: the reservation below stays in debt for longer than any pause of the machine
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(0.1, 1);
    assertThat(limiter.tryAcquire()).isTrue();
    java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        limiter.acquire();
        outcome.set(new AssertionError("acquired a token that should not be there yet"));
      } catch (Throwable t) {
        outcome.set(t);
      }
    });
    waiter.start();
    assertThat(FaultServer.await(5000, () -> waiter.getState() == Thread.State.TIMED_WAITING)).isTrue();
    // the waiter holds a reservation now: the bucket is in debt
    assertThat(limiter.availableTokens()).isLessThan(0.0);
    waiter.interrupt();
    waiter.join(5000);
    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    assertThat(limiter.availableTokens()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void aCallThatCannotGetAPermitBeforeItsDeadlineFailsAtOnce() {
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(0.5, 1, now::get, advancingSleeper);
    try (FaultServer server = FaultServer.start()) {
      server.route("/version").always(Reply.json(200, "{}"));
      RestConfig config = RestConfig.builder().server(server.url().toString()).build();
      try (RestClient client = RestClient.builder(config).rateLimiter(limiter).ticker(now::get).build()) {
        client.get().path("/version").execute();
        long before = now.get();
        assertThatThrownBy(() -> client.get().path("/version").timeout(Duration.ofMillis(1500)).execute())
            .isInstanceOf(KubeClientException.class)
            .hasMessageContaining("rate limiter")
            .hasMessageContaining("deadline");
        assertThat(now.get()).as("no time spent waiting").isEqualTo(before);
        assertThat(limiter.availableTokens()).as("the permit was not taken").isEqualTo(0.0);
        // with enough time left the call waits for its permit
        client.get().path("/version").timeout(Duration.ofSeconds(30)).execute();
        assertThat(waits).last().isEqualTo(Duration.ofSeconds(2));
      }
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void badSettingsAreRejected() {
    assertThatThrownBy(() -> new TokenBucketRateLimiter(0, 1)).hasMessageContaining("qps");
    assertThatThrownBy(() -> new TokenBucketRateLimiter(1, 0)).hasMessageContaining("burst");
    assertThat(TokenBucketRateLimiter.forConfig(-1, 10)).isSameAs(RateLimiter.UNLIMITED);
  }

  @Test
  void theClientTakesAPermitForEveryAttempt() {
    AtomicInteger permits = new AtomicInteger();
    RateLimiter counting = new RateLimiter() {
      @Override public void acquire() { permits.incrementAndGet(); }
      @Override public boolean tryAcquire() { return true; }
      @Override public boolean tryAcquire(Duration maxWait) {
        permits.incrementAndGet();
        return true;
      }
    };
    try (FaultServer server = FaultServer.start()) {
      server.route("/version").times(2, Reply.status(503, "ServiceUnavailable", "busy").header("Retry-After", "0"))
          .always(Reply.json(200, "{}"));
      RestConfig config = RestConfig.builder().server(server.url().toString()).build();
      try (RestClient client = RestClient.builder(config).rateLimiter(counting).sleeper(d -> { }).build()) {
        client.get().path("/version").execute();
      }
      assertThat(server.requests()).hasSize(3);
    }
    assertThat(permits).hasValue(3);
  }

  @Test
  void theClientThrottlesToTheConfiguredQps() {
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(50, 2, now::get, advancingSleeper);
    try (FaultServer server = FaultServer.start()) {
      server.route("/version").always(Reply.json(200, "{}"));
      RestConfig config = RestConfig.builder().server(server.url().toString()).build();
      try (RestClient client = RestClient.builder(config).rateLimiter(limiter).build()) {
        for (int i = 0; i < 6; i++) {
          client.get().path("/version").execute();
        }
      }
    }
    assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(20),
        Duration.ofMillis(20), Duration.ofMillis(20));
  }
}
