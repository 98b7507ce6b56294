package io.kubegen.runtime.cache;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sleeps by a {@link Clock} (so fake clocks drive backoff and resync in tests) until a deadline
 * or until stopped. Thread-safe; {@link #stop()} wakes every sleeper at once.
 */
final class ClockWaiter {
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Runnable wake = this::signal;
  private boolean stopped;

  ClockWaiter(Clock clock) {
    this.clock = clock;
    clock.addTimeListener(wake);
  }

  /** Sleeps for {@code duration} of clock time; false if stopped (or interrupted) first. */
  boolean await(Duration duration) {
    long deadline = clock.nanoTime() + duration.toNanos();
    lock.lock();
    try {
      long left;
      while (!stopped && (left = deadline - clock.nanoTime()) > 0) {
        changed.awaitNanos(left);
      }
      return !stopped;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes all sleepers; later sleeps return false at once. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    clock.removeTimeListener(wake);
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
