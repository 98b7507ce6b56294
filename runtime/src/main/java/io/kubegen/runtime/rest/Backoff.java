package io.kubegen.runtime.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An exponential backoff schedule, as client-go's {@code wait.Backoff}: the first wait is
 * {@code initial}, each next one is {@code factor} times the last, capped at {@code cap}, each
 * stretched by a random part of up to {@code jitter} times itself; {@code steps} is how many
 * attempts are made in all. Immutable.
 *
 * @param initial the first wait
 * @param factor the growth factor, at least 1
 * @param jitter the random extra part, 0 for none
 * @param steps the number of attempts, at least 1
 * @param cap the largest wait before jitter, or null for none
 */
public record Backoff(Duration initial, double factor, double jitter, int steps, Duration cap) {
  /** client-go's {@code retry.DefaultRetry}: 5 attempts, 10 ms apart with 10 % jitter. */
  public static final Backoff DEFAULT_RETRY = new Backoff(Duration.ofMillis(10), 1.0, 0.1, 5, null);
  /** client-go's {@code retry.DefaultBackoff}: 4 attempts, 10 ms growing five-fold, 10 % jitter. */
  public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(10), 5.0, 0.1, 4, null);

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    if (initial.isNegative()) {
      throw new IllegalArgumentException("initial backoff must not be negative: " + initial);
    }
    if (factor < 1.0 || Double.isNaN(factor)) {
      throw new IllegalArgumentException("backoff factor must be at least 1: " + factor);
    }
    if (jitter < 0 || Double.isNaN(jitter)) {
      throw new IllegalArgumentException("backoff jitter must not be negative: " + jitter);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("backoff steps must be at least 1: " + steps);
    }
  }

  /**
   * The wait before attempt {@code retry + 1}, where {@code retry} counts from 0 for the first
   * retry; without jitter.
   */
  public Duration delayBeforeRetry(int retry) {
    double nanos = initial.toNanos() * Math.pow(factor, Math.max(0, retry));
    if (cap != null) {
      nanos = Math.min(nanos, cap.toNanos());
    }
    return Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE / 2.0));
  }

  /** {@link #delayBeforeRetry(int)} stretched by a random jitter. */
  public Duration jitteredDelayBeforeRetry(int retry) {
    Duration base = delayBeforeRetry(retry);
    if (jitter == 0) {
      return base;
    }
    double extra = base.toNanos() * jitter * ThreadLocalRandom.current().nextDouble();
    return base.plusNanos((long) extra);
  }
}
