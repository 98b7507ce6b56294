package io.kubegen.runtime.cache;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Test helper: polls a condition until it holds or a deadline passes (never a blind sleep). */
public final class Eventually {
  private Eventually() {}

  /** Polls {@code condition} every millisecond or so until it holds; fails after {@code timeout}. */
  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout + ": " + description.get());
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** {@link #until(Duration, BooleanSupplier, Supplier)} with 10 seconds and a fixed description. */
  public static void until(BooleanSupplier condition, String description) {
    until(Duration.ofSeconds(10), condition, () -> description);
  }

  /** Fails if a live thread's name starts with {@code prefix} after waiting up to 5 seconds. */
  public static void noThreadsNamed(String prefix) {
    until(Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().startsWith(prefix)),
        () -> "threads left: " + Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName).filter(n -> n.startsWith(prefix)).toList());
  }
}
