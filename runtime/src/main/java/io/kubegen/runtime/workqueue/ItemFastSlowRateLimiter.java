package io.kubegen.runtime.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Waits {@code fast} for the first {@code maxFastAttempts} failures of an item, then {@code slow}.
 * Thread-safe.
 *
 * @param <T> the item type
 */
public final class ItemFastSlowRateLimiter<T> implements RateLimiter<T> {
  private final Duration fast;
  private final Duration slow;
  private final int maxFastAttempts;
  private final Map<T, Integer> failures = new HashMap<>();

  /** A limiter with the given short and long delays and the number of short ones. */
  public ItemFastSlowRateLimiter(Duration fast, Duration slow, int maxFastAttempts) {
    if (fast.isNegative() || slow.isNegative() || maxFastAttempts < 0) {
      throw new IllegalArgumentException("delays and attempts must not be negative");
    }
    this.fast = fast;
    this.slow = slow;
    this.maxFastAttempts = maxFastAttempts;
  }

  @Override
  public synchronized Duration when(T item) {
    int n = failures.merge(item, 1, Integer::sum);
    return n <= maxFastAttempts ? fast : slow;
  }

  @Override
  public synchronized void forget(T item) {
    failures.remove(item);
  }

  @Override
  public synchronized int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }
}
