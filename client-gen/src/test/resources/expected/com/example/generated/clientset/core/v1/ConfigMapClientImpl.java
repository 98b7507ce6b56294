package com.example.generated.clientset.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link ConfigMapClient} over {@link ResourceOperations}: a {@code ResourceClient} in the REST
 * clientset, a {@code FakeResourceClient} in the fake one. Thread-safe as its delegate is.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class ConfigMapClientImpl implements ConfigMapClient {
  private final ResourceOperations<ConfigMap> resource;

  /**
   * A client delegating every call to {@code resource}.
   */
  public ConfigMapClientImpl(ResourceOperations<ConfigMap> resource) {
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
