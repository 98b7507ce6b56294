package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builder of a {@link SharedIndexInformer}: resync, indexers, FIFO mode, reflector tuning and a
 * name for logs and threads (default: the type's simple name). Not thread-safe.
 *
 * @param <T> the object type
 */
public final class SharedInformerBuilder<T extends KubernetesObject> {
  final ListWatch<T> listWatch;
  final Class<T> type;
  Duration resync = Duration.ZERO;
  final Map<String, IndexFunction<T>> indexers = new LinkedHashMap<>();
  FifoMode fifoMode = FifoMode.DELTA_FIFO;
  ReflectorOptions reflectorOptions = ReflectorOptions.defaults();
  String name;
  InformerMetrics metrics = InformerMetrics.NONE;

  SharedInformerBuilder(ListWatch<T> listWatch, Class<T> type) {
    this.listWatch = Objects.requireNonNull(listWatch, "listWatch");
    this.type = Objects.requireNonNull(type, "type");
    this.name = type.getSimpleName();
  }

  /** Default resync period of handlers; zero or null for none. */
  public SharedInformerBuilder<T> resync(Duration resync) {
    if (resync != null && resync.isNegative()) {
      throw new IllegalArgumentException("resync must not be negative: " + resync);
    }
    this.resync = resync == null ? Duration.ZERO : resync;
    return this;
  }

  /** Indexes in addition to the namespace index; null means none. */
  public SharedInformerBuilder<T> indexers(Map<String, IndexFunction<T>> indexers) {
    if (indexers != null) {
      this.indexers.putAll(indexers);
    }
    return this;
  }

  /** Which delta queue to use (default {@link FifoMode#DELTA_FIFO}). */
  public SharedInformerBuilder<T> fifoMode(FifoMode mode) {
    this.fifoMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** Reflector tuning (page size, backoff, watch timeout, clock). */
  public SharedInformerBuilder<T> reflectorOptions(ReflectorOptions options) {
    this.reflectorOptions = Objects.requireNonNull(options, "options");
    return this;
  }

  /** Name used in logs and thread names ({@code informer-<name>-...}). */
  public SharedInformerBuilder<T> name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Where the informer reports lists, watches and handled changes (default: nowhere). */
  public SharedInformerBuilder<T> metrics(InformerMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /** The informer, not yet started. */
  public SharedIndexInformer<T> build() {
    return new DefaultSharedIndexInformer<>(this);
  }
}
