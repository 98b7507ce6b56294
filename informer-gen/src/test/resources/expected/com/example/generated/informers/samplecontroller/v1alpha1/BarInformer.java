package com.example.generated.informers.samplecontroller.v1alpha1;

import com.example.generated.clientset.Clientset;
import com.example.generated.listers.samplecontroller.v1alpha1.BarLister;
import com.example.samplecontroller.v1alpha1.Bar;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.TypedInformer;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link Bar} ({@code bars} in {@code samplecontroller.k8s.io/v1alpha1}) and its {@link BarLister}, from
 * {@code factory.samplecontroller().v1alpha1().bars()}: {@code informer()} and {@code lister()} of {@link TypedInformer}.
 * Objects in the cache are shared: never mutate them (copy with {@code Cache.copy(obj)}).
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class BarInformer extends TypedInformer<Bar, BarLister> {
  /**
   * The informer shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public BarInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    super(factory, Bar.class, namespace -> clientset.samplecontrollerV1alpha1().bars(),
        BarLister.indexers(), BarLister::create);
  }
}
