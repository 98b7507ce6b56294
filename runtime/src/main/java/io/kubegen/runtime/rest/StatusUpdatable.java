package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.UpdateOptions;

/**
 * The {@code updateStatus} verb of a typed client: only resources with a {@code status}
 * subresource have it.
 *
 * @param <T> the resource type
 */
public interface StatusUpdatable<T> {
  /**
   * Replaces the status of {@code obj} (the {@code status} subresource); returns the object as the
   * server stored it.
   */
  T updateStatus(T obj, UpdateOptions options);

  /** Replaces the status of {@code obj} (the {@code status} subresource). */
  default T updateStatus(T obj) {
    return updateStatus(obj, UpdateOptions.none());
  }
}
