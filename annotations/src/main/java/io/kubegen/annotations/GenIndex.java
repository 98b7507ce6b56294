package io.kubegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named cache index on a resource type. informer-gen registers it on the type's shared
 * informer and lister-gen adds a typed lookup to the lister:
 * {@code @GenIndex(name = "byOwner", path = "spec.owner")} gives {@code List<Foo> byOwner(String)}.
 *
 * <p>The path is a dot-separated chain of bean properties (or record components) starting at the
 * type; a list-valued property indexes each element. The type must have the {@code LIST} and
 * {@code WATCH} verbs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(GenIndex.List.class)
public @interface GenIndex {

  /** The index name and the lister method name, a Java identifier such as {@code byOwner}. */
  String name();

  /** The property path whose value is the index key, such as {@code spec.owner} or {@code metadata.labels}. */
  String path();

  /** Container of repeated {@link GenIndex} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated indexes. */
    GenIndex[] value();
  }
}
