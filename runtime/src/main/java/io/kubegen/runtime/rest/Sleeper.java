package io.kubegen.runtime.rest;

import java.time.Duration;

/** Waits for a while; the seam that lets tests replace real waiting in backoff and rate limiting. */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    }
  };

  /** Waits {@code duration}; returns at once for zero or negative durations. */
  void sleep(Duration duration) throws InterruptedException;
}
