package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import io.kubegen.runtime.listers.IndexerLister;
import io.kubegen.runtime.listers.ScopedLister;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;

/**
 * Reads {@link Bar} objects ({@code bars} in {@code samplecontroller.k8s.io/v1alpha1}, cluster-scoped) from an informer's cache:
 * {@code list} and {@code get} from {@link ScopedLister}. Returned objects are shared with the cache: never mutate them
 * (copy with {@code Cache.copy(obj)} first). Thread-safe: each call reads the cache as it is.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface BarLister extends ScopedLister<Bar> {
  /**
   * The objects with {@code value} at {@code zone} (cache index {@code "byZone"}).
   */
  default List<Bar> byZone(String value) {
    return byIndex("byZone", value);
  }

  /**
   * A lister over {@code indexer}, which must have the namespace index and {@link #indexers()}
   * (else an {@code IllegalArgumentException} names the missing ones).
   */
  static BarLister create(Indexer<Bar> indexer) {
    IndexerLister.requireIndexes(indexer, indexers().keySet(), "BarLister");
    final class BarListerImpl extends IndexerLister<Bar> implements BarLister {
      BarListerImpl() {
        super(indexer, "");
      }
    }
    return new BarListerImpl();
  }

  /**
   * The index functions of the lookups, by name, to register on the informer (no reflection).
   */
  static Map<String, IndexFunction<Bar>> indexers() {
    return Map.of("byZone", obj -> Stream.ofNullable(obj.zone()).map(String::valueOf).toList());
  }
}
