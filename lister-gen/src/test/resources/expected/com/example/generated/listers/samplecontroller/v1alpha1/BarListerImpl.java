package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * {@link BarLister} over an {@code Indexer}, and the index functions of its lookups.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
final class BarListerImpl implements BarLister {
  private final Indexer<Bar> indexer;

  BarListerImpl(Indexer<Bar> indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    for (String index : List.of(Cache.NAMESPACE_INDEX, "byZone")) {
      if (!indexer.getIndexers().containsKey(index)) {
        throw new IllegalArgumentException("the indexer has no index \"" + index + "\"; register BarLister.indexers() on the informer");
      }
    }
  }

  @Override
  public List<Bar> list(LabelSelector selector) {
    return select(indexer.list(), selector);
  }

  @Override
  public Optional<Bar> get(String name) {
    return indexer.getByKey(Objects.requireNonNull(name, "name"));
  }

  @Override
  public List<Bar> byZone(String value) {
    return indexer.byIndex("byZone", Objects.requireNonNull(value, "value"));
  }

  /**
   * The objects whose labels match {@code selector}.
   */
  static List<Bar> select(List<Bar> objects, LabelSelector selector) {
    if (Objects.requireNonNull(selector, "selector").isEmpty()) {
      return objects;
    }
    List<Bar> out = new ArrayList<>();
    for (Bar obj : objects) {
      if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels())) {
        out.add(obj);
      }
    }
    return out;
  }

  /**
   * Index {@code "byZone"}: the values at {@code zone} of {@code obj}.
   */
  static List<String> byZoneValues(Bar obj) {
    List<String> values = new ArrayList<>();
    var zone = obj.zone();
    if (zone != null) {
      values.add(String.valueOf(zone));
    }
    return values;
  }
}
