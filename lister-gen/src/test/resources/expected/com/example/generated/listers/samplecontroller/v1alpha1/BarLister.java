package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Reads {@link Bar} objects ({@code bars} in {@code samplecontroller.k8s.io/v1alpha1}, cluster-scoped) from an informer's cache, without
 * calling the API server.
 *
 * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe: every call reads the cache as it is at that moment.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface BarLister {
  /**
   * The objects whose labels match {@code selector}; {@code LabelSelector.everything()}
   * for all.
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Bar> list(LabelSelector selector);

  /**
   * The object named {@code name}, if the cache has it.
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  Optional<Bar> get(String name);

  /**
   * The objects with {@code value} at {@code zone} (cache index {@code "byZone"}).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Bar> byZone(String value);

  /**
   * A lister over {@code indexer}, which must have the namespace index and the indexes of
   * {@link #indexers()} (the informers of the generated informer factory have them).
   *
   * @throws IllegalArgumentException if an index is missing
   */
  static BarLister create(Indexer<Bar> indexer) {
    return new BarListerImpl(indexer);
  }

  /**
   * The index functions this lister's lookups need, by index name: register them on the
   * informer. They call the model's accessors directly (no reflection).
   */
  static Map<String, IndexFunction<Bar>> indexers() {
    return Map.ofEntries(
          Map.entry("byZone", BarListerImpl::byZoneValues));
  }
}
