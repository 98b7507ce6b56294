package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.ListOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An option of a shared informer factory (client-go's {@code SharedInformerOption}): pass any
 * number to the generated {@code SharedInformerFactory.create(clientset, resync, options...)}.
 * Options apply in order; later ones win.
 */
@FunctionalInterface
public interface SharedInformerOption {

  /** Applies this option to the factory's settings. */
  void applyTo(FactorySettings settings);

  /** Watch only {@code namespace} (default: all namespaces; cluster-scoped types ignore it). */
  static SharedInformerOption namespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return s -> s.namespace = namespace;
  }

  /** Change the options of every list and watch call (selectors, typically). */
  static SharedInformerOption tweakListOptions(UnaryOperator<ListOptions> tweak) {
    Objects.requireNonNull(tweak, "tweak");
    return s -> s.tweakListOptions = tweak;
  }

  /** Use {@code resync} instead of the factory's default for the informer of {@code type}. */
  static SharedInformerOption customResync(Class<?> type, Duration resync) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(resync, "resync");
    return s -> s.customResync.put(type, resync);
  }

  /** {@link #customResync(Class, Duration)} for several types. */
  static SharedInformerOption customResync(Map<Class<?>, Duration> resyncs) {
    return s -> s.customResync.putAll(resyncs);
  }

  /**
   * Apply {@code transform} to every object before it is cached, in every informer of the
   * factory (it may mutate and return its argument, e.g. to drop managedFields).
   */
  static SharedInformerOption transform(UnaryOperator<Object> transform) {
    Objects.requireNonNull(transform, "transform");
    return s -> s.transform = transform;
  }

  /** Report lists, watches and handled changes of every informer of the factory to {@code metrics}. */
  static SharedInformerOption metrics(io.kubegen.runtime.cache.InformerMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics");
    return s -> s.metrics = metrics;
  }
}
