package io.kubegen.runtime.leaderelection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One term of leadership, handed to {@link LeaderCallbacks#onStartedLeading(Leadership)}: the
 * Java counterpart of the context client-go passes, cancelled when the term ends (the lease was
 * lost or the elector was closed). A term ends once and for all.
 *
 * <p>Thread-safe: any thread may ask, wait or register a listener.
 */
public final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final String identity;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final List<Runnable> listeners = new ArrayList<>();

  Leadership(String identity) {
    this.identity = identity;
  }

  /** The identity that leads in this term. */
  public String identity() {
    return identity;
  }

  /** True until the term ends. */
  public boolean isActive() {
    return ended.getCount() > 0;
  }

  /**
   * Waits up to {@code timeout} for the term to end.
   *
   * @return true if it ended, false if the timeout passed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code listener} when the term ends, on the elector's thread (so it must be quick), or
   * at once on the calling thread if it has ended already. A listener that throws is logged.
   */
  public void onEnd(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (listeners) {
      if (isActive()) {
        listeners.add(listener);
        return;
      }
    }
    runQuietly(listener);
  }

  /** Ends the term: wakes the waiters and runs the listeners. Idempotent. */
  void end() {
    List<Runnable> toRun;
    synchronized (listeners) {
      if (!isActive()) {
        return;
      }
      ended.countDown();
      toRun = List.copyOf(listeners);
      listeners.clear();
    }
    toRun.forEach(Leadership::runQuietly);
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.error("a leadership end listener failed", e);
    }
  }

  @Override
  public String toString() {
    return "Leadership{" + identity + (isActive() ? ", active}" : ", ended}");
  }
}
