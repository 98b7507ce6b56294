package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.rest.Listable;
import io.kubegen.runtime.rest.Watchable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one implementation behind every generated {@code FooInformer}: the factory's shared informer
 * of one type and a typed lister over its cache. A generated informer extends it and says only how
 * to build the informer (through the generated clientset) and the lister.
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}. Immutable and thread-safe; every instance of one
 * factory and type shares one informer.
 *
 * @param <T> the resource type
 * @param <L> the typed lister, such as {@code FooLister}
 */
public abstract class TypedInformer<T extends KubernetesObject, L> {
  private final SharedInformerFactoryBase factory;
  private final Class<T> type;
  private final Function<Duration, SharedIndexInformer<T>> newInformer;
  private final Function<Indexer<T>, L> newLister;

  /**
   * The informer of {@code type} shared through {@code factory}.
   *
   * @param newInformer builds the informer, given the resync period the factory chooses for the type
   *     (called once per factory and type, on the first {@link #informer()})
   * @param newLister a lister over the informer's indexer, such as {@code FooLister::create}
   */
  protected TypedInformer(SharedInformerFactoryBase factory, Class<T> type,
      Function<Duration, SharedIndexInformer<T>> newInformer, Function<Indexer<T>, L> newLister) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.type = Objects.requireNonNull(type, "type");
    this.newInformer = Objects.requireNonNull(newInformer, "newInformer");
    this.newLister = Objects.requireNonNull(newLister, "newLister");
  }

  /**
   * The factory's shared informer of this type, built on the first call (with the factory's
   * namespace, list-options tweak, resync and transform) and started by the factory's
   * {@code start()}. Objects in its cache are shared: never mutate them.
   */
  public SharedIndexInformer<T> informer() {
    return factory.informerFor(type, newInformer);
  }

  /**
   * A typed lister over the shared informer's cache (empty until the informer has synced).
   * Returned objects are shared with the cache: never mutate them.
   */
  public L lister() {
    return newLister.apply(informer().getIndexer());
  }

  /**
   * A new informer that belongs to no factory (start and stop it yourself): it lists and watches
   * through {@code client}, with {@code tweakListOptions} (null for none) applied to every call,
   * resyncs every {@code resync} (zero: never) and has the indexes {@code indexers}. What the
   * generated {@code FooInformer.newInformer} returns (client-go's {@code NewFilteredFooInformer}).
   */
  public static <T extends KubernetesObject, C extends Listable<T> & Watchable<T>> SharedIndexInformer<T> newInformer(
      C client, Class<T> type, Duration resync, UnaryOperator<ListOptions> tweakListOptions,
      Map<String, IndexFunction<T>> indexers) {
    Objects.requireNonNull(client, "client");
    ListWatch<T> listWatch = ListWatch.of(client::list, client::watch);
    return SharedIndexInformer.create(listWatch.withTweak(tweakListOptions), type, resync, indexers);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + type.getName() + "}";
  }
}
