package io.kubegen.runtime.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Where kubegen's components publish their metrics: the one small interface between the
 * runtime's hooks ({@link WorkQueueMetricsRecorder}, {@link InformerMetricsRecorder}) and a
 * metrics system. {@link io.kubegen.runtime.metrics.micrometer.MicrometerMetricsProvider} adapts
 * it to Micrometer (and so to Prometheus and every other Micrometer registry); implement it
 * yourself for anything else.
 *
 * <p>Names are lower case, dot-separated, with a unit suffix where one applies
 * ({@code workqueue.unfinished.work.seconds}); a registry renders them in its own convention
 * (Prometheus: {@code workqueue_unfinished_work_seconds}, counters get {@code _total}). Tags are
 * small, fixed sets ({@code name} of the queue or informer, an event {@code type}).
 *
 * <p>Threading: implementations must be thread-safe. The instruments are looked up once per queue
 * or informer, then used from their threads (counters and timers under the queue's lock: they
 * must be quick and must not block).
 */
public interface MetricsProvider {

  /** Publishes nothing. */
  MetricsProvider NONE = new MetricsProvider() {
    @Override public Counter counter(String name, String description, Map<String, String> tags) { return () -> {}; }
    @Override public Timer timer(String name, String description, Map<String, String> tags) { return d -> {}; }
    @Override public void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value) {}
  };

  /** A monotonically increasing count; the same name and tags give the same counter. */
  Counter counter(String name, String description, Map<String, String> tags);

  /** A distribution of durations (count, sum, max; buckets as the registry is configured). */
  Timer timer(String name, String description, Map<String, String> tags);

  /**
   * A value read whenever the registry is scraped. Registering the same name and tags again
   * replaces the supplier (a restarted controller's new queue takes over its gauges).
   */
  void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value);

  /** A counter. Thread-safe. */
  @FunctionalInterface
  interface Counter {
    /** Adds one. */
    void increment();
  }

  /** A timer. Thread-safe. */
  @FunctionalInterface
  interface Timer {
    /** Records one duration. */
    void record(Duration duration);
  }
}
