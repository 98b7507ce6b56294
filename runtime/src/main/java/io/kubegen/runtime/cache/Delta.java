package io.kubegen.runtime.cache;

import java.util.Objects;

/**
 * One change to one object. {@code object} is the object ({@code T}) or, for some
 * {@link DeltaType#DELETED} deltas, a {@link DeletedFinalStateUnknown} tombstone.
 *
 * @param type what happened
 * @param object the object or the tombstone; shared, do not mutate
 * @param <T> the object type
 */
public record Delta<T>(DeltaType type, Object object) {
  public Delta {
    Objects.requireNonNull(type, "type");
  }

  /** Whether the object is a {@link DeletedFinalStateUnknown} tombstone. */
  public boolean isFinalStateUnknown() {
    return object instanceof DeletedFinalStateUnknown<?>;
  }

  /** The object, taken out of its tombstone if it has one (may then be null). */
  @SuppressWarnings("unchecked")
  public T unwrap() {
    if (object instanceof DeletedFinalStateUnknown<?> d) {
      return (T) d.obj();
    }
    return (T) object;
  }
}
