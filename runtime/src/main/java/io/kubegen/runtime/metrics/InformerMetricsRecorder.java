package io.kubegen.runtime.metrics;

import io.kubegen.runtime.cache.DeltaType;
import io.kubegen.runtime.cache.InformerMetrics;
import io.kubegen.runtime.cache.SharedIndexInformer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes informer and reflector metrics through a {@link MetricsProvider}, each tagged with
 * the informer's {@code name}. Pass it to a factory as {@code SharedInformerOption.metrics(...)},
 * or to one informer with {@code SharedInformerBuilder.metrics(...)}.
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><td>{@code informer.lists} counter</td><td>full lists (all pages), the first one included</td></tr>
 *   <tr><td>{@code informer.relists} counter</td><td>lists after the first (expired resourceVersion, errors)</td></tr>
 *   <tr><td>{@code informer.list.duration} timer</td><td>how long a full list took</td></tr>
 *   <tr><td>{@code informer.list.items} gauge</td><td>objects in the last list</td></tr>
 *   <tr><td>{@code informer.watches} counter</td><td>watches opened</td></tr>
 *   <tr><td>{@code informer.watch.duration} timer</td><td>how long each watch lasted</td></tr>
 *   <tr><td>{@code informer.events.handled} counter, tag {@code type}</td><td>changes applied to the cache
 *       and handed to the handlers ({@code added}, {@code updated}, {@code deleted}, {@code replaced},
 *       {@code sync})</td></tr>
 *   <tr><td>{@code informer.last.sync.resource.version} gauge</td><td>the resourceVersion the cache is at (when
 *       numeric, as with kube-apiserver)</td></tr>
 *   <tr><td>{@code informer.synced} gauge</td><td>1 once the first list is in the cache, else 0</td></tr>
 * </table>
 *
 * <p>Thread-safe.
 */
public final class InformerMetricsRecorder implements InformerMetrics {
  private final MetricsProvider provider;

  /** A recorder publishing through {@code provider}. */
  public InformerMetricsRecorder(MetricsProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  @Override
  public Recorder recorderFor(String name, SharedIndexInformer<?> informer) {
    Map<String, String> tags = Map.of("name", name);
    AtomicLong lastListItems = new AtomicLong();
    provider.gauge("informer.list.items", "Objects in the informer's last full list", tags, lastListItems::get);
    provider.gauge("informer.last.sync.resource.version", "The resourceVersion the informer's cache is at", tags,
        () -> numeric(informer.lastSyncResourceVersion()));
    provider.gauge("informer.synced", "1 once the informer's first list is in its cache", tags,
        () -> informer.hasSynced() ? 1 : 0);
    MetricsProvider.Counter lists = provider.counter("informer.lists", "Full lists made by the informer", tags);
    MetricsProvider.Counter relists = provider.counter("informer.relists", "Lists after the informer's first", tags);
    MetricsProvider.Timer listDuration = provider.timer("informer.list.duration", "How long a full list took", tags);
    MetricsProvider.Counter watches = provider.counter("informer.watches", "Watches opened by the informer", tags);
    MetricsProvider.Timer watchDuration = provider.timer("informer.watch.duration", "How long a watch lasted", tags);
    Map<DeltaType, MetricsProvider.Counter> handled = new EnumMap<>(DeltaType.class);
    for (DeltaType type : DeltaType.values()) {
      handled.put(type, provider.counter("informer.events.handled", "Changes applied to the cache and handed to handlers",
          Map.of("name", name, "type", type.name().toLowerCase(Locale.ROOT))));
    }
    return new Recorder() {
      @Override
      public void listed(int items, Duration duration, boolean relist) {
        lastListItems.set(items);
        listDuration.record(duration);
        lists.increment();
        if (relist) {
          relists.increment();
        }
      }

      @Override
      public void watchStarted() {
        watches.increment();
      }

      @Override
      public void watchEnded(Duration duration) {
        watchDuration.record(duration);
      }

      @Override
      public void handled(DeltaType type) {
        handled.get(type).increment();
      }
    };
  }

  private static double numeric(String resourceVersion) {
    try {
      return resourceVersion == null || resourceVersion.isEmpty() ? Double.NaN : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
