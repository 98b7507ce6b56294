package com.example.generated.clientset.events.v1;

import com.example.events.v1.Policy;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Policy}: resource {@code policies} in {@code events.example.com/v1}, cluster-scoped.
 *
 * <p>Calls fail with {@code KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface PolicyClient {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("events.example.com", "v1", "policies");

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  default Policy create(Policy obj) {
    return create(obj, CreateOptions.none());
  }

  /**
   * Creates {@code obj}; returns the object as the server stored it.
   */
  Policy create(Policy obj, CreateOptions options);

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
  default Policy get(String name) {
    return get(name, GetOptions.none());
  }

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  Policy get(String name, GetOptions options);

  /**
   * Lists every object.
   */
  default ObjectList<Policy> list() {
    return list(ListOptions.none());
  }

  /**
   * Lists the objects {@code options} selects.
   */
  ObjectList<Policy> list(ListOptions options);
}
