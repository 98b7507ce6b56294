package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.ListMode;
import io.kubegen.runtime.cache.ReflectorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An option of a shared informer factory (client-go's {@code SharedInformerOption}): pass any
 * number to the generated {@code SharedInformerFactory.create(clientset, resync, options...)}:
 * <pre>{@code
 * SharedInformerFactory.create(clientset, Duration.ZERO,
 *     SharedInformerOption.namespace("shop"),
 *     SharedInformerOption.listMode(ListMode.WATCH_LIST),
 *     SharedInformerOption.reflectorOptions(Foo.class, ReflectorOptions.builder().pageSize(100).build()));
 * }</pre>
 * Options apply in order; of two that set the same thing, the later wins. For the reflector of
 * one type, a per-type setting ({@link #reflectorOptions(Class, ReflectorOptions)},
 * {@link #listMode(Class, ListMode)}) wins over a factory-wide one, whatever the order.
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

  /**
   * Tune the reflector of every informer of the factory: page size, call timeout, backoff, watch
   * timeout, list mode (default {@link ReflectorOptions#defaults()}). A type with its own
   * {@link #reflectorOptions(Class, ReflectorOptions)} uses those instead.
   */
  static SharedInformerOption reflectorOptions(ReflectorOptions options) {
    Objects.requireNonNull(options, "options");
    return s -> s.reflectorOptions = options;
  }

  /**
   * Use {@code options} for the reflector of the informer of {@code type}, instead of the
   * factory-wide reflector options and list mode ({@link #listMode(Class, ListMode)} still
   * changes its list mode).
   */
  static SharedInformerOption reflectorOptions(Class<?> type, ReflectorOptions options) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    return s -> s.customReflectorOptions.put(type, options);
  }

  /**
   * How every informer of the factory gets its initial state and relists (see {@link ListMode};
   * default {@link ListMode#CONSISTENT_PAGED}); the rest of the reflector options stay as they are.
   * A type with its own {@link #listMode(Class, ListMode)} or
   * {@link #reflectorOptions(Class, ReflectorOptions)} keeps the mode those say.
   */
  static SharedInformerOption listMode(ListMode mode) {
    Objects.requireNonNull(mode, "mode");
    return s -> s.listMode = mode;
  }

  /** {@link #listMode(ListMode)} for the informer of {@code type} only. */
  static SharedInformerOption listMode(Class<?> type, ListMode mode) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    return s -> s.customListMode.put(type, mode);
  }
}
