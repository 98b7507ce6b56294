package com.example.generated.informers;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.cache.SharedIndexInformer;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A shared informer seen without its type, as {@code SharedInformerFactory.forResource} returns it
 * (client-go's {@code GenericInformer}).
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}.
 *
 * <p>Immutable; the informer and lister are thread-safe.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class GenericInformer {
  private final GroupVersionResource resource;

  private final SharedIndexInformer<? extends KubernetesObject> informer;

  GenericInformer(GroupVersionResource resource,
      SharedIndexInformer<? extends KubernetesObject> informer) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.informer = Objects.requireNonNull(informer, "informer");
  }

  /**
   * The resource this informer watches.
   */
  public GroupVersionResource resource() {
    return resource;
  }

  /**
   * The shared informer.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public SharedIndexInformer<? extends KubernetesObject> informer() {
    return informer;
  }

  /**
   * An untyped lister over the informer's cache.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public GenericLister lister() {
    return new GenericLister(informer.getIndexer());
  }
}
