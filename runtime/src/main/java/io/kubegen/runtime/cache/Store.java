package io.kubegen.runtime.cache;

import java.util.List;
import java.util.Optional;

/**
 * A keyed collection of objects, the shape client-go calls {@code Store}. Keys come from a
 * {@link KeyFunction}, normally {@code namespace/name} ({@code name} for cluster-scoped objects).
 *
 * <p>Objects returned by a store are <b>shared</b> with the cache and every other reader: never
 * mutate them; copy first with {@link Cache#copy}. Implementations are thread-safe.
 *
 * @param <T> the object type
 */
public interface Store<T> {

  /** Adds or replaces the object under its key. */
  void add(T obj);

  /** Replaces (or adds) the object under its key. */
  void update(T obj);

  /** Removes the object with the same key; a {@link DeletedFinalStateUnknown} removes its key. */
  void delete(Object obj);

  /** Every stored object (shared, do not mutate), in no particular order. */
  List<T> list();

  /** Every key, in no particular order. */
  List<String> listKeys();

  /** The stored object with the same key as {@code obj} (shared, do not mutate). */
  Optional<T> get(T obj);

  /** The stored object under {@code key} (shared, do not mutate). */
  Optional<T> getByKey(String key);

  /** Replaces the whole content with {@code objects}; {@code resourceVersion} is the list's version. */
  void replace(List<T> objects, String resourceVersion);

  /** Asks a queue-backed store to emit sync events; a plain store does nothing. */
  void resync();
}
