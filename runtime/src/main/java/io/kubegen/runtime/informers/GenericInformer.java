package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.listers.GenericLister;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A shared informer seen without its type, as a generated {@code SharedInformerFactory.forResource}
 * returns it (client-go's {@code GenericInformer}).
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}. Immutable; the informer and lister are thread-safe.
 */
public final class GenericInformer {
  private final GroupVersionResource resource;
  private final SharedIndexInformer<? extends KubernetesObject> informer;

  /** The untyped view of {@code informer}, which watches {@code resource}. */
  public GenericInformer(GroupVersionResource resource, SharedIndexInformer<? extends KubernetesObject> informer) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.informer = Objects.requireNonNull(informer, "informer");
  }

  /**
   * What a generated {@code forResource} returns: the untyped view of {@code informer}, which the
   * factory's typed accessor of {@code resource} gave.
   *
   * @param informer the factory's informer of {@code resource}, or null when it serves no such resource
   * @param served the resources the factory serves, one list per group version (the clientset's
   *     {@code TYPES}), to name them in the error
   * @throws IllegalArgumentException naming the served resources when {@code informer} is null
   */
  public static GenericInformer of(GroupVersionResource resource, SharedIndexInformer<? extends KubernetesObject> informer,
      List<List<ResourceType<?>>> served) {
    Objects.requireNonNull(resource, "resource");
    if (informer == null) {
      Map<String, GroupVersionResource> names = new TreeMap<>();
      served.stream().flatMap(List::stream).map(ResourceType::resource)
          .forEach(r -> names.put(r.group() + "/" + r.version() + "/" + r.resource(), r));
      throw new IllegalArgumentException("no informer for resource " + resource + "; this factory has informers for: "
          + String.join("; ", names.values().stream().map(GroupVersionResource::toString).toList()));
    }
    return new GenericInformer(resource, informer);
  }

  /** The resource this informer watches. */
  public GroupVersionResource resource() {
    return resource;
  }

  /** The shared informer. Objects in its cache are shared: never mutate them. */
  public SharedIndexInformer<? extends KubernetesObject> informer() {
    return informer;
  }

  /** An untyped lister over the informer's cache. */
  public GenericLister lister() {
    return new GenericLister(informer.getIndexer());
  }
}
