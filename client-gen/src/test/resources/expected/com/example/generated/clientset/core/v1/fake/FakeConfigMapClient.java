package com.example.generated.clientset.core.v1.fake;

import com.example.core.v1.ConfigMap;
import com.example.generated.clientset.core.v1.ConfigMapClient;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ResourceType;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake {@link ConfigMapClient}, answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakeConfigMapClient implements ConfigMapClient {
  /**
   * How the tracker serves {@link ConfigMap}.
   */
  public static final ResourceType<ConfigMap> TYPE = new ResourceType<>(ConfigMapClient.RESOURCE, "ConfigMap", ConfigMap.class, true, false);

  private final FakeResourceClient<ConfigMap> resource;

  /**
   * A fake client delegating to {@code resource}.
   */
  public FakeConfigMapClient(FakeResourceClient<ConfigMap> resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  @Override
  public ConfigMap create(ConfigMap obj, CreateOptions options) {
    return resource.create(obj, options);
  }

  @Override
  public ConfigMap update(ConfigMap obj, UpdateOptions options) {
    return resource.update(obj, options);
  }

  @Override
  public void delete(String name, DeleteOptions options) {
    resource.delete(name, options);
  }

  @Override
  public ConfigMap get(String name, GetOptions options) {
    return resource.get(name, options);
  }

  @Override
  public ObjectList<ConfigMap> list(ListOptions options) {
    return resource.list(options);
  }

  @Override
  public Watch<ConfigMap> watch(ListOptions options) {
    return resource.watch(options);
  }

  @Override
  public ConfigMap patch(String name, PatchType patchType, String body, PatchOptions options,
      String... subresources) {
    return resource.patch(name, patchType, body, options, subresources);
  }
}
