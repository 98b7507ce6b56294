package com.example.generated.informers.core.v1;

import com.example.core.v1.ConfigMap;
import com.example.generated.clientset.Clientset;
import com.example.generated.listers.core.v1.ConfigMapLister;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.TypedInformer;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link ConfigMap} ({@code configmaps} in {@code v1}) and its {@link ConfigMapLister}, from
 * {@code factory.core().v1().configMaps()}: {@code informer()} and {@code lister()} of {@link TypedInformer}.
 * Objects in the cache are shared: never mutate them (copy with {@code Cache.copy(obj)}).
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class ConfigMapInformer extends TypedInformer<ConfigMap, ConfigMapLister> {
  /**
   * The informer shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public ConfigMapInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    super(factory, ConfigMap.class, namespace -> clientset.coreV1().configMaps(namespace),
        ConfigMapLister.indexers(), ConfigMapLister::create);
  }
}
