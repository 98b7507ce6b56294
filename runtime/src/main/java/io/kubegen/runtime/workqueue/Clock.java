package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * The time source of queues and rate limiters, injectable so tests can step time by hand
 * ({@link FakeClock}). Implementations are thread-safe.
 */
public interface Clock {

  /** Monotonic time in nanoseconds; only differences are meaningful. */
  long nanoTime();

  /**
   * Registers a callback run after every jump of this clock's time. Real clocks never jump and
   * ignore it; a {@link FakeClock} runs it on the thread that advances the clock, so a waiter that
   * computes deadlines from this clock can wake up and look again.
   */
  default void addTimeListener(Runnable listener) {}

  /** Removes a callback added by {@link #addTimeListener}; no-op on real clocks. */
  default void removeTimeListener(Runnable listener) {}

  /** Nanoseconds since {@code startNanos}, as a {@link Duration}. */
  default Duration since(long startNanos) {
    return Duration.ofNanos(nanoTime() - startNanos);
  }

  /** The system's monotonic clock ({@link System#nanoTime()}). */
  static Clock system() {
    return SystemClock.INSTANCE;
  }

  /** The system clock as an enum singleton. */
  enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  }
}
