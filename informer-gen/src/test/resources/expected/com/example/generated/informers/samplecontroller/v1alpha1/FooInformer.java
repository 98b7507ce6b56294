package com.example.generated.informers.samplecontroller.v1alpha1;

import com.example.generated.clientset.Clientset;
import com.example.generated.listers.samplecontroller.v1alpha1.FooLister;
import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.TypedInformer;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link Foo} ({@code foos} in {@code samplecontroller.k8s.io/v1alpha1}) and its {@link FooLister}, from
 * {@code factory.samplecontroller().v1alpha1().foos()}: {@code informer()} and {@code lister()} of {@link TypedInformer}.
 * Objects in the cache are shared: never mutate them (copy with {@code Cache.copy(obj)}).
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class FooInformer extends TypedInformer<Foo, FooLister> {
  /**
   * The informer shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public FooInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    super(factory, Foo.class, namespace -> clientset.samplecontrollerV1alpha1().foos(namespace),
        FooLister.indexers(), FooLister::create);
  }
}
