package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.PatchOptions;

/**
 * The {@code apply} verb (server-side apply) of a typed client.
 *
 * @param <T> the resource type
 */
public interface Appliable<T> {
  /**
   * Applies {@code obj} server-side. {@code options} must name a field manager. A null
   * {@code apiVersion} or {@code kind} is filled in from the resource (the server needs both).
   */
  T apply(T obj, PatchOptions options);

  /** Applies {@code obj} server-side as {@code fieldManager}. */
  default T apply(T obj, String fieldManager) {
    return apply(obj, PatchOptions.builder().fieldManager(fieldManager).build());
  }
}
