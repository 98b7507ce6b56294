package io.kubegen.runtime.cache;

import java.util.Objects;

/**
 * A tombstone: the object under {@code key} was deleted while the watch was not looking (found
 * missing on a relist), so {@code obj} is its last known state, not necessarily its final one.
 * {@code obj} may be null when no state was known.
 *
 * @param key the object's key
 * @param obj the last known state, shared with the cache
 * @param <T> the object type
 */
public record DeletedFinalStateUnknown<T>(String key, T obj) {
  public DeletedFinalStateUnknown {
    Objects.requireNonNull(key, "key");
  }
}
