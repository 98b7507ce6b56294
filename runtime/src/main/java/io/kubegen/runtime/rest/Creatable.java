package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.CreateOptions;

/**
 * The {@code create} verb of a typed client. Generated typed clients extend it when their
 * resource allows the verb.
 *
 * @param <T> the resource type
 */
public interface Creatable<T> {
  /**
   * Creates {@code obj} (in the client's namespace, else the object's); returns the object as the
   * server stored it. A null {@code apiVersion} or {@code kind} is filled in from the resource.
   */
  T create(T obj, CreateOptions options);

  /** Creates {@code obj}; returns the object as the server stored it. */
  default T create(T obj) {
    return create(obj, CreateOptions.none());
  }
}
