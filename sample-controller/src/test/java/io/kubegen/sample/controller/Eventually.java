package io.kubegen.sample.controller;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; for tests. */
final class Eventually {
  private Eventually() {}

  /** The first non-empty value {@code probe} gives within {@code timeout}; fails the test otherwise. */
  static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() - deadline < 0) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
    throw new AssertionError("timed out after " + timeout + " waiting until " + what
        + (last == null ? "" : " (last error: " + last + ")"), last);
  }

  /** Waits until {@code condition} holds. */
  static void until(String what, Duration timeout, Supplier<Boolean> condition) {
    await(what, timeout, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }
}
