package com.example.generated.informers.core.v1;

import com.example.generated.clientset.Clientset;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The informers of API group version {@code v1}, one per resource. Thread-safe.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class CoreV1Informers {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * Informers shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public CoreV1Informers(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The informer of {@code configmaps} (in the factory's namespace).
   */
  public ConfigMapInformer configMaps() {
    return new ConfigMapInformer(factory, clientset);
  }

  /**
   * The informer of {@code namespaces} (cluster-scoped).
   */
  public NamespaceInformer namespaces() {
    return new NamespaceInformer(factory, clientset);
  }
}
