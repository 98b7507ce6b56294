package com.example.generated.informers.core.v1;

import com.example.core.v1.ConfigMap;
import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.core.v1.ConfigMapClient;
import com.example.generated.listers.core.v1.ConfigMapLister;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link ConfigMap} ({@code configmaps} in {@code v1}) and its lister; get it from
 * {@code SharedInformerFactory} as {@code factory.core().v1().configMaps()}.
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe; every instance of one factory shares one informer.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class ConfigMapInformer {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * The informer of {@code configmaps} shared through {@code factory} (its namespace, list-options tweak,
   * resync and transform), listing and watching through {@code clientset}. Usually reached through
   * {@link CoreV1Informers}.
   */
  public ConfigMapInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The factory's shared informer of {@code configmaps}, built on the first call and started by the
   * factory's {@code start()}; its cache has the indexes of {@link ConfigMapLister#indexers()}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public SharedIndexInformer<ConfigMap> informer() {
    return factory.informerFor(ConfigMap.class, resync -> newInformer(clientset, factory.namespace(), resync, factory.tweakListOptions()));
  }

  /**
   * A lister over the shared informer's cache (it is empty until the informer has synced).
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public ConfigMapLister lister() {
    return ConfigMapLister.create(informer().getIndexer());
  }

  /**
   * A new informer of {@code configmaps} in {@code namespace} ({@code ""}: every namespace) that belongs to no factory (start and stop it yourself),
   * listing and watching through {@code clientset} with {@code tweakListOptions} (null for none)
   * applied to every call, resyncing every {@code resync} (zero: never), with the indexes of
   * {@link ConfigMapLister#indexers()}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public static SharedIndexInformer<ConfigMap> newInformer(Clientset clientset, String namespace,
      Duration resync, UnaryOperator<ListOptions> tweakListOptions) {
    Objects.requireNonNull(clientset, "clientset");
    ConfigMapClient client = clientset.coreV1().configMaps(Objects.requireNonNull(namespace, "namespace"));
    ListWatch<ConfigMap> listWatch = ListWatch.of(client::list, client::watch);
    return SharedIndexInformer.create(listWatch.withTweak(tweakListOptions), ConfigMap.class, resync, ConfigMapLister.indexers());
  }
}
