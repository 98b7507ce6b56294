package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Scale;
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
 * {@link FooClient} over {@link ResourceOperations}: a {@code ResourceClient} in the REST
 * clientset, a {@code FakeResourceClient} in the fake one. Thread-safe as its delegate is.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class FooClientImpl implements FooClient {
  private final ResourceOperations<Foo> resource;

  /**
   * A client delegating every call to {@code resource}.
   */
  public FooClientImpl(ResourceOperations<Foo> resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  @Override
  public Foo create(Foo obj, CreateOptions options) {
    return resource.create(obj, options);
  }

  @Override
  public Foo update(Foo obj, UpdateOptions options) {
    return resource.update(obj, options);
  }

  @Override
  public Foo updateStatus(Foo obj, UpdateOptions options) {
    return resource.updateStatus(obj, options);
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
  public Foo get(String name, GetOptions options) {
    return resource.get(name, options);
  }

  @Override
  public ObjectList<Foo> list(ListOptions options) {
    return resource.list(options);
  }

  @Override
  public Watch<Foo> watch(ListOptions options) {
    return resource.watch(options);
  }

  @Override
  public Foo patch(String name, PatchType patchType, String body, PatchOptions options,
      String... subresources) {
    return resource.patch(name, patchType, body, options, subresources);
  }

  @Override
  public Foo apply(Foo obj, PatchOptions options) {
    return resource.apply(obj, options);
  }

  @Override
  public Foo applyStatus(Foo obj, PatchOptions options) {
    return resource.applyStatus(obj, options);
  }

  @Override
  public Scale getScale(String name, GetOptions options) {
    return resource.getSubresource(name, "scale", Scale.class, options);
  }

  @Override
  public Scale updateScale(String name, Scale body, UpdateOptions options) {
    return resource.updateSubresource(name, "scale", body, Scale.class, options);
  }
}
