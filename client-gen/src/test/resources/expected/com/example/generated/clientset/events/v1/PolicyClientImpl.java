package com.example.generated.clientset.events.v1;

import com.example.events.v1.Policy;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.rest.ResourceOperations;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link PolicyClient} over {@link ResourceOperations}: a {@code ResourceClient} in the REST
 * clientset, a {@code FakeResourceClient} in the fake one. Thread-safe as its delegate is.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class PolicyClientImpl implements PolicyClient {
  private final ResourceOperations<Policy> resource;

  /**
   * A client delegating every call to {@code resource}.
   */
  public PolicyClientImpl(ResourceOperations<Policy> resource) {
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
