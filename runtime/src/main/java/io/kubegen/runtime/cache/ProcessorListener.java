package io.kubegen.runtime.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One handler of an informer with its own unbounded notification queue and delivery thread. The
 * processing thread {@link #add}s (never blocks), or collects a burst with {@link #addDeferred}
 * (without locking) and then hands it over and wakes the delivery thread once
 * ({@link #signalDeferred}); the delivery thread takes everything queued in one go and calls the
 * handler.
 *
 * <p>An exception from the handler goes to the exception handler and delivery goes on; an
 * exception from the exception handler is logged. An {@link Error} from either ends the delivery
 * thread: it is passed to the exception handler (when the handler threw it) and to the informer's
 * failure callback, the queue is dropped, and the registration never reports itself synced again.
 */
final class ProcessorListener<T> implements ResourceEventHandlerRegistration {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorListener.class);

  private final ResourceEventHandler<? super T> handler;
  private final BooleanSupplier informerSynced;
  private final BooleanSupplier informerFailed;
  private final BiConsumer<ResourceEventHandler<? super T>, Throwable> exceptionHandler;
  private final Consumer<Error> onFatal;
  private final String threadName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  /** Queued by {@link #add}, not yet taken by the delivery thread; guarded by {@link #lock}. */
  private ArrayDeque<Notification<T>> queue = new ArrayDeque<>();
  /** The delivery thread's own: what it took from {@link #queue} in one go and has not yet delivered. */
  private ArrayDeque<Notification<T>> taken = new ArrayDeque<>();
  /** Size of {@link #taken}, for {@link #pendingNotifications()}. */
  private volatile int takenLeft;
  /** Resync period in nanos (0: none) and when the next one is due; guarded by the informer. */
  final long resyncNanos;
  long nextResyncNanos;
  /**
   * Whether notifications that count as a sync (resync, or a relist that found the object
   * unchanged) reach this handler: true when added, then set at every resync check to whether the
   * handler was due (client-go's sharedProcessor.listeners flag). Guarded by the informer.
   */
  boolean syncing = true;
  private final AtomicInteger pendingInitial = new AtomicInteger();
  private volatile boolean removed;
  /**
   * Notifications {@link #addDeferred} collected and {@link #signalDeferred} has not yet queued;
   * the processing thread's own (guarded by the informer's processing lock).
   */
  private final ArrayList<Notification<T>> deferred = new ArrayList<>();
  /** Size of {@link #deferred}, for {@link #pendingNotifications()}. */
  private volatile int deferredLeft;
  private volatile Error failure;
  private Thread thread;

  ProcessorListener(ResourceEventHandler<? super T> handler, long resyncNanos, BooleanSupplier informerSynced,
      BooleanSupplier informerFailed, BiConsumer<ResourceEventHandler<? super T>, Throwable> exceptionHandler,
      Consumer<Error> onFatal, String threadName) {
    this.handler = handler;
    this.resyncNanos = resyncNanos;
    this.informerSynced = informerSynced;
    this.informerFailed = informerFailed;
    this.exceptionHandler = exceptionHandler;
    this.onFatal = onFatal;
    this.threadName = threadName;
  }

  /** Starts the delivery thread; idempotent. */
  void start() {
    lock.lock();
    try {
      if (thread != null || removed) {
        return;
      }
      thread = new Thread(this::deliver, threadName);
      thread.setDaemon(true);
      thread.start();
    } finally {
      lock.unlock();
    }
  }

  /** Queues a notification; never blocks. */
  void add(Notification<T> n) {
    enqueue(n, true);
  }

  /**
   * Collects a notification for the next {@link #signalDeferred()}, without locking or waking the
   * delivery thread: the processing thread hands a whole burst over at once. Never blocks; called
   * by the processing thread only, and it must call {@link #signalDeferred()} before it waits.
   */
  void addDeferred(Notification<T> n) {
    if (removed || failure != null) {
      return;
    }
    countIfInitial(n);
    deferred.add(n);
    deferredLeft = deferred.size();
  }

  private void enqueue(Notification<T> n, boolean wake) {
    lock.lock();
    try {
      if (removed || failure != null) {
        return;
      }
      countIfInitial(n);
      queue.addLast(n);
      if (wake) {
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private void countIfInitial(Notification<T> n) {
    if (n instanceof Notification.Add<T> a && a.initial()) {
      pendingInitial.incrementAndGet();
    }
  }

  /**
   * Queues what {@link #addDeferred} collected since the last call, in order, and wakes the
   * delivery thread: one lock and one wake-up for the burst. Called by the processing thread.
   */
  void signalDeferred() {
    if (deferred.isEmpty()) {
      return;
    }
    lock.lock();
    try {
      if (!removed && failure == null) {
        queue.addAll(deferred);
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
      deferred.clear();
      deferredLeft = 0;
    }
  }

  /** Stops delivery and joins the thread (unless called from it). */
  void stop() {
    Thread t;
    lock.lock();
    try {
      removed = true;
      queue.clear();
      notEmpty.signalAll();
      t = thread;
    } finally {
      lock.unlock();
    }
    Threads.joinUninterruptibly(t);
  }

  /**
   * Takes everything queued in one go (one lock per burst, not per notification) and delivers it
   * in order; stops at once when the handler is removed.
   */
  private void deliver() {
    while (true) {
      lock.lock();
      try {
        while (queue.isEmpty() && !removed) {
          notEmpty.awaitUninterruptibly();
        }
        if (removed) {
          return;
        }
        ArrayDeque<Notification<T>> full = queue;
        queue = taken;
        taken = full;
        takenLeft = taken.size();
      } finally {
        lock.unlock();
      }
      Notification<T> n;
      while ((n = taken.pollFirst()) != null) {
        takenLeft = taken.size();
        if (removed) {
          taken.clear();
          takenLeft = 0;
          return;
        }
        if (!deliverOne(n)) {
          taken.clear();
          takenLeft = 0;
          return;
        }
      }
    }
  }

  /** Delivers one notification; false when an error ended delivery for good. */
  private boolean deliverOne(Notification<T> n) {
    Error fatal = null;
    try {
      dispatch(n);
    } catch (RuntimeException e) {
      fatal = report(e);
    } catch (Error e) {
      report(e);
      fatal = e;
    } finally {
      if (n instanceof Notification.Add<T> a && a.initial()) {
        pendingInitial.decrementAndGet();
      }
    }
    if (fatal != null) {
      die(fatal);
      return false;
    }
    return true;
  }

  private void dispatch(Notification<T> n) {
    if (n instanceof Notification.Add<T> a) {
      handler.onAdd(a.obj(), a.initial());
    } else if (n instanceof Notification.Update<T> u) {
      handler.onUpdate(u.oldObj(), u.newObj());
    } else if (n instanceof Notification.Delete<T> d) {
      handler.onDelete(d.obj(), d.finalStateUnknown());
    }
  }

  /**
   * Hands a handler's failure to the exception handler, whose own exceptions are logged; returns
   * an error the exception handler threw, if any.
   */
  private Error report(Throwable handlerFailure) {
    try {
      exceptionHandler.accept(handler, handlerFailure);
    } catch (RuntimeException e) {
      LOG.error("{}: the exception handler threw while handling {}; delivery goes on", threadName, handlerFailure, e);
    } catch (Error e) {
      return e;
    }
    return null;
  }

  private void die(Error e) {
    if (failure != null) {
      return;
    }
    lock.lock();
    try {
      failure = e;
      queue.clear();
    } finally {
      lock.unlock();
    }
    onFatal.accept(e);
  }

  ResourceEventHandler<? super T> handler() {
    return handler;
  }

  /** Whether this handler's thread, or the informer, ended with an error. */
  boolean hasFailed() {
    return failure != null || informerFailed.getAsBoolean();
  }

  @Override
  public boolean hasSynced() {
    if (failure != null || !informerSynced.getAsBoolean()) {
      return false;
    }
    return pendingInitial.get() == 0;
  }

  @Override
  public int pendingNotifications() {
    lock.lock();
    try {
      return queue.size() + takenLeft + deferredLeft;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isRemoved() {
    lock.lock();
    try {
      return removed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "ResourceEventHandlerRegistration{" + threadName + ", pending=" + pendingNotifications()
        + (failure == null ? "" : ", failed: " + failure) + "}";
  }

  /** What a handler is told. */
  sealed interface Notification<T> {
    record Add<T>(T obj, boolean initial) implements Notification<T> {}

    record Update<T>(T oldObj, T newObj) implements Notification<T> {}

    record Delete<T>(T obj, boolean finalStateUnknown) implements Notification<T> {}
  }
}
