package io.kubegen.runtime.cache;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * One handler of an informer with its own unbounded notification queue and delivery thread. The
 * processing thread {@link #add}s (never blocks); the delivery thread calls the handler.
 */
final class ProcessorListener<T> implements ResourceEventHandlerRegistration {
  private final ResourceEventHandler<? super T> handler;
  private final BooleanSupplier informerSynced;
  private final BiConsumer<ResourceEventHandler<? super T>, Throwable> exceptionHandler;
  private final String threadName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Notification<T>> queue = new ArrayDeque<>();
  /** Resync period in nanos (0: none) and when the next one is due; guarded by the informer. */
  final long resyncNanos;
  long nextResyncNanos;
  private int pendingInitial;
  private boolean removed;
  private Thread thread;

  ProcessorListener(ResourceEventHandler<? super T> handler, long resyncNanos, BooleanSupplier informerSynced,
      BiConsumer<ResourceEventHandler<? super T>, Throwable> exceptionHandler, String threadName) {
    this.handler = handler;
    this.resyncNanos = resyncNanos;
    this.informerSynced = informerSynced;
    this.exceptionHandler = exceptionHandler;
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
    lock.lock();
    try {
      if (removed) {
        return;
      }
      if (n instanceof Notification.Add<T> a && a.initial()) {
        pendingInitial++;
      }
      queue.addLast(n);
      notEmpty.signal();
    } finally {
      lock.unlock();
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

  private void deliver() {
    while (true) {
      Notification<T> n;
      lock.lock();
      try {
        while (queue.isEmpty() && !removed) {
          notEmpty.awaitUninterruptibly();
        }
        if (removed) {
          return;
        }
        n = queue.pollFirst();
      } finally {
        lock.unlock();
      }
      try {
        if (n instanceof Notification.Add<T> a) {
          handler.onAdd(a.obj(), a.initial());
        } else if (n instanceof Notification.Update<T> u) {
          handler.onUpdate(u.oldObj(), u.newObj());
        } else if (n instanceof Notification.Delete<T> d) {
          handler.onDelete(d.obj(), d.finalStateUnknown());
        }
      } catch (Throwable e) {
        exceptionHandler.accept(handler, e);
      } finally {
        if (n instanceof Notification.Add<T> a && a.initial()) {
          lock.lock();
          try {
            pendingInitial--;
          } finally {
            lock.unlock();
          }
        }
      }
    }
  }

  ResourceEventHandler<? super T> handler() {
    return handler;
  }

  @Override
  public boolean hasSynced() {
    if (!informerSynced.getAsBoolean()) {
      return false;
    }
    lock.lock();
    try {
      return pendingInitial == 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int pendingNotifications() {
    lock.lock();
    try {
      return queue.size();
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
    return "ResourceEventHandlerRegistration{" + threadName + ", pending=" + pendingNotifications() + "}";
  }

  /** What a handler is told. */
  sealed interface Notification<T> {
    record Add<T>(T obj, boolean initial) implements Notification<T> {}

    record Update<T>(T oldObj, T newObj) implements Notification<T> {}

    record Delete<T>(T obj, boolean finalStateUnknown) implements Notification<T> {}
  }
}
