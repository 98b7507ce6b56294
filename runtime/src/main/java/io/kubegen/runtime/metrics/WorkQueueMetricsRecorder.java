package io.kubegen.runtime.metrics;

import io.kubegen.runtime.workqueue.WorkQueueGauges;
import io.kubegen.runtime.workqueue.WorkQueueMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Publishes client-go's work queue metrics through a {@link MetricsProvider}, each tagged with
 * the queue's {@code name}. Pass it as {@code QueueOptions.builder().metrics(...)}; one recorder
 * serves any number of queues (names should be unique).
 *
 * <table>
 *   <caption>Metrics (Prometheus names in brackets)</caption>
 *   <tr><td>{@code workqueue.depth} gauge</td><td>items waiting [{@code workqueue_depth}]</td></tr>
 *   <tr><td>{@code workqueue.adds} counter</td><td>items queued [{@code workqueue_adds_total}]</td></tr>
 *   <tr><td>{@code workqueue.queue.duration} timer</td><td>time an item waited before a worker took it
 *       [{@code workqueue_queue_duration_seconds}]</td></tr>
 *   <tr><td>{@code workqueue.work.duration} timer</td><td>time a worker spent on an item
 *       [{@code workqueue_work_duration_seconds}]</td></tr>
 *   <tr><td>{@code workqueue.unfinished.work.seconds} gauge</td><td>summed age of the work in progress</td></tr>
 *   <tr><td>{@code workqueue.longest.running.processor.seconds} gauge</td><td>age of the oldest work in progress</td></tr>
 *   <tr><td>{@code workqueue.retries} counter</td><td>rate-limited re-adds [{@code workqueue_retries_total}]</td></tr>
 * </table>
 *
 * <p>Thread-safe; the per-queue instruments are looked up once and cached.
 */
public final class WorkQueueMetricsRecorder implements WorkQueueMetrics {
  private final MetricsProvider provider;
  private final ConcurrentMap<String, Instruments> queues = new ConcurrentHashMap<>();

  /** A recorder publishing through {@code provider}. */
  public WorkQueueMetricsRecorder(MetricsProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  @Override
  public void register(String queueName, WorkQueueGauges gauges) {
    Map<String, String> tags = Map.of("name", queueName);
    provider.gauge("workqueue.depth", "Items waiting in the work queue", tags, gauges::depth);
    provider.gauge("workqueue.unfinished.work.seconds",
        "Seconds of work in progress that has not finished, summed over the items being processed", tags,
        () -> seconds(gauges.unfinishedWork()));
    provider.gauge("workqueue.longest.running.processor.seconds",
        "Seconds the longest-running item in progress has been processed", tags,
        () -> seconds(gauges.longestRunningProcessor()));
    instruments(queueName);
  }

  @Override
  public void added(String queueName, int depth) {
    instruments(queueName).adds.increment();
  }

  @Override
  public void taken(String queueName, int depth, Duration latency) {
    instruments(queueName).queueDuration.record(latency);
  }

  @Override
  public void done(String queueName, Duration workDuration) {
    instruments(queueName).workDuration.record(workDuration);
  }

  @Override
  public void retried(String queueName) {
    instruments(queueName).retries.increment();
  }

  private Instruments instruments(String queueName) {
    return queues.computeIfAbsent(queueName, n -> new Instruments(provider, Map.of("name", n)));
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static final class Instruments {
    final MetricsProvider.Counter adds;
    final MetricsProvider.Timer queueDuration;
    final MetricsProvider.Timer workDuration;
    final MetricsProvider.Counter retries;

    Instruments(MetricsProvider p, Map<String, String> tags) {
      adds = p.counter("workqueue.adds", "Items added to the work queue", tags);
      queueDuration = p.timer("workqueue.queue.duration", "How long an item waited before a worker took it", tags);
      workDuration = p.timer("workqueue.work.duration", "How long a worker spent on an item", tags);
      retries = p.counter("workqueue.retries", "Items re-added through the rate limiter", tags);
    }
  }
}
