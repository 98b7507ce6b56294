package com.example.generated.clientset.events.v1;

import com.example.events.v1.Policy;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.rest.ResourceClient;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link PolicyClient} over the REST client.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
final class PolicyClientImpl implements PolicyClient {
  private final ResourceClient<Policy> resource;

  PolicyClientImpl(ResourceClient<Policy> resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  @Override
  public Policy create(Policy obj, CreateOptions options) {
    return resource.create(obj, options);
  }

  @Override
  public void delete(String name, DeleteOptions options) {
    resource.delete(name, options);
  }

  @Override
  public Policy get(String name, GetOptions options) {
    return resource.get(name, options);
  }

  @Override
  public ObjectList<Policy> list(ListOptions options) {
    return resource.list(options);
  }
}
