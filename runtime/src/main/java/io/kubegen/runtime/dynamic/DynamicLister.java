package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a dynamic informer's cache, as client-go's {@code cache.GenericLister}: every object, or
 * one by key, or those of one namespace through {@link #namespace(String)}.
 *
 * <p>Objects are shared with the cache: never change them (copy with {@code Cache.copy}).
 * Thread-safe.
 */
public final class DynamicLister {
  private final Indexer<GenericObject> indexer;

  /** A lister over {@code indexer}, which must have the namespace index. */
  public DynamicLister(Indexer<GenericObject> indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
  }

  /** The objects in every namespace whose labels match {@code selector}. */
  public List<GenericObject> list(LabelSelector selector) {
    return matching(indexer.list(), selector);
  }

  /**
   * The object under {@code key}: {@code name} for cluster-scoped resources, {@code namespace/name}
   * for namespaced ones.
   */
  public Optional<GenericObject> get(String key) {
    return indexer.getByKey(Objects.requireNonNull(key, "key"));
  }

  /** The objects of {@code namespace}. */
  public DynamicNamespaceLister namespace(String namespace) {
    return new DynamicNamespaceLister(namespace);
  }

  private static List<GenericObject> matching(List<GenericObject> objects, LabelSelector selector) {
    LabelSelector s = selector == null ? LabelSelector.everything() : selector;
    return objects.stream().filter(o -> s.matches(labelsOf(o))).toList();
  }

  private static Map<String, String> labelsOf(GenericObject o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  /** The objects of one namespace in the cache. Thread-safe; objects are shared. */
  public final class DynamicNamespaceLister {
    private final String namespace;

    private DynamicNamespaceLister(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** The objects of this namespace whose labels match {@code selector}. */
    public List<GenericObject> list(LabelSelector selector) {
      return matching(indexer.byIndex(Cache.NAMESPACE_INDEX, namespace), selector);
    }

    /** The object {@code name} of this namespace. */
    public Optional<GenericObject> get(String name) {
      return indexer.getByKey(namespace + "/" + Objects.requireNonNull(name, "name"));
    }
  }
}
