package com.example.generated.clientset.events.v1;

import io.kubegen.runtime.rest.RestClient;
import javax.annotation.processing.Generated;

/**
 * The clients of API group version {@code events.example.com/v1} ({@code /apis/events.example.com/v1}). Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface EventsV1Client {
  /**
   * The client of {@code events} in {@code namespace}; null or {@code ""} means all namespaces (for list, watch and deleteCollection).
   */
  EventClient events(String namespace);

  /**
   * The client of the cluster-scoped {@code policies}.
   */
  PolicyClient policies();

  /**
   * The clients of {@code events.example.com/v1} over {@code client}.
   */
  static EventsV1Client create(RestClient client) {
    return new EventsV1ClientImpl(client);
  }
}
