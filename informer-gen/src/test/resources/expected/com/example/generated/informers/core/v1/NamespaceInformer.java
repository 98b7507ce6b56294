package com.example.generated.informers.core.v1;

import com.example.core.v1.Namespace;
import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.core.v1.NamespaceClient;
import com.example.generated.listers.core.v1.NamespaceLister;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link Namespace} ({@code namespaces} in {@code v1}) and its lister; get it from
 * {@code SharedInformerFactory} as {@code factory.core().v1().namespaces()}.
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe; every instance of one factory shares one informer.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class NamespaceInformer {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * The informer of {@code namespaces} shared through {@code factory} (its namespace, list-options tweak,
   * resync and transform), listing and watching through {@code clientset}. Usually reached through
   * {@link CoreV1Informers}.
   */
  public NamespaceInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The factory's shared informer of {@code namespaces}, built on the first call and started by the
   * factory's {@code start()}; its cache has the indexes of {@link NamespaceLister#indexers()}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public SharedIndexInformer<Namespace> informer() {
    return factory.informerFor(Namespace.class, resync -> newInformer(clientset, resync, factory.tweakListOptions()));
  }

  /**
   * A lister over the shared informer's cache (it is empty until the informer has synced).
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public NamespaceLister lister() {
    return NamespaceLister.create(informer().getIndexer());
  }

  /**
   * A new informer of {@code namespaces} that belongs to no factory (start and stop it yourself),
   * listing and watching through {@code clientset} with {@code tweakListOptions} (null for none)
   * applied to every call, resyncing every {@code resync} (zero: never), with the indexes of
   * {@link NamespaceLister#indexers()}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public static SharedIndexInformer<Namespace> newInformer(Clientset clientset, Duration resync,
      UnaryOperator<ListOptions> tweakListOptions) {
    Objects.requireNonNull(clientset, "clientset");
    NamespaceClient client = clientset.coreV1().namespaces();
    ListWatch<Namespace> listWatch = ListWatch.of(client::list, client::watch);
    return SharedIndexInformer.create(listWatch.withTweak(tweakListOptions), Namespace.class, resync, NamespaceLister.indexers());
  }
}
