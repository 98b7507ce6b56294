package io.kubegen.runtime.metrics.micrometer;

import io.kubegen.runtime.metrics.MetricsProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * A {@link MetricsProvider} over a Micrometer {@link MeterRegistry}: counters, timers and gauges
 * become Micrometer meters of the same name and tags, so kubegen's work queue, informer and
 * leader election metrics reach Prometheus (through {@code micrometer-registry-prometheus}) or
 * any other registry. Micrometer is an optional dependency of kubegen-runtime: add
 * {@code io.micrometer:micrometer-core} (and a registry) to use this class.
 *
 * <p>Gauges are registered once per name and tags and read a replaceable supplier, so a queue or
 * informer created again under the same name takes its gauges over. Thread-safe.
 */
public final class MicrometerMetricsProvider implements MetricsProvider {
  private final MeterRegistry registry;
  private final ConcurrentMap<String, AtomicReference<DoubleSupplier>> gauges = new ConcurrentHashMap<>();

  /** A provider registering meters in {@code registry}. */
  public MicrometerMetricsProvider(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** The registry. */
  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public Counter counter(String name, String description, Map<String, String> tags) {
    io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter.builder(name)
        .description(description).tags(tags(tags)).register(registry);
    return counter::increment;
  }

  @Override
  public Timer timer(String name, String description, Map<String, String> tags) {
    io.micrometer.core.instrument.Timer timer = io.micrometer.core.instrument.Timer.builder(name)
        .description(description).tags(tags(tags)).register(registry);
    return timer::record;
  }

  @Override
  public void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value) {
    Objects.requireNonNull(value, "value");
    String key = name + new TreeMap<>(tags);
    AtomicReference<DoubleSupplier> holder = gauges.computeIfAbsent(key, k -> {
      AtomicReference<DoubleSupplier> ref = new AtomicReference<>(value);
      Gauge.builder(name, ref, r -> r.get().getAsDouble()).description(description).tags(tags(tags))
          .strongReference(true).register(registry);
      return ref;
    });
    holder.set(value);
  }

  private static Tags tags(Map<String, String> tags) {
    List<Tag> list = new ArrayList<>();
    new TreeMap<>(tags).forEach((k, v) -> list.add(Tag.of(k, v)));
    return Tags.of(list);
  }
}
