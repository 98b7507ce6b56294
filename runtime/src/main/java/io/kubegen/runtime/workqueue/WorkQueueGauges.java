package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * The values of a queue that are read rather than counted, handed to
 * {@link WorkQueueMetrics#register} when the queue is created so a metrics system can read them
 * whenever it scrapes. Each call takes the queue's lock briefly. Thread-safe.
 */
public interface WorkQueueGauges {

  /** Items waiting (not counting items being processed). */
  int depth();

  /** Items handed to workers and not yet {@code done}. */
  int processing();

  /**
   * Work in progress not yet finished: the sum, over the items being processed, of how long each
   * has been processed (client-go's {@code unfinished_work_seconds}). Grows while workers are
   * stuck.
   */
  Duration unfinishedWork();

  /** How long the longest-running item being processed has been at it; zero when none is. */
  Duration longestRunningProcessor();
}
