package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * A {@link WorkQueue} that can add an item later. Waiting items sit in one heap ordered by due
 * time and are moved to the queue by a single timer thread per queue (no thread per item); adding
 * an item that is already waiting keeps the earlier due time. Time comes from the queue's
 * {@link Clock}. Thread-safe like {@link WorkQueue}; {@link #shutDown()} stops and joins the timer
 * thread, and drops items that are not yet due.
 *
 * @param <T> the item type
 */
public interface DelayingQueue<T> extends WorkQueue<T> {

  /** A delaying queue named {@code name} on the system clock. */
  static <T> DelayingQueue<T> create(String name) {
    return new BasicDelayingQueue<>(QueueOptions.builder().name(name).build());
  }

  /** A delaying queue with the given options. */
  static <T> DelayingQueue<T> create(QueueOptions options) {
    return new BasicDelayingQueue<>(options);
  }

  /** Adds {@code item} once {@code delay} has passed; a zero or negative delay adds it now. */
  void addAfter(T item, Duration delay);
}
