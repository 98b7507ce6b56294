package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sleeps by a {@link Clock}, so a fake clock drives the elector's pauses in tests. A sleep ends
 * at its deadline, on {@link #stop()}, or when its condition holds (checked under the sleeper's
 * lock at the start and after each {@link #wake()}, so a wake-up is never lost). Thread-safe.
 */
final class ClockSleeper {
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Runnable onTimeJump = this::signal;
  private boolean stopped;
  private int sleepsStarted;

  ClockSleeper(Clock clock) {
    this.clock = clock;
    clock.addTimeListener(onTimeJump);
  }

  /**
   * Sleeps for {@code duration} of clock time.
   *
   * @return true if the time passed; false if stopped or interrupted first
   */
  boolean sleep(Duration duration) {
    return sleep(duration, () -> false);
  }

  /**
   * Sleeps for {@code duration} of clock time, or until {@code cutShort} holds when it is checked
   * (at the start, and after every {@link #wake()}: set what it reads before calling wake).
   *
   * @return true if the time passed; false if cut short, stopped or interrupted first
   */
  boolean sleep(Duration duration, BooleanSupplier cutShort) {
    lock.lock();
    try {
      long deadline = clock.nanoTime() + duration.toNanos();
      sleepsStarted++;
      changed.signalAll();
      long left;
      while (!stopped && !cutShort.getAsBoolean() && (left = deadline - clock.nanoTime()) > 0) {
        changed.awaitNanos(left);
      }
      return !stopped && !cutShort.getAsBoolean();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Makes sleepers check their {@code cutShort} condition again. */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends every sleep now and later. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    clock.removeTimeListener(onTimeJump);
  }

  /**
   * Waits (in real time, up to {@code timeout}) until at least {@code count} sleeps have started;
   * for tests that move a fake clock only once the elector is asleep.
   */
  boolean awaitSleeps(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      long left;
      while (sleepsStarted < count) {
        if ((left = deadline - System.nanoTime()) <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** How many sleeps have started. */
  int sleepsStarted() {
    lock.lock();
    try {
      return sleepsStarted;
    } finally {
      lock.unlock();
    }
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
