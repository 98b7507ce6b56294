package com.example.generated.informers.samplecontroller.v1alpha1;

import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.samplecontroller.v1alpha1.BarClient;
import com.example.generated.listers.samplecontroller.v1alpha1.BarLister;
import com.example.samplecontroller.v1alpha1.Bar;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link Bar} ({@code bars} in {@code samplecontroller.k8s.io/v1alpha1}) and its lister; get it from
 * {@code SharedInformerFactory} as {@code factory.samplecontroller().v1alpha1().bars()}.
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe; every instance of one factory shares one informer.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class BarInformer {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * The informer of {@code bars} shared through {@code factory} (its namespace, list-options tweak,
   * resync and transform), listing and watching through {@code clientset}. Usually reached through
   * {@link SamplecontrollerV1alpha1Informers}.
   */
  public BarInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The factory's shared informer of {@code bars}, built on the first call and started by the
   * factory's {@code start()}; its cache has the indexes of {@link BarLister#indexers()}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public SharedIndexInformer<Bar> informer() {
    return factory.informerFor(Bar.class, resync -> newInformer(clientset, resync, factory.tweakListOptions()));
  }

  /**
   * A lister over the shared informer's cache (it is empty until the informer has synced).
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public BarLister lister() {
    return BarLister.create(informer().getIndexer());
  }

  /**
   * A new informer of {@code bars} that belongs to no factory (start and stop it yourself),
   * listing and watching through {@code clientset} with {@code tweakListOptions} (null for none)
   * applied to every call, resyncing every {@code resync} (zero: never), with the indexes of
   * {@link BarLister#indexers()}.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   */
  public static SharedIndexInformer<Bar> newInformer(Clientset clientset, Duration resync,
      UnaryOperator<ListOptions> tweakListOptions) {
    Objects.requireNonNull(clientset, "clientset");
    BarClient client = clientset.samplecontrollerV1alpha1().bars();
    ListWatch<Bar> listWatch = ListWatch.of(client::list, client::watch);
    return SharedIndexInformer.create(listWatch.withTweak(tweakListOptions), Bar.class, resync, BarLister.indexers());
  }
}
