package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
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
 * Typed client of {@link Bar}: resource {@code bars} in {@code samplecontroller.k8s.io/v1alpha1}, cluster-scoped.
 *
 * <p>Calls fail with {@code KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface BarClient {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "bars");

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  default Bar create(Bar obj) {
    return create(obj, CreateOptions.none());
  }

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  Bar create(Bar obj, CreateOptions options);

  /**
   * Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.
   */
  default Bar update(Bar obj) {
    return update(obj, UpdateOptions.none());
  }

  /**
   * Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.
   */
  Bar update(Bar obj, UpdateOptions options);

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
  default Bar get(String name) {
    return get(name, GetOptions.none());
  }

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  Bar get(String name, GetOptions options);

  /**
   * Lists every object.
   */
  default ObjectList<Bar> list() {
    return list(ListOptions.none());
  }

  /**
   * Lists the objects {@code options} selects.
   */
  ObjectList<Bar> list(ListOptions options);

  /**
   * Watches the objects {@code options} selects; close the watch to stop.
   */
  Watch<Bar> watch(ListOptions options);

  /**
   * Patches the object {@code name}, or one of its subresources.
   */
  default Bar patch(String name, PatchType patchType, String body, String... subresources) {
    return patch(name, patchType, body, PatchOptions.none(), subresources);
  }

  /**
   * Patches the object {@code name}, or one of its subresources.
   */
  Bar patch(String name, PatchType patchType, String body, PatchOptions options,
      String... subresources);

  /**
   * Applies {@code obj} server-side as {@code fieldManager}.
   */
  default Bar apply(Bar obj, String fieldManager) {
    return apply(obj, PatchOptions.builder().fieldManager(fieldManager).build());
  }

  /**
   * Applies {@code obj} server-side. {@code options} must name a field manager.
   */
  Bar apply(Bar obj, PatchOptions options);
}
