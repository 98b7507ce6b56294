package io.kubegen.runtime.cache;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the blocking calls of a {@link Reflector} (list pages, opening a watch) on a helper thread,
 * so the reflector can give up on a call that does not answer by its deadline whatever the call
 * does: the helper is interrupted and abandoned, and a result it still delivers later is handed
 * to a discard function (which closes a late watch). Deadlines follow the reflector's
 * {@link Clock}, so a fake clock drives them in tests.
 *
 * <p>Threading: {@link #call} is made by the reflector thread, one call at a time; each call gets
 * a daemon thread named as given, which ends with the call. {@link #stop} may be called from any
 * thread; it wakes a waiting {@code call} and interrupts every helper still running;
 * {@link #awaitHelpers} then waits a bounded time for them to end.
 */
final class DeadlineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineRunner.class);

  private final String threadName;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Runnable wake = this::signalAll;
  private final Set<Thread> helpers = ConcurrentHashMap.newKeySet();
  private boolean stopped;

  DeadlineRunner(String threadName, Clock clock) {
    this.threadName = threadName;
    this.clock = clock;
    clock.addTimeListener(wake);
  }

  /**
   * Runs {@code body} and returns what it returns, or throws what it throws (errors included).
   * With a zero {@code timeout} it runs on the calling thread without a deadline.
   *
   * @param what names the call in the timeout message
   * @param discard receives a result that arrives after the caller gave up
   * @throws ListWatchTimeoutException if {@code timeout} passes first
   * @throws CancellationException if {@link #stop()} is called or the caller is interrupted first
   */
  <R> R call(String what, Duration timeout, Supplier<R> body, Consumer<? super R> discard) {
    if (timeout.isZero()) {
      return body.get();
    }
    Call<R> call = new Call<>();
    Thread helper = new Thread(() -> runHelper(call, body, discard), threadName);
    helper.setDaemon(true);
    // helpers stay in the set until they have ended (awaitHelpers must see one that is still
    // closing a late result); the ended ones are dropped here
    helpers.removeIf(t -> t.getState() == Thread.State.TERMINATED);
    helpers.add(helper);
    long deadline = clock.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      if (stopped) {
        helpers.remove(helper);
        throw new CancellationException(what + ": stopped");
      }
      helper.start();
      long left;
      while (!call.done && !stopped && (left = deadline - clock.nanoTime()) > 0) {
        changed.awaitNanos(left);
      }
      if (call.done) {
        return call.result();
      }
      call.abandoned = true;
    } catch (InterruptedException e) {
      call.abandoned = true;
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    helper.interrupt();
    if (stopped || Thread.currentThread().isInterrupted()) {
      throw new CancellationException(what + ": stopped");
    }
    throw new ListWatchTimeoutException(what, timeout);
  }

  private <R> void runHelper(Call<R> call, Supplier<R> body, Consumer<? super R> discard) {
    R result = null;
    Throwable error = null;
    try {
      result = body.get();
    } catch (Throwable t) {
      error = t;
    }
    boolean late;
    lock.lock();
    try {
      late = call.abandoned;
      if (!late) {
        call.value = result;
        call.error = error;
        call.done = true;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (late) {
      if (result != null) {
        try {
          discard.accept(result);
        } catch (RuntimeException e) {
          LOG.debug("{}: discarding a late result failed: {}", threadName, e.toString());
        }
      } else if (error != null) {
        LOG.debug("{}: an abandoned call ended with {}", threadName, error.toString());
      }
    }
  }

  /**
   * Wakes a waiting {@link #call} (which then throws {@link CancellationException}) and interrupts
   * every helper still running; later calls are refused. Idempotent, returns at once.
   */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    clock.removeTimeListener(wake);
    helpers.forEach(Thread::interrupt);
  }

  /**
   * Waits up to {@code grace} in all for the helpers to end (after {@link #stop()}). An interrupt
   * does not cut the wait short (the reflector's own {@code stop()} interrupts the thread that is
   * waiting here); it is kept for the caller.
   */
  void awaitHelpers(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    boolean interrupted = false;
    for (Thread t : helpers) {
      long left;
      while (t.isAlive() && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedJoin(t, left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (t.isAlive()) {
        LOG.warn("{}: a list/watch call ignored its interrupt and is still running; left behind", threadName);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }


  private void signalAll() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** One call's outcome; guarded by the runner's lock. */
  private static final class Call<R> {
    R value;
    Throwable error;
    boolean done;
    boolean abandoned;

    R result() {
      if (error instanceof RuntimeException e) {
        throw e;
      }
      if (error instanceof Error e) {
        throw e;
      }
      if (error != null) {
        throw new IllegalStateException(error);
      }
      return value;
    }
  }
}
