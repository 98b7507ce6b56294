package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ResourceType;
import java.util.Objects;

/**
 * Where the typed clients of a generated clientset send their calls: {@link #rest(RestClient)} to
 * an API server, {@code FakeResourceClient.backend(ObjectTracker)} to the fake clientset's tracker.
 * The generated group-version clients are written once against this, so the REST and the fake
 * clientset share them.
 *
 * <p>Implementations are thread-safe.
 */
public interface ResourceBackend {
  /**
   * The verbs of {@code type} in {@code namespace} (null or {@code ""}: cluster-scoped, or every
   * namespace for list, watch and deleteCollection).
   */
  <T extends KubernetesObject> ResourceOperations<T> operations(ResourceType<T> type, String namespace);

  /** Calls over HTTP through {@code client}: a {@link ResourceClient} per call. */
  static ResourceBackend rest(RestClient client) {
    Objects.requireNonNull(client, "client");
    return new ResourceBackend() {
      @Override
      public <T extends KubernetesObject> ResourceOperations<T> operations(ResourceType<T> type, String namespace) {
        return new ResourceClient<>(client, type, namespace);
      }

      @Override
      public String toString() {
        return "ResourceBackend.rest(" + client.currentServer() + ")";
      }
    };
  }
}
