package com.example.generated.listers.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import io.kubegen.runtime.listers.IndexerLister;
import io.kubegen.runtime.listers.ResourceLister;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Reads {@link ConfigMap} objects ({@code configmaps} in {@code v1}, namespaced) from an informer's cache:
 * {@code list} from {@link ResourceLister}. Returned objects are shared with the cache: never mutate them
 * (copy with {@code Cache.copy(obj)} first). Thread-safe: each call reads the cache as it is.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface ConfigMapLister extends ResourceLister<ConfigMap> {
  /**
   * The lister of the {@code configmaps} in {@code namespace} ({@code ""}: every namespace).
   */
  ConfigMapNamespaceLister configMaps(String namespace);

  /**
   * A lister over {@code indexer}, which must have the namespace index and {@link #indexers()}
   * (else an {@code IllegalArgumentException} names the missing ones).
   */
  static ConfigMapLister create(Indexer<ConfigMap> indexer) {
    IndexerLister.requireIndexes(indexer, indexers().keySet(), "ConfigMapLister");
    final class ConfigMapListerImpl extends IndexerLister<ConfigMap> implements ConfigMapLister, ConfigMapNamespaceLister {
      ConfigMapListerImpl(String namespace) {
        super(indexer, namespace);
      }

      @Override
      public ConfigMapNamespaceLister configMaps(String namespace) {
        return new ConfigMapListerImpl(namespace);
      }
    }
    return new ConfigMapListerImpl("");
  }

  /**
   * The index functions of the lookups (none), by name, to register on the informer (no reflection).
   */
  static Map<String, IndexFunction<ConfigMap>> indexers() {
    return Map.of();
  }
}
