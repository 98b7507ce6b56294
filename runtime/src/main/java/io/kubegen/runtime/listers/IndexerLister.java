package io.kubegen.runtime.listers;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one implementation behind every generated lister (client-go's {@code listers.ResourceIndexer}):
 * {@link #list} and {@link #get} over an {@link Indexer}, in one namespace or in all of them.
 * A generated lister's implementation extends it and adds only the namespace accessor; its
 * {@code @GenIndex} lookups are default methods calling {@link #byIndex}.
 *
 * <p>Immutable and thread-safe: every call reads the indexer as it is at that moment. Returned
 * objects are shared with the cache: never mutate them; copy first with {@code Cache.copy(obj)}.
 *
 * @param <T> the resource type
 */
public class IndexerLister<T extends KubernetesObject> implements ScopedLister<T> {
  private final Indexer<T> indexer;
  private final String namespace;

  /**
   * A lister over {@code indexer} in {@code namespace}; {@code ""} means every namespace (and is the
   * only scope of a cluster-scoped resource). The indexer must have the namespace index
   * ({@link #requireIndexes} checks it once, when the lister is created).
   */
  protected IndexerLister(Indexer<T> indexer, String namespace) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /**
   * Checks that {@code indexer} has the namespace index and every index of {@code names}.
   *
   * @param lister the lister's name, for the message, such as {@code FooLister}
   * @throws IllegalArgumentException naming every index that is missing, in name order
   */
  public static void requireIndexes(Indexer<?> indexer, Collection<String> names, String lister) {
    Map<String, ?> present = Objects.requireNonNull(indexer, "indexer").getIndexers();
    Set<String> missing = new TreeSet<>();
    if (!present.containsKey(Cache.NAMESPACE_INDEX)) {
      missing.add(Cache.NAMESPACE_INDEX);
    }
    names.stream().filter(name -> !present.containsKey(name)).forEach(missing::add);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the indexer has no index " + String.join(", ",
          missing.stream().map(name -> "\"" + name + "\"").toList()) + "; register " + lister
          + ".indexers() on the informer");
    }
  }

  @Override
  public List<T> list(LabelSelector selector) {
    Objects.requireNonNull(selector, "selector");
    List<T> objects = namespace.isEmpty() ? indexer.list() : indexer.byIndex(Cache.NAMESPACE_INDEX, namespace);
    return select(objects, selector);
  }

  @Override
  public Optional<T> get(String name) {
    Objects.requireNonNull(name, "name");
    return indexer.getByKey(namespace.isEmpty() ? name : namespace + "/" + name);
  }

  @Override
  public List<T> byIndex(String indexName, String value) {
    List<T> objects = indexer.byIndex(indexName, Objects.requireNonNull(value, "value"));
    if (namespace.isEmpty()) {
      return objects;
    }
    List<T> inNamespace = new ArrayList<>();
    for (T obj : objects) {
      ObjectMeta meta = obj.getMetadata();
      if (meta != null && namespace.equals(meta.getNamespace())) {
        inNamespace.add(obj);
      }
    }
    return inNamespace;
  }

  /** The namespace this lister reads, {@code ""} for all. */
  protected final String namespace() {
    return namespace;
  }

  /** The objects of {@code objects} whose labels match {@code selector}. */
  static <T extends KubernetesObject> List<T> select(List<T> objects, LabelSelector selector) {
    if (selector.isEmpty()) {
      return objects;
    }
    List<T> out = new ArrayList<>();
    for (T obj : objects) {
      if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels())) {
        out.add(obj);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + (namespace.isEmpty() ? "all namespaces" : "namespace=" + namespace) + "}";
  }
}
