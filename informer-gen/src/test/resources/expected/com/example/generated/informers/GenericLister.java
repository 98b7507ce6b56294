package com.example.generated.informers;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Reads any resource's objects from an informer's cache without knowing their type (client-go's
 * {@code GenericLister}).
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe: every call reads the cache as it is at that moment.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class GenericLister {
  private final Indexer<? extends KubernetesObject> indexer;

  /**
   * A lister over {@code indexer}, which has the namespace index (every informer's cache has).
   */
  public GenericLister(Indexer<? extends KubernetesObject> indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
  }

  /**
   * The objects whose labels match {@code selector}, in every namespace.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public List<KubernetesObject> list(LabelSelector selector) {
    return select(indexer.list(), selector);
  }

  /**
   * The objects of {@code namespace} ({@code ""}: every namespace) whose labels match
   * {@code selector}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public List<KubernetesObject> list(String namespace, LabelSelector selector) {
    Objects.requireNonNull(namespace, "namespace");
    return select(namespace.isEmpty() ? indexer.list() : indexer.byIndex(Cache.NAMESPACE_INDEX, namespace), selector);
  }

  /**
   * The object {@code name} in {@code namespace} ({@code ""} for cluster-scoped objects), if
   * cached.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public Optional<KubernetesObject> get(String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    return indexer.getByKey(namespace.isEmpty() ? name : namespace + "/" + name).map(o -> o);
  }

  private static List<KubernetesObject> select(List<? extends KubernetesObject> objects,
      LabelSelector selector) {
    Objects.requireNonNull(selector, "selector");
    List<KubernetesObject> out = new ArrayList<>();
    for (KubernetesObject obj : objects) {
      if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels())) {
        out.add(obj);
      }
    }
    return out;
  }
}
