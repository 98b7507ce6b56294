package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * An overall token bucket shared by all items: it holds up to {@code burst} tokens and refills at
 * {@code qps} tokens per second; every {@link #when} takes one token, waiting for it if the bucket
 * is empty (the wait is reserved, so successive calls queue up behind each other). Tracks no
 * per-item state: {@link #numRequeues} is always 0. Thread-safe.
 *
 * @param <T> the item type
 */
public final class BucketRateLimiter<T> implements RateLimiter<T> {
  private final double qps;
  private final int burst;
  private final Clock clock;
  private double tokens;
  private long last;

  /** A bucket of {@code burst} tokens refilled at {@code qps} per second, on the system clock. */
  public BucketRateLimiter(double qps, int burst) {
    this(qps, burst, Clock.system());
  }

  /** A bucket on the given clock; starts full. */
  public BucketRateLimiter(double qps, int burst, Clock clock) {
    if (!(qps > 0) || burst < 1) {
      throw new IllegalArgumentException("need qps > 0 and burst >= 1, got qps=" + qps + " burst=" + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.nanoTime();
  }

  @Override
  public synchronized Duration when(T item) {
    long now = clock.nanoTime();
    if (now > last) {
      tokens = Math.min(burst, tokens + (now - last) / 1e9 * qps);
      last = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
  }

  @Override
  public void forget(T item) {}

  @Override
  public int numRequeues(T item) {
    return 0;
  }
}
