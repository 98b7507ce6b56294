package com.example.generated.clientset.core.v1;

import com.example.core.v1.ConfigMap;
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
 * Typed client of {@link ConfigMap}: resource {@code configmaps} in {@code v1}, namespaced.
 *
 * <p>Calls fail with {@code KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface ConfigMapClient {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("", "v1", "configmaps");

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  default ConfigMap create(ConfigMap obj) {
    return create(obj, CreateOptions.none());
  }

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  ConfigMap create(ConfigMap obj, CreateOptions options);

  /**
   * Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.
   */
  default ConfigMap update(ConfigMap obj) {
    return update(obj, UpdateOptions.none());
  }

  /**
   * Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.
   */
  ConfigMap update(ConfigMap obj, UpdateOptions options);

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
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  default ConfigMap get(String name) {
    return get(name, GetOptions.none());
  }

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  ConfigMap get(String name, GetOptions options);

  /**
   * Lists every object.
   */
  default ObjectList<ConfigMap> list() {
    return list(ListOptions.none());
  }

  /**
   * Lists the objects {@code options} selects.
   */
  ObjectList<ConfigMap> list(ListOptions options);

  /**
   * Watches the objects {@code options} selects; close the watch to stop.
   */
  Watch<ConfigMap> watch(ListOptions options);

  /**
   * Patches the object {@code name}, or one of its subresources.
   */
  default ConfigMap patch(String name, PatchType patchType, String body, String... subresources) {
    return patch(name, patchType, body, PatchOptions.none(), subresources);
  }

  /**
   * Patches the object {@code name}, or one of its subresources.
   */
  ConfigMap patch(String name, PatchType patchType, String body, PatchOptions options,
      String... subresources);
}
