package com.example.generated.informers.core.v1;

import com.example.core.v1.Namespace;
import com.example.generated.clientset.Clientset;
import com.example.generated.listers.core.v1.NamespaceLister;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.TypedInformer;
import javax.annotation.processing.Generated;

/**
 * The shared informer of {@link Namespace} ({@code namespaces} in {@code v1}) and its {@link NamespaceLister}, from
 * {@code factory.core().v1().namespaces()}: {@code informer()} and {@code lister()} of {@link TypedInformer}.
 * Objects in the cache are shared: never mutate them (copy with {@code Cache.copy(obj)}).
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class NamespaceInformer extends TypedInformer<Namespace, NamespaceLister> {
  /**
   * The informer shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public NamespaceInformer(SharedInformerFactoryBase factory, Clientset clientset) {
    super(factory, Namespace.class, namespace -> clientset.coreV1().namespaces(),
        NamespaceLister.indexers(), NamespaceLister::create);
  }
}
