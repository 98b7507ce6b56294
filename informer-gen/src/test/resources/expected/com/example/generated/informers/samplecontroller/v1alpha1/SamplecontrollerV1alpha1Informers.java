package com.example.generated.informers.samplecontroller.v1alpha1;

import com.example.generated.clientset.Clientset;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The informers of API group version {@code samplecontroller.k8s.io/v1alpha1}, one per resource. Thread-safe.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class SamplecontrollerV1alpha1Informers {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * Informers shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public SamplecontrollerV1alpha1Informers(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The informer of {@code bars} (cluster-scoped).
   */
  public BarInformer bars() {
    return new BarInformer(factory, clientset);
  }

  /**
   * The informer of {@code foos} (in the factory's namespace).
   */
  public FooInformer foos() {
    return new FooInformer(factory, clientset);
  }
}
