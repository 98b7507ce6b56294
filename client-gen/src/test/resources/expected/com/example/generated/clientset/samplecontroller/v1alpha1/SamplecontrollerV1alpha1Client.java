package com.example.generated.clientset.samplecontroller.v1alpha1;

import io.kubegen.runtime.rest.RestClient;
import javax.annotation.processing.Generated;

/**
 * The clients of API group version {@code samplecontroller.k8s.io/v1alpha1} ({@code /apis/samplecontroller.k8s.io/v1alpha1}). Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface SamplecontrollerV1alpha1Client {
  /**
   * The client of the cluster-scoped {@code bars}.
   */
  BarClient bars();

  /**
   * The client of {@code foos} in {@code namespace}; null or {@code ""} means all namespaces (for list, watch and deleteCollection).
   */
  FooClient foos(String namespace);

  /**
   * The clients of {@code samplecontroller.k8s.io/v1alpha1} over {@code client}.
   */
  static SamplecontrollerV1alpha1Client create(RestClient client) {
    return new SamplecontrollerV1alpha1ClientImpl(client);
  }
}
