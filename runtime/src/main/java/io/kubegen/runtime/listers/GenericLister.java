package io.kubegen.runtime.listers;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads any resource's objects from an informer's cache without knowing their type (client-go's
 * {@code GenericLister}); what {@code GenericInformer.lister()} returns.
 *
 * <p>Objects in the cache are shared: never mutate them; copy first with {@code Cache.copy(obj)}.
 * Thread-safe: every call reads the cache as it is at that moment.
 */
public final class GenericLister {
  private final Indexer<? extends KubernetesObject> indexer;

  /** A lister over {@code indexer}, which has the namespace index (every informer's cache has). */
  public GenericLister(Indexer<? extends KubernetesObject> indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
  }

  /** The objects whose labels match {@code selector}, in every namespace. Shared with the cache. */
  public List<KubernetesObject> list(LabelSelector selector) {
    return list("", selector);
  }

  /**
   * The objects of {@code namespace} ({@code ""}: every namespace) whose labels match
   * {@code selector}. Shared with the cache.
   */
  public List<KubernetesObject> list(String namespace, LabelSelector selector) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(selector, "selector");
    List<KubernetesObject> objects = List.copyOf(
        namespace.isEmpty() ? indexer.list() : indexer.byIndex(Cache.NAMESPACE_INDEX, namespace));
    return IndexerLister.select(objects, selector);
  }

  /**
   * The object {@code name} in {@code namespace} ({@code ""} for cluster-scoped objects), if
   * cached. Shared with the cache.
   */
  public Optional<KubernetesObject> get(String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    return indexer.getByKey(namespace.isEmpty() ? name : namespace + "/" + name).map(o -> o);
  }
}
