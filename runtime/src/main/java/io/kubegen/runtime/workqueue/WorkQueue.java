package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * A work queue with client-go's guarantees:
 * <ul>
 *   <li>an item waits at most once: adding an item that is already waiting does nothing;</li>
 *   <li>an item is processed by at most one worker at a time: an item added while a worker holds
 *       it is queued again only when that worker calls {@link #done};</li>
 *   <li>items are handed out in the order they were first added;</li>
 *   <li>after {@link #shutDown()} adds are ignored, workers still get the items that were waiting,
 *       and {@link #get()} returns {@code null} once none is left.</li>
 * </ul>
 * Items must have proper {@code equals}/{@code hashCode} (usually a {@code namespace/name} key).
 *
 * <p>Thread-safe: any number of producers and workers may call any method concurrently.
 *
 * @param <T> the item type
 */
public interface WorkQueue<T> {

  /** A plain work queue named {@code name} (used in metrics and thread names). */
  static <T> WorkQueue<T> create(String name) {
    return new BasicWorkQueue<>(QueueOptions.builder().name(name).build());
  }

  /** A plain work queue with the given options. */
  static <T> WorkQueue<T> create(QueueOptions options) {
    return new BasicWorkQueue<>(options);
  }

  /** Queues {@code item} unless it is already waiting or the queue is shutting down. */
  void add(T item);

  /** The number of waiting items (not counting items being processed). */
  int len();

  /**
   * Blocks until an item is available and hands it to the caller, who must call {@link #done}
   * when finished with it. Returns {@code null} when the queue is shut down and empty, or when the
   * calling thread is interrupted (the interrupt flag is then set again).
   */
  T get();

  /** Marks {@code item} as processed; if it was added meanwhile it is queued again. */
  void done(T item);

  /** Stops accepting items and wakes every waiting worker; returns at once. */
  void shutDown();

  /**
   * Like {@link #shutDown()}, then blocks until every item handed out has been marked
   * {@link #done}, or until another thread calls {@link #shutDown()} (as in client-go, a plain
   * shut-down ends the drain: the way out when a worker is stuck). Prefer
   * {@link #shutDownWithDrain(Duration)}, which cannot wait forever.
   */
  void shutDownWithDrain();

  /**
   * {@link #shutDownWithDrain()} that gives up after {@code timeout} (measured by the queue's
   * clock) and when {@link #shutDown()} is called meanwhile.
   *
   * @return true if every handed-out item was done when it returned
   * @throws InterruptedException if the calling thread is interrupted while waiting (the queue
   *     is shut down either way)
   */
  boolean shutDownWithDrain(Duration timeout) throws InterruptedException;

  /** Whether {@link #shutDown()} or {@link #shutDownWithDrain()} was called. */
  boolean isShuttingDown();
}
