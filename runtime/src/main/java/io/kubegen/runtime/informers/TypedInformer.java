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
 * of one type and a typed lister over its cache. A generated informer extends it and says only
 * which typed client it lists and watches through, the indexes of its cache and its lister.
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
  private final Function<String, ListWatch<T>> listWatches;
  private final Map<String, IndexFunction<T>> indexers;
  private final Function<Indexer<T>, L> newLister;

  /**
   * The informer of {@code type} shared through {@code factory}.
   *
   * @param clients the typed client of a namespace ({@code ""}: all), such as
   *     {@code ns -> clientset.samplecontrollerV1alpha1().foos(ns)}; the informer lists and watches
   *     through the client of the factory's namespace (a cluster-scoped type ignores it)
   * @param indexers the indexes of the informer's cache besides the namespace index, such as
   *     {@code FooLister.indexers()}
   * @param newLister a lister over the informer's indexer, such as {@code FooLister::create}
   */
  protected <C extends Listable<T> & Watchable<T>> TypedInformer(SharedInformerFactoryBase factory, Class<T> type,
      Function<String, C> clients, Map<String, IndexFunction<T>> indexers, Function<Indexer<T>, L> newLister) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.type = Objects.requireNonNull(type, "type");
    Objects.requireNonNull(clients, "clients");
    this.listWatches = namespace -> listWatch(clients.apply(namespace));
    this.indexers = Map.copyOf(indexers);
    this.newLister = Objects.requireNonNull(newLister, "newLister");
  }

  /**
   * The factory's shared informer of this type, built on the first call (with the factory's
   * namespace, list-options tweak, resync, reflector options and transform) and started by the
   * factory's {@code start()}. Objects in its cache are shared: never mutate them.
   */
  public SharedIndexInformer<T> informer() {
    return factory.informerFor(type, resync -> SharedIndexInformer.builder(
            factory.listWatch(listWatches.apply(factory.namespace())), type)
        .resync(resync).indexers(indexers).reflectorOptions(factory.reflectorOptionsFor(type)).build());
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
   * resyncs every {@code resync} (zero: never) and has the indexes {@code indexers} (client-go's
   * {@code NewFilteredFooInformer}): {@code TypedInformer.newInformer(clientset.samplecontrollerV1alpha1().foos(ns),
   * Foo.class, resync, null, FooLister.indexers())}.
   */
  public static <T extends KubernetesObject, C extends Listable<T> & Watchable<T>> SharedIndexInformer<T> newInformer(
      C client, Class<T> type, Duration resync, UnaryOperator<ListOptions> tweakListOptions,
      Map<String, IndexFunction<T>> indexers) {
    return SharedIndexInformer.create(listWatch(client).withTweak(tweakListOptions), type, resync, indexers);
  }

  private static <T, C extends Listable<T> & Watchable<T>> ListWatch<T> listWatch(C client) {
    Objects.requireNonNull(client, "client");
    return ListWatch.of(client::list, client::watch);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + type.getName() + "}";
  }
}
