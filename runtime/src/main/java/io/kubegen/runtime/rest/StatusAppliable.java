package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.PatchOptions;

/**
 * The {@code applyStatus} verb (server-side apply of the {@code status} subresource) of a typed
 * client: only resources with a {@code status} subresource have it.
 *
 * @param <T> the resource type
 */
public interface StatusAppliable<T> {
  /** Applies the status of {@code obj} server-side. {@code options} must name a field manager. */
  T applyStatus(T obj, PatchOptions options);

  /** Applies the status of {@code obj} server-side as {@code fieldManager}. */
  default T applyStatus(T obj, String fieldManager) {
    return applyStatus(obj, PatchOptions.builder().fieldManager(fieldManager).build());
  }
}
