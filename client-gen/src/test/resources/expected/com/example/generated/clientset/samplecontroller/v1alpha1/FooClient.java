package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Scale;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.watch.Watch;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Foo}: resource {@code foos} in {@code samplecontroller.k8s.io/v1alpha1}, namespaced.
 *
 * <p>Calls fail with {@code KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface FooClient {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos");

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  default Foo create(Foo obj) {
    return create(obj, CreateOptions.none());
  }

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  Foo create(Foo obj, CreateOptions options);

  /**
   * Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.
   */
  default Foo update(Foo obj) {
    return update(obj, UpdateOptions.none());
  }

  /**
   * Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.
   */
  Foo update(Foo obj, UpdateOptions options);

  /**
   * Replaces the status of {@code obj} (the {@code status} subresource).
   */
  default Foo updateStatus(Foo obj) {
    return updateStatus(obj, UpdateOptions.none());
  }

  /**
   * Replaces the status of {@code obj} (the {@code status} subresource).
   */
  Foo updateStatus(Foo obj, UpdateOptions options);

  /**
   * Deletes the object {@code name}.
   */
  default void delete(String name) {
    delete(name, DeleteOptions.none());
  }

  /**
   * Deletes the object {@code name}.
   */
  void delete(String name, DeleteOptions options);

  /**
   * Deletes every object {@code listOptions} selects.
   */
  void deleteCollection(DeleteOptions options, ListOptions listOptions);

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  default Foo get(String name) {
    return get(name, GetOptions.none());
  }

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  Foo get(String name, GetOptions options);

  /**
   * Lists every object.
   */
  default ObjectList<Foo> list() {
    return list(ListOptions.none());
  }

  /**
   * Lists the objects {@code options} selects.
   */
  ObjectList<Foo> list(ListOptions options);

  /**
   * Watches the objects {@code options} selects; close the watch to stop.
   */
  Watch<Foo> watch(ListOptions options);

  /**
   * Patches the object {@code name}, or one of its subresources.
   */
  default Foo patch(String name, PatchType patchType, String body, String... subresources) {
    return patch(name, patchType, body, PatchOptions.none(), subresources);
  }

  /**
   * Patches the object {@code name}, or one of its subresources.
   */
  Foo patch(String name, PatchType patchType, String body, PatchOptions options,
      String... subresources);

  /**
   * Applies {@code obj} server-side as {@code fieldManager}.
   */
  default Foo apply(Foo obj, String fieldManager) {
    return apply(obj, PatchOptions.builder().fieldManager(fieldManager).build());
  }

  /**
   * Applies {@code obj} server-side. {@code options} must name a field manager.
   */
  Foo apply(Foo obj, PatchOptions options);

  /**
   * Applies the status of {@code obj} server-side.
   */
  default Foo applyStatus(Foo obj, String fieldManager) {
    return applyStatus(obj, PatchOptions.builder().fieldManager(fieldManager).build());
  }

  /**
   * Applies the status of {@code obj} server-side. {@code options} must name a field manager.
   */
  Foo applyStatus(Foo obj, PatchOptions options);

  /**
   * Reads the {@code scale} subresource of {@code name}.
   */
  default Scale getScale(String name) {
    return getScale(name, GetOptions.none());
  }

  /**
   * Reads the {@code scale} subresource of {@code name}.
   */
  Scale getScale(String name, GetOptions options);

  /**
   * Replaces the {@code scale} subresource of {@code name} with {@code body}.
   */
  default Scale updateScale(String name, Scale body) {
    return updateScale(name, body, UpdateOptions.none());
  }

  /**
   * Replaces the {@code scale} subresource of {@code name} with {@code body}.
   */
  Scale updateScale(String name, Scale body, UpdateOptions options);
}
