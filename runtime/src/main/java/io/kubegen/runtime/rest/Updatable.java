package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.UpdateOptions;

/**
 * The {@code update} verb of a typed client.
 *
 * @param <T> the resource type
 */
public interface Updatable<T> {
  /**
   * Replaces the object named in {@code obj}'s metadata; fails with 409 Conflict when its
   * resourceVersion is stale. Returns the object as the server stored it.
   */
  T update(T obj, UpdateOptions options);

  /** Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale. */
  default T update(T obj) {
    return update(obj, UpdateOptions.none());
  }
}
