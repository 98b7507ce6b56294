package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * Decides how long an item waits before it is re-queued. Implementations are thread-safe.
 *
 * @param <T> the item type
 */
public interface RateLimiter<T> {

  /** How long {@code item} should wait now; calling it counts as one more failure of the item. */
  Duration when(T item);

  /** Stops tracking {@code item}: its failure count starts over. */
  void forget(T item);

  /** How many failures of {@code item} are being tracked. */
  int numRequeues(T item);

  /**
   * client-go's default for controllers: the larger of per-item exponential backoff (5 ms
   * doubling up to 1000 s) and an overall token bucket (10 per second, burst 100).
   */
  static <T> RateLimiter<T> defaultControllerRateLimiter() {
    return defaultControllerRateLimiter(Clock.system());
  }

  /** {@link #defaultControllerRateLimiter()} on the given clock. */
  static <T> RateLimiter<T> defaultControllerRateLimiter(Clock clock) {
    return new MaxOfRateLimiter<>(
        new ItemExponentialFailureRateLimiter<T>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
        new BucketRateLimiter<T>(10, 100, clock));
  }
}
