package io.kubegen.runtime.workqueue;

import java.time.Duration;
import java.util.List;

/**
 * Combines limiters: waits the longest of their delays, reports the largest requeue count, and
 * forwards {@link #forget} to all. Every limiter is asked on every call, so each keeps its own
 * count. Thread-safe when its parts are.
 *
 * @param <T> the item type
 */
public final class MaxOfRateLimiter<T> implements RateLimiter<T> {
  private final List<RateLimiter<T>> limiters;

  /** The maximum of {@code limiters} (at least one). */
  @SafeVarargs
  public MaxOfRateLimiter(RateLimiter<T>... limiters) {
    if (limiters.length == 0) {
      throw new IllegalArgumentException("need at least one rate limiter");
    }
    List<RateLimiter<T>> copy = new java.util.ArrayList<>(limiters.length);
    for (RateLimiter<T> l : limiters) {
      copy.add(java.util.Objects.requireNonNull(l, "limiter"));
    }
    this.limiters = List.copyOf(copy);
  }

  @Override
  public Duration when(T item) {
    Duration longest = Duration.ZERO;
    for (RateLimiter<T> limiter : limiters) {
      Duration d = limiter.when(item);
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest;
  }

  @Override
  public void forget(T item) {
    limiters.forEach(l -> l.forget(item));
  }

  @Override
  public int numRequeues(T item) {
    int max = 0;
    for (RateLimiter<T> limiter : limiters) {
      max = Math.max(max, limiter.numRequeues(item));
    }
    return max;
  }
}
