package com.example.generated.clientset.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.rest.ResourceBackend;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TypedClient;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The clients of API group version {@code v1} ({@code /api/v1}).
 * Their calls go to the REST API or, in the fake clientset, to an {@code ObjectTracker}.
 * Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class CoreV1Client {
  /**
   * The resources of this group version.
   */
  public static final List<ResourceType<?>> TYPES = List.of(ConfigMapClient.TYPE);

  private final ResourceBackend backend;

  private CoreV1Client(ResourceBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /**
   * The clients of {@code v1} over {@code client}.
   */
  public static CoreV1Client create(RestClient client) {
    return over(ResourceBackend.rest(client));
  }

  /**
   * The clients of {@code v1} whose calls go to {@code backend}.
   */
  public static CoreV1Client over(ResourceBackend backend) {
    return new CoreV1Client(backend);
  }

  /**
   * The client of {@code configmaps} in {@code namespace}; null or {@code ""} means all namespaces (for list, watch and deleteCollection).
   */
  public ConfigMapClient configMaps(String namespace) {
    return new ConfigMapClientImpl(backend.operations(ConfigMapClient.TYPE, namespace));
  }

  private static final class ConfigMapClientImpl extends TypedClient<ConfigMap> implements ConfigMapClient {
    ConfigMapClientImpl(ResourceOperations<ConfigMap> operations) {
      super(operations);
    }
  }
}
