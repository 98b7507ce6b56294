package io.kubegen.runtime.cache;

/**
 * Computes the key an object is stored under. {@link Cache#metaNamespaceKey} is the usual one.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface KeyFunction<T> {

  /**
   * The key of {@code obj}.
   *
   * @throws IllegalArgumentException if the object has no name
   */
  String key(T obj);
}
