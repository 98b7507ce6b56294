package io.kubegen.runtime.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void exponentialDoublesPerItemUpToTheCap() {
    ItemExponentialFailureRateLimiter<String> l = ItemExponentialFailureRateLimiter.withDefaults();
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(l.when("b")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.numRequeues("a")).isEqualTo(3);
    for (int i = 0; i < 100; i++) {
      l.when("a");
    }
    assertThat(l.when("a")).isEqualTo(Duration.ofSeconds(1000));
    l.forget("a");
    assertThat(l.numRequeues("a")).isZero();
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void exponentialReachesTheCapExactlyAtTheRightStep() {
    ItemExponentialFailureRateLimiter<String> l =
        new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(1), Duration.ofMillis(1000));
    Duration last = Duration.ZERO;
    for (int i = 0; i < 10; i++) {
      last = l.when("x");
    }
    assertThat(last).isEqualTo(Duration.ofMillis(512));
    assertThat(l.when("x")).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void bucketAllowsBurstThenSpacesBy1OverQps() {
    FakeClock clock = new FakeClock();
    BucketRateLimiter<String> l = new BucketRateLimiter<>(10, 100, clock);
    for (int i = 0; i < 100; i++) {
      assertThat(l.when("item" + i)).isEqualTo(Duration.ZERO);
    }
    assertThat(l.when("x")).isEqualTo(Duration.ofMillis(100));
    assertThat(l.when("y")).isEqualTo(Duration.ofMillis(200));
    clock.advance(Duration.ofSeconds(1)); // 10 tokens back, 2 were reserved
    assertThat(l.when("z")).isEqualTo(Duration.ZERO);
    assertThat(l.numRequeues("x")).isZero();
  }

  @Test
  void bucketRefillsOnlyUpToBurst() {
    FakeClock clock = new FakeClock();
    BucketRateLimiter<String> l = new BucketRateLimiter<>(1, 2, clock);
    clock.advance(Duration.ofHours(1));
    assertThat(l.when("a")).isZero();
    assertThat(l.when("a")).isZero();
    assertThat(l.when("a")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void fastSlowSwitchesAfterMaxFastAttempts() {
    ItemFastSlowRateLimiter<String> l = new ItemFastSlowRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(10), 3);
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofSeconds(10));
    assertThat(l.when("b")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.numRequeues("a")).isEqualTo(4);
    l.forget("a");
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void maxOfTakesTheLongestDelayAndForgetsEverywhere() {
    ItemFastSlowRateLimiter<String> fastSlow = new ItemFastSlowRateLimiter<>(Duration.ofMillis(3), Duration.ofSeconds(3), 2);
    ItemExponentialFailureRateLimiter<String> exp = new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(1), Duration.ofSeconds(1));
    MaxOfRateLimiter<String> l = new MaxOfRateLimiter<>(fastSlow, exp);
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(3));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(3));
    assertThat(l.when("a")).isEqualTo(Duration.ofSeconds(3));
    assertThat(l.numRequeues("a")).isEqualTo(3);
    l.forget("a");
    assertThat(fastSlow.numRequeues("a")).isZero();
    assertThat(exp.numRequeues("a")).isZero();
  }

  @Test
  void defaultControllerLimiterCombinesExponentialAndBucket() {
    FakeClock clock = new FakeClock();
    RateLimiter<String> l = RateLimiter.defaultControllerRateLimiter(clock);
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(10));
    for (int i = 0; i < 98; i++) {
      l.when("k" + i);
    }
    // the bucket (burst 100) is empty now: 10 qps means 100 ms for the next item
    assertThat(l.when("fresh")).isEqualTo(Duration.ofMillis(100));
    assertThat(l.numRequeues("a")).isEqualTo(2);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> new BucketRateLimiter<String>(0, 1)).hasMessageContaining("qps");
    assertThatThrownBy(() -> new ItemExponentialFailureRateLimiter<String>(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("base");
  }
}
