package io.kubegen.runtime.listers;

import io.kubegen.runtime.api.LabelSelector;
import java.util.List;

/**
 * Lists the objects of one resource from an informer's cache, without calling the API server.
 *
 * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}. Implementations are thread-safe: every call reads the cache as it is at
 * that moment.
 *
 * @param <T> the resource type
 */
public interface ResourceLister<T> {
  /**
   * The objects (in this lister's namespace, if it has one) whose labels match {@code selector};
   * {@code LabelSelector.everything()} for all. Shared with the cache: never mutate them.
   */
  List<T> list(LabelSelector selector);

  /**
   * The objects (in this lister's namespace, if it has one) that the cache index {@code indexName}
   * files under {@code value}; what the generated {@code @GenIndex} lookups return. Shared with the
   * cache: never mutate them.
   *
   * @throws IllegalArgumentException if the cache has no index {@code indexName}
   */
  List<T> byIndex(String indexName, String value);
}
