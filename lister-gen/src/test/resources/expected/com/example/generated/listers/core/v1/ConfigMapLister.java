package com.example.generated.listers.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Reads {@link ConfigMap} objects ({@code configmaps} in {@code v1}, namespaced) from an informer's cache, without
 * calling the API server.
 *
 * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe: every call reads the cache as it is at that moment.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface ConfigMapLister {
  /**
   * The objects whose labels match {@code selector}, in every namespace; {@code LabelSelector.everything()}
   * for all.
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<ConfigMap> list(LabelSelector selector);

  /**
   * The lister of the {@code configmaps} in {@code namespace} ({@code ""}: every namespace).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  ConfigMapNamespaceLister configMaps(String namespace);

  /**
   * A lister over {@code indexer}, which must have the namespace index and the indexes of
   * {@link #indexers()} (the informers of the generated informer factory have them).
   *
   * @throws IllegalArgumentException if an index is missing
   */
  static ConfigMapLister create(Indexer<ConfigMap> indexer) {
    return new ConfigMapListerImpl(indexer);
  }

  /**
   * The index functions this lister's lookups need, by index name (none): register them on the
   * informer. They call the model's accessors directly (no reflection).
   */
  static Map<String, IndexFunction<ConfigMap>> indexers() {
    return Map.of();
  }
}
