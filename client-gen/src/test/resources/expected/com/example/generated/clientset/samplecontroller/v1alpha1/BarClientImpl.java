package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
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
 * {@link BarClient} over {@link ResourceOperations}: a {@code ResourceClient} in the REST
 * clientset, a {@code FakeResourceClient} in the fake one. Thread-safe as its delegate is.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class BarClientImpl implements BarClient {
  private final ResourceOperations<Bar> resource;

  /**
   * A client delegating every call to {@code resource}.
   */
  public BarClientImpl(ResourceOperations<Bar> resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  @Override
  public Bar create(Bar obj, CreateOptions options) {
    return resource.create(obj, options);
  }

  @Override
  public Bar update(Bar obj, UpdateOptions options) {
    return resource.update(obj, options);
  }

  @Override
  public void delete(String name, DeleteOptions options) {
    resource.delete(name, options);
  }

  @Override
  public void deleteCollection(DeleteOptions options, ListOptions listOptions) {
    resource.deleteCollection(options, listOptions);
  }

  @Override
  public Bar get(String name, GetOptions options) {
    return resource.get(name, options);
  }

  @Override
  public ObjectList<Bar> list(ListOptions options) {
    return resource.list(options);
  }

  @Override
  public Watch<Bar> watch(ListOptions options) {
    return resource.watch(options);
  }

  @Override
  public Bar patch(String name, PatchType patchType, String body, PatchOptions options,
      String... subresources) {
    return resource.patch(name, patchType, body, options, subresources);
  }

  @Override
  public Bar apply(Bar obj, PatchOptions options) {
    return resource.apply(obj, options);
  }
}
