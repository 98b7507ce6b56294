package io.kubegen.runtime.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link DelayingQueue} implementation: a heap of (due time, item) entries and one timer
 * thread that sleeps on a condition until the earliest entry is due, waking early when an
 * earlier entry arrives, when the {@link Clock} jumps, or at shutdown.
 */
class BasicDelayingQueue<T> extends BasicWorkQueue<T> implements DelayingQueue<T> {
  private final ReentrantLock timerLock = new ReentrantLock();
  private final Condition timerChanged = timerLock.newCondition();
  private final PriorityQueue<Entry<T>> heap = new PriorityQueue<>();
  private final Map<T, Entry<T>> waiting = new HashMap<>();
  private final Runnable wake = this::wakeTimer;
  private final Thread timer;
  private long sequence;
  private boolean stopped;

  BasicDelayingQueue(QueueOptions options) {
    super(options);
    clock.addTimeListener(wake);
    timer = new Thread(this::runTimer, "workqueue-" + name + "-delay");
    timer.setDaemon(true);
    timer.start();
  }

  @Override
  public void addAfter(T item, Duration delay) {
    if (isShuttingDown()) {
      return;
    }
    if (delay.isZero() || delay.isNegative()) {
      add(item);
      return;
    }
    long due = clock.nanoTime() + delay.toNanos();
    timerLock.lock();
    try {
      if (stopped) {
        return;
      }
      Entry<T> existing = waiting.get(item);
      if (existing != null) {
        if (existing.due <= due) {
          return;
        }
        heap.remove(existing);
      }
      Entry<T> entry = new Entry<>(item, due, sequence++);
      waiting.put(item, entry);
      heap.add(entry);
      if (heap.peek() == entry) {
        timerChanged.signal();
      }
    } finally {
      timerLock.unlock();
    }
  }

  /** How many items wait for their due time (for tests and metrics). */
  int waitingCount() {
    timerLock.lock();
    try {
      return heap.size();
    } finally {
      timerLock.unlock();
    }
  }

  private void wakeTimer() {
    timerLock.lock();
    try {
      timerChanged.signal();
    } finally {
      timerLock.unlock();
    }
  }

  private void runTimer() {
    timerLock.lock();
    try {
      while (!stopped) {
        long now = clock.nanoTime();
        while (!heap.isEmpty() && heap.peek().due <= now) {
          Entry<T> entry = heap.poll();
          waiting.remove(entry.item);
          timerLock.unlock();
          try {
            add(entry.item);
          } finally {
            timerLock.lock();
          }
        }
        if (stopped) {
          return;
        }
        if (heap.isEmpty()) {
          timerChanged.await();
        } else {
          timerChanged.await(heap.peek().due - now, TimeUnit.NANOSECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      timerLock.unlock();
    }
  }

  @Override
  protected void afterShutDown() {
    timerLock.lock();
    try {
      stopped = true;
      heap.clear();
      waiting.clear();
      timerChanged.signalAll();
    } finally {
      timerLock.unlock();
    }
    clock.removeTimeListener(wake);
    if (Thread.currentThread() != timer) {
      try {
        timer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Entry<T>(T item, long due, long seq) implements Comparable<Entry<T>> {
    @Override
    public int compareTo(Entry<T> o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
