package com.example.generated.clientset.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link CoreV1Client} over the REST client.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
final class CoreV1ClientImpl implements CoreV1Client {
  private final RestClient client;

  CoreV1ClientImpl(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public ConfigMapClient configMaps(String namespace) {
    return new ConfigMapClientImpl(new ResourceClient<>(client, ConfigMapClient.RESOURCE, ConfigMap.class, namespace));
  }
}
