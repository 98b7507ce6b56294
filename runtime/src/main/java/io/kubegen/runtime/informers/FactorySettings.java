package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.ListOptions;
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

  FactorySettings() {}
}
