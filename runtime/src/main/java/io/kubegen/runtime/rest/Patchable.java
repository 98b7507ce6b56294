package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;

/**
 * The {@code patch} verb of a typed client.
 *
 * @param <T> the resource type
 */
public interface Patchable<T> {
  /**
   * Patches the object {@code name}, or its subresource {@code subresources[0]}, with {@code body}
   * of {@code patchType}; returns the object as the server stored it.
   */
  T patch(String name, PatchType patchType, String body, PatchOptions options, String... subresources);

  /** Patches the object {@code name}, or one of its subresources. */
  default T patch(String name, PatchType patchType, String body, String... subresources) {
    return patch(name, patchType, body, PatchOptions.none(), subresources);
  }
}
