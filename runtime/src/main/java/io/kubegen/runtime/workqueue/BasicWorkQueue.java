package io.kubegen.runtime.workqueue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link WorkQueue} implementation: a FIFO of items plus a "dirty" set (items that need
 * processing) and a "processing" set (items held by a worker), all guarded by one lock, as in
 * client-go. Workers wait on a condition, never spin.
 */
class BasicWorkQueue<T> implements WorkQueue<T> {
  protected final String name;
  protected final Clock clock;
  protected final WorkQueueMetrics metrics;
  protected final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final Set<T> dirty = new HashSet<>();
  private final Set<T> processing = new HashSet<>();
  private final Map<T, Long> addedAt = new HashMap<>();
  private final Map<T, Long> startedAt = new HashMap<>();
  private boolean shuttingDown;
  private boolean draining;

  BasicWorkQueue(QueueOptions options) {
    this.name = options.name();
    this.clock = options.clock();
    this.metrics = options.metrics();
    metrics.register(name, new Gauges());
  }

  @Override
  public void add(T item) {
    lock.lock();
    try {
      if (shuttingDown || !dirty.add(item)) {
        return;
      }
      addedAt.put(item, clock.nanoTime());
      if (processing.contains(item)) {
        return;
      }
      queue.addLast(item);
      metrics.added(name, queue.size());
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int len() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public T get() {
    lock.lock();
    try {
      while (queue.isEmpty() && !shuttingDown) {
        changed.await();
      }
      if (queue.isEmpty()) {
        return null;
      }
      T item = queue.pollFirst();
      processing.add(item);
      dirty.remove(item);
      long now = clock.nanoTime();
      Long added = addedAt.remove(item);
      startedAt.put(item, now);
      metrics.taken(name, queue.size(), Duration.ofNanos(added == null ? 0 : now - added));
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void done(T item) {
    lock.lock();
    try {
      if (!processing.remove(item)) {
        return;
      }
      Long started = startedAt.remove(item);
      if (started != null) {
        metrics.done(name, clock.since(started));
      }
      if (dirty.contains(item)) {
        queue.addLast(item);
        metrics.added(name, queue.size());
        changed.signal();
      } else if (processing.isEmpty() && draining) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      // as client-go: a plain shut-down ends any drain in progress
      draining = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    afterShutDown();
  }

  @Override
  public void shutDownWithDrain() {
    lock.lock();
    try {
      startDrain();
      while (draining && !processing.isEmpty()) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
    afterShutDown();
  }

  @Override
  public boolean shutDownWithDrain(Duration timeout) throws InterruptedException {
    long deadline = clock.nanoTime() + timeout.toNanos();
    Runnable wake = this::signalAll;
    clock.addTimeListener(wake);
    try {
      lock.lock();
      try {
        startDrain();
        long left;
        while (draining && !processing.isEmpty() && (left = deadline - clock.nanoTime()) > 0) {
          changed.awaitNanos(left);
        }
        return processing.isEmpty();
      } finally {
        draining = false;
        lock.unlock();
      }
    } finally {
      clock.removeTimeListener(wake);
      afterShutDown();
    }
  }

  private void startDrain() {
    shuttingDown = true;
    draining = true;
    changed.signalAll();
  }

  private void signalAll() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** What {@link WorkQueueMetrics#register} reads: depth and the age of the work in progress. */
  private final class Gauges implements WorkQueueGauges {
    @Override
    public int depth() {
      return len();
    }

    @Override
    public int processing() {
      lock.lock();
      try {
        return processing.size();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public java.time.Duration unfinishedWork() {
      lock.lock();
      try {
        long now = clock.nanoTime();
        long total = 0;
        for (long started : startedAt.values()) {
          total += now - started;
        }
        return java.time.Duration.ofNanos(total);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public java.time.Duration longestRunningProcessor() {
      lock.lock();
      try {
        long now = clock.nanoTime();
        long longest = 0;
        for (long started : startedAt.values()) {
          longest = Math.max(longest, now - started);
        }
        return java.time.Duration.ofNanos(longest);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Hook for subclasses that own threads to stop. Runs without the lock held. */
  protected void afterShutDown() {}

  @Override
  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }
}
