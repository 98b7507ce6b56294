package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.GetOptions;

/**
 * The {@code get} verb of a typed client.
 *
 * @param <T> the resource type
 */
public interface Gettable<T> {
  /** Reads the object {@code name}; a missing object is a {@link KubeApiException} with 404. */
  T get(String name, GetOptions options);

  /** Reads the object {@code name}; a missing object is a {@link KubeApiException} with 404. */
  default T get(String name) {
    return get(name, GetOptions.none());
  }
}
