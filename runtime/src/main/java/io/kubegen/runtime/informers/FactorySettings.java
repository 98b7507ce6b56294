package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.ListMode;
import io.kubegen.runtime.cache.ReflectorOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The settings {@link SharedInformerOption}s write into; read them through
 * {@link SharedInformerFactoryBase}. Mutable, confined to the factory's constructor.
 */
public final class FactorySettings {
  String namespace = "";
  UnaryOperator<ListOptions> tweakListOptions;
  final Map<Class<?>, Duration> customResync = new HashMap<>();
  UnaryOperator<Object> transform;
  io.kubegen.runtime.cache.InformerMetrics metrics;
  ReflectorOptions reflectorOptions = ReflectorOptions.defaults();
  final Map<Class<?>, ReflectorOptions> customReflectorOptions = new HashMap<>();
  /** The factory-wide list mode, or null when only the reflector options say. */
  ListMode listMode;
  final Map<Class<?>, ListMode> customListMode = new HashMap<>();

  FactorySettings() {}

  /** The reflector options of the informer of {@code type}: the most specific setting wins. */
  ReflectorOptions reflectorOptionsFor(Class<?> type) {
    ReflectorOptions custom = customReflectorOptions.get(type);
    ReflectorOptions base = custom != null ? custom : reflectorOptions;
    ListMode mode = customListMode.get(type);
    if (mode == null && custom == null) {
      mode = listMode;
    }
    return mode == null || mode == base.listMode() ? base : base.toBuilder().listMode(mode).build();
  }
}
