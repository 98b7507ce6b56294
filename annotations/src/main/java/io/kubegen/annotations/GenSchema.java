package io.kubegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Schema rules for one property of a CRD's OpenAPI schema that neither the Java type nor the
 * common annotations ({@code jakarta.validation.constraints}, Jackson's) can say. Put it on the
 * field, the getter or the record component. Unset attributes add nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface GenSchema {

  /** A description; default: the property's javadoc (or {@code @JsonPropertyDescription}). */
  String description() default "";

  /** The property must be present. */
  boolean required() default false;

  /** The property may be {@code null} ({@code nullable: true}). */
  boolean nullable() default false;

  /**
   * The value is an integer or a string, as Kubernetes' {@code IntOrString}
   * ({@code x-kubernetes-int-or-string}); for a {@code String}, {@code Object} or {@code JsonNode}
   * property.
   */
  boolean intOrString() default false;

  /** Keep fields the schema does not name ({@code x-kubernetes-preserve-unknown-fields}). */
  boolean preserveUnknownFields() default false;

  /** The OpenAPI format, such as {@code hostname}; empty for the type's own. */
  String format() default "";

  /** A regular expression a string value must match (ECMA 262). */
  String pattern() default "";

  /** The smallest allowed number; NaN for none. */
  double minimum() default Double.NaN;

  /** The largest allowed number; NaN for none. */
  double maximum() default Double.NaN;

  /** Whether {@link #minimum()} itself is excluded. */
  boolean exclusiveMinimum() default false;

  /** Whether {@link #maximum()} itself is excluded. */
  boolean exclusiveMaximum() default false;

  /** A number the value must be a multiple of; NaN for none. */
  double multipleOf() default Double.NaN;

  /** The shortest allowed string; -1 for no bound. */
  long minLength() default -1;

  /** The longest allowed string; -1 for no bound. */
  long maxLength() default -1;

  /** The fewest list items; -1 for no bound. */
  long minItems() default -1;

  /** The most list items; -1 for no bound. */
  long maxItems() default -1;

  /** The fewest map entries; -1 for no bound. */
  long minProperties() default -1;

  /** The most map entries; -1 for no bound. */
  long maxProperties() default -1;

  /**
   * How a list is merged by server-side apply ({@code x-kubernetes-list-type}): {@code atomic},
   * {@code set} or {@code map}; empty for the default.
   */
  String listType() default "";

  /** The keys of a {@code map} list ({@code x-kubernetes-list-map-keys}). */
  String[] listMapKeys() default {};
}
