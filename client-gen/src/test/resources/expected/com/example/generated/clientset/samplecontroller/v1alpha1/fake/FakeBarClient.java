package com.example.generated.clientset.samplecontroller.v1alpha1.fake;

import com.example.generated.clientset.samplecontroller.v1alpha1.BarClient;
import com.example.samplecontroller.v1alpha1.Bar;
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
 * The fake {@link BarClient}, answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakeBarClient implements BarClient {
  /**
   * How the tracker serves {@link Bar}.
   */
  public static final ResourceType<Bar> TYPE = new ResourceType<>(BarClient.RESOURCE, "Bar", Bar.class, false, false);

  private final FakeResourceClient<Bar> resource;

  /**
   * A fake client delegating to {@code resource}.
   */
  public FakeBarClient(FakeResourceClient<Bar> resource) {
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
