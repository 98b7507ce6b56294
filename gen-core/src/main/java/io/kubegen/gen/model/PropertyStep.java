package io.kubegen.gen.model;

import java.util.Objects;

/**
 * One step of a resolved {@code @GenIndex} path.
 *
 * <p>Generated code reads the step from the value of the previous step (the object for the first
 * step): {@link Shape#VALUE}, {@link Shape#COLLECTION} and {@link Shape#MAP} call
 * {@code value.<accessor>()}; {@link Shape#MAP_LOOKUP} calls {@code map.get("<name>")} on the map
 * the previous step produced. A null on the way yields no index key. A {@code COLLECTION} step
 * fans out: the following steps apply to each element (null elements skipped).
 *
 * @param name the path segment, such as {@code owner}
 * @param accessor the accessor method, such as {@code getOwner} or {@code owner}; null for
 *     {@link Shape#MAP_LOOKUP}
 * @param shape what the step yields
 * @param primitive whether the accessor returns a primitive (never null)
 */
public record PropertyStep(String name, String accessor, Shape shape, boolean primitive) {

  public PropertyStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    if ((accessor == null) != (shape == Shape.MAP_LOOKUP)) {
      throw new IllegalArgumentException("only a map lookup has no accessor");
    }
  }

  /** What a step yields. */
  public enum Shape {
    /** One value (a bean, record, string, number, enum, ...). */
    VALUE,
    /** A {@code java.util.Collection}: each element is indexed (or followed further). */
    COLLECTION,
    /**
     * A {@code java.util.Map}. As the last step each entry is an index key {@code key=value}
     * (so {@code metadata.labels} indexes {@code app=web}); otherwise the next step looks a key up.
     */
    MAP,
    /** {@code map.get(name)} on the map of the previous step. */
    MAP_LOOKUP
  }
}
