package io.kubegen.runtime.workqueue;

import java.time.Duration;

/**
 * Hook through which a queue reports what it does, for exporting to a metrics system. Every
 * method defaults to a no-op. Called on the thread of the queue operation, while the queue's lock
 * is held: implementations must be fast, thread-safe and must not call back into the queue.
 * {@link io.kubegen.runtime.metrics.WorkQueueMetricsRecorder} publishes client-go's work queue
 * metrics through a {@link io.kubegen.runtime.metrics.MetricsProvider}.
 */
public interface WorkQueueMetrics {

  /** No metrics. */
  WorkQueueMetrics NONE = new WorkQueueMetrics() {};

  /**
   * A queue named {@code queueName} was created; {@code gauges} reads its depth, unfinished work
   * and longest running processor at any time. Called once, from the queue's constructor,
   * without the lock held.
   */
  default void register(String queueName, WorkQueueGauges gauges) {}

  /** An item was queued (not counted when it was already waiting); {@code depth} is the new depth. */
  default void added(String queueName, int depth) {}

  /** A worker took an item that waited {@code latency}; {@code depth} is the new depth. */
  default void taken(String queueName, int depth, Duration latency) {}

  /** A worker finished an item after working on it for {@code workDuration}. */
  default void done(String queueName, Duration workDuration) {}

  /** An item was re-queued through {@code addRateLimited}. */
  default void retried(String queueName) {}
}
