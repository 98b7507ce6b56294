package com.example.generated.informers.samplecontroller;

import com.example.generated.clientset.Clientset;
import com.example.generated.informers.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Informers;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The informers of API group {@code samplecontroller.k8s.io}, one accessor per version. Thread-safe.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class SamplecontrollerInformers {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * Informers shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public SamplecontrollerInformers(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The informers of {@code samplecontroller.k8s.io/v1alpha1}.
   */
  public SamplecontrollerV1alpha1Informers v1alpha1() {
    return new SamplecontrollerV1alpha1Informers(factory, clientset);
  }
}
