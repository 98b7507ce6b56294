package com.example.generated.informers.core;

import com.example.generated.clientset.Clientset;
import com.example.generated.informers.core.v1.CoreV1Informers;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The informers of API group {@code core}, one accessor per version. Thread-safe.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class CoreInformers {
  private final SharedInformerFactoryBase factory;

  private final Clientset clientset;

  /**
   * Informers shared through {@code factory}, listing and watching through {@code clientset}.
   */
  public CoreInformers(SharedInformerFactoryBase factory, Clientset clientset) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * The informers of {@code v1}.
   */
  public CoreV1Informers v1() {
    return new CoreV1Informers(factory, clientset);
  }
}
