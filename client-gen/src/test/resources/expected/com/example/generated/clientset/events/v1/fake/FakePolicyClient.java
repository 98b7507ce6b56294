package com.example.generated.clientset.events.v1.fake;

import com.example.events.v1.Policy;
import com.example.generated.clientset.events.v1.PolicyClient;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ResourceType;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake {@link PolicyClient}, answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakePolicyClient implements PolicyClient {
  /**
   * How the tracker serves {@link Policy}.
   */
  public static final ResourceType<Policy> TYPE = new ResourceType<>(PolicyClient.RESOURCE, "Policy", Policy.class, false, true);

  private final FakeResourceClient<Policy> resource;

  /**
   * A fake client delegating to {@code resource}.
   */
  public FakePolicyClient(FakeResourceClient<Policy> resource) {
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
