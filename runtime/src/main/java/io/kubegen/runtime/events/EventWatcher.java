package io.kubegen.runtime.events;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of an {@link EventBroadcaster}: a bounded queue and a thread. Offering never
 * blocks; when the queue is full the event is dropped and counted. {@link #stop()} ends the
 * thread (dropping what is still queued) and joins it.
 */
public final class EventWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EventWatcher.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Event> queue = new ArrayDeque<>();
  private final int capacity;
  private final BiConsumer<Event, EventWatcher> consumer;
  private final Runnable onStop;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private boolean stopped;
  private boolean busy;

  EventWatcher(String threadName, int capacity, BiConsumer<Event, EventWatcher> consumer, Runnable onStop) {
    this.capacity = capacity;
    this.consumer = consumer;
    this.onStop = onStop;
    this.thread = new Thread(this::loop, threadName);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues {@code event} unless the queue is full or the watcher stopped; never blocks. */
  boolean offer(Event event) {
    lock.lock();
    try {
      if (stopped) {
        return false;
      }
      if (queue.size() >= capacity) {
        dropped.incrementAndGet();
        return false;
      }
      queue.addLast(event);
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Events dropped because the queue was full. */
  public long droppedEvents() {
    return dropped.get();
  }

  /** Whether the queue is empty and no event is being handled. */
  public boolean isIdle() {
    lock.lock();
    try {
      return queue.isEmpty() && !busy;
    } finally {
      lock.unlock();
    }
  }

  /** Sleeps up to {@code millis}, waking early on stop; false if stopped. Used for sink retries. */
  boolean pause(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    lock.lock();
    try {
      long left;
      while (!stopped && (left = deadline - System.nanoTime()) > 0) {
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

  /** Stops the thread and waits for it; idempotent. */
  public void stop() {
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      stopped = true;
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    onStop.run();
    if (Thread.currentThread() != thread) {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    while (true) {
      Event e;
      lock.lock();
      try {
        busy = false;
        changed.signalAll();
        while (queue.isEmpty() && !stopped) {
          changed.awaitUninterruptibly();
        }
        if (stopped) {
          return;
        }
        e = queue.pollFirst();
        busy = true;
      } finally {
        lock.unlock();
      }
      try {
        consumer.accept(e, this);
      } catch (RuntimeException ex) {
        LOG.error("event watcher {} failed on {}", thread.getName(), e, ex);
      }
    }
  }
}
