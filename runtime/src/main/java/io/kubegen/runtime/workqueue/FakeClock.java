package io.kubegen.runtime.workqueue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that moves only when told to, for deterministic tests of delaying queues, rate
 * limiters, informers and event recorders. Thread-safe: any thread may read or advance it; the
 * time listeners run on the advancing thread after the time has changed.
 */
public final class FakeClock implements Clock {
  private final AtomicLong nanos;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** A fake clock starting at an arbitrary positive instant. */
  public FakeClock() {
    this(1_000_000_000L);
  }

  /** A fake clock starting at {@code startNanos}. */
  public FakeClock(long startNanos) {
    this.nanos = new AtomicLong(startNanos);
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  /** Moves time forward by {@code step} (which must not be negative) and wakes the waiters. */
  public void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + step);
    }
    nanos.addAndGet(step.toNanos());
    listeners.forEach(Runnable::run);
  }

  @Override
  public void addTimeListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void removeTimeListener(Runnable listener) {
    listeners.remove(listener);
  }

  /** How many time listeners are registered (a test can wait until a waiter has registered). */
  public int listenerCount() {
    return listeners.size();
  }
}
