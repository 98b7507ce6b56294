package io.kubegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the CustomResourceDefinition of a {@link GenClient} type says beyond what the type itself
 * tells (group, version, kind, plural, scope, status): names, the storage version, the scale
 * subresource's paths and printer columns. Optional: without it the crd generator uses the
 * defaults below.
 *
 * <p>All versions of one group and kind in a compilation go into one CRD. When there is more than
 * one, exactly one must say {@link #storage()}; the names, short names and categories must agree
 * (set them on one version, or the same on all).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GenCrd {

  /** The singular name, lower case. Default: the kind in lower case. */
  String singular() default "";

  /** Short names for {@code kubectl}, such as {@code fo}. */
  String[] shortNames() default {};

  /** Categories the resource belongs to, such as {@code all}. */
  String[] categories() default {};

  /** Whether this version is the one objects are stored in (needed when there are several versions). */
  boolean storage() default false;

  /** Whether this version is served by the API (default true). */
  boolean served() default true;

  /** Whether this version is deprecated; {@link #deprecationWarning()} is then what clients are told. */
  boolean deprecated() default false;

  /** The warning for a deprecated version; empty for the API server's default text. */
  String deprecationWarning() default "";

  /**
   * The JSON path of the wanted replica count for the {@code scale} subresource, which the CRD gets
   * when the type declares a {@code @GenClient.Method} on subresource {@code scale}.
   */
  String specReplicasPath() default ".spec.replicas";

  /** The JSON path of the observed replica count for the {@code scale} subresource. */
  String statusReplicasPath() default ".status.replicas";

  /** The JSON path of the label selector (a string) for the {@code scale} subresource; empty for none. */
  String labelSelectorPath() default "";

  /** Extra columns for {@code kubectl get}. */
  PrinterColumn[] printerColumns() default {};

  /**
   * One additional printer column ({@code additionalPrinterColumns}).
   */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface PrinterColumn {
    /** The column header, such as {@code Replicas}. */
    String name();

    /** The simple JSON path of the value, such as {@code .spec.replicas}. */
    String jsonPath();

    /**
     * The OpenAPI type: {@code integer}, {@code number}, {@code string}, {@code boolean} or
     * {@code date}. Default: the schema type at {@link #jsonPath()}.
     */
    String type() default "";

    /** The OpenAPI format, such as {@code int32}; empty for none. */
    String format() default "";

    /** A description of the column. */
    String description() default "";

    /** 0 shows the column in the standard view, higher numbers only with {@code -o wide}. */
    int priority() default 0;
  }
}
