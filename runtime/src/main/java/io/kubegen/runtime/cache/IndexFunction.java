package io.kubegen.runtime.cache;

import java.util.List;

/**
 * Computes the values under which an object is indexed (client-go's {@code IndexFunc}). Must be
 * pure and fast: it runs under the store's write lock.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface IndexFunction<T> {

  /** The index values of {@code obj}; empty if it is not indexed. */
  List<String> values(T obj);
}
