package com.example.generated.clientset.core.v1;

import io.kubegen.runtime.rest.RestClient;
import javax.annotation.processing.Generated;

/**
 * The clients of API group version {@code v1} ({@code /api/v1}). Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface CoreV1Client {
  /**
   * The client of {@code configmaps} in {@code namespace}; null or {@code ""} means all namespaces (for list, watch and deleteCollection).
   */
  ConfigMapClient configMaps(String namespace);

  /**
   * The clients of {@code v1} over {@code client}.
   */
  static CoreV1Client create(RestClient client) {
    return new CoreV1ClientImpl(client);
  }
}
