package io.kubegen.runtime.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential backoff: the n-th failure of an item (counting from 0) waits
 * {@code base * 2^n}, capped at {@code max}. Thread-safe.
 *
 * @param <T> the item type
 */
public final class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  private final Duration base;
  private final Duration max;
  private final Map<T, Integer> failures = new HashMap<>();

  /** A limiter waiting {@code base}, then twice as long on every failure, never more than {@code max}. */
  public ItemExponentialFailureRateLimiter(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got base=" + base + " max=" + max);
    }
    this.base = base;
    this.max = max;
  }

  /** client-go's defaults: 5 ms up to 1000 s. */
  public static <T> ItemExponentialFailureRateLimiter<T> withDefaults() {
    return new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
  }

  @Override
  public synchronized Duration when(T item) {
    int n = failures.merge(item, 1, Integer::sum) - 1;
    if (n >= 62) {
      return max;
    }
    double nanos = base.toNanos() * Math.pow(2, n);
    if (nanos >= max.toNanos()) {
      return max;
    }
    return Duration.ofNanos((long) nanos);
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
