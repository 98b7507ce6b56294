package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.DeleteOptions;

/** The {@code delete} verb of a typed client. */
public interface Deletable {
  /** Deletes the object {@code name}; a missing one is a {@link KubeApiException} with 404. */
  void delete(String name, DeleteOptions options);

  /** Deletes the object {@code name}. */
  default void delete(String name) {
    delete(name, DeleteOptions.none());
  }
}
