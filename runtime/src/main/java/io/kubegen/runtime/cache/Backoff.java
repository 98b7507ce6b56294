package io.kubegen.runtime.cache;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The reflector's jittered exponential backoff (client-go's backoff manager): starts at
 * {@code initial}, doubles up to {@code max}, adds up to {@code jitter × delay} at random, and
 * starts over when no backoff was asked for during {@code reset}. Not thread-safe: one reflector
 * thread uses it.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final Duration reset;
  private final double jitter;
  private final Clock clock;
  private final Random random;
  private Duration current;
  private long lastNanos;
  private boolean used;

  Backoff(Duration initial, Duration max, Duration reset, double jitter, Clock clock, Random random) {
    this.initial = initial;
    this.max = max;
    this.reset = reset;
    this.jitter = jitter;
    this.clock = clock;
    this.random = random;
    this.current = initial;
  }

  /** The next delay. */
  Duration next() {
    long now = clock.nanoTime();
    if (used && now - lastNanos > reset.toNanos()) {
      current = initial;
    }
    used = true;
    lastNanos = now;
    Duration d = current;
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
    if (jitter > 0) {
      d = d.plusNanos((long) (random.nextDouble() * jitter * d.toNanos()));
    }
    return d;
  }
}
