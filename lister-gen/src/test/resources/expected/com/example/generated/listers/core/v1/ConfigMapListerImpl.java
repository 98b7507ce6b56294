package com.example.generated.listers.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * {@link ConfigMapLister} over an {@code Indexer}, and the index functions of its lookups.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
final class ConfigMapListerImpl implements ConfigMapLister {
  private final Indexer<ConfigMap> indexer;

  ConfigMapListerImpl(Indexer<ConfigMap> indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    for (String index : List.of(Cache.NAMESPACE_INDEX)) {
      if (!indexer.getIndexers().containsKey(index)) {
        throw new IllegalArgumentException("the indexer has no index \"" + index + "\"; register ConfigMapLister.indexers() on the informer");
      }
    }
  }

  @Override
  public List<ConfigMap> list(LabelSelector selector) {
    return select(indexer.list(), selector);
  }

  @Override
  public ConfigMapNamespaceLister configMaps(String namespace) {
    return new Namespaced(indexer, Objects.requireNonNull(namespace, "namespace"));
  }

  /**
   * The objects whose labels match {@code selector}.
   */
  static List<ConfigMap> select(List<ConfigMap> objects, LabelSelector selector) {
    if (Objects.requireNonNull(selector, "selector").isEmpty()) {
      return objects;
    }
    List<ConfigMap> out = new ArrayList<>();
    for (ConfigMap obj : objects) {
      if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels())) {
        out.add(obj);
      }
    }
    return out;
  }

  /**
   * {@link ConfigMapNamespaceLister} of one namespace ({@code ""}: every namespace).
   */
  private static final class Namespaced implements ConfigMapNamespaceLister {
    private final Indexer<ConfigMap> indexer;

    private final String namespace;

    Namespaced(Indexer<ConfigMap> indexer, String namespace) {
      this.indexer = indexer;
      this.namespace = namespace;
    }

    @Override
    public List<ConfigMap> list(LabelSelector selector) {
      return select(namespace.isEmpty() ? indexer.list() : indexer.byIndex(Cache.NAMESPACE_INDEX, namespace), selector);
    }

    @Override
    public Optional<ConfigMap> get(String name) {
      Objects.requireNonNull(name, "name");
      return indexer.getByKey(namespace.isEmpty() ? name : namespace + "/" + name);
    }
  }
}
