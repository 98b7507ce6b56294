package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.cache.SharedIndexInformer;
import java.util.Objects;

/**
 * The shared informer of one resource known only at run time, with a lister over its cache
 * (client-go's {@code informers.GenericInformer}). Thread-safe.
 */
public final class DynamicInformer {
  private final GroupVersionResource resource;
  private final SharedIndexInformer<GenericObject> informer;
  private final DynamicLister lister;

  DynamicInformer(GroupVersionResource resource, SharedIndexInformer<GenericObject> informer) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.informer = Objects.requireNonNull(informer, "informer");
    this.lister = new DynamicLister(informer.getIndexer());
  }

  /** The resource this informer watches. */
  public GroupVersionResource resource() { return resource; }

  /** The shared informer; add handlers to it, the factory starts and stops it. */
  public SharedIndexInformer<GenericObject> informer() { return informer; }

  /** A lister over the informer's cache. */
  public DynamicLister lister() { return lister; }
}
