package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.listers.GenericLister;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

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
   * The informer of {@code resource} from a factory's table of typed accessors: what a generated
   * {@code forResource} does.
   *
   * @param informers for each resource the factory serves, how to get its shared informer
   * @throws IllegalArgumentException naming the served resources when {@code resource} is not one
   */
  public static <F> GenericInformer forResource(GroupVersionResource resource,
      Map<GroupVersionResource, Function<F, SharedIndexInformer<? extends KubernetesObject>>> informers, F factory) {
    Objects.requireNonNull(resource, "resource");
    Function<F, SharedIndexInformer<? extends KubernetesObject>> accessor = informers.get(resource);
    if (accessor == null) {
      Map<String, GroupVersionResource> served = new TreeMap<>();
      informers.keySet().forEach(r -> served.put(r.group() + "/" + r.version() + "/" + r.resource(), r));
      throw new IllegalArgumentException("no informer for resource " + resource + "; this factory has informers for: "
          + String.join("; ", served.values().stream().map(GroupVersionResource::toString).toList()));
    }
    return new GenericInformer(resource, accessor.apply(factory));
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
