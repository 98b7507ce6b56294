package io.kubegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a Kubernetes resource type and asks for a typed client for it,
 * after client-go's {@code // +genclient} tags.
 *
 * <p>For {@code @GenClient class Foo} in group {@code samplecontroller.k8s.io/v1alpha1}, client-gen
 * generates {@code FooClient} with the allowed verbs, an accessor {@code foos(namespace)} on
 * {@code SamplecontrollerV1alpha1Client}, and the same in {@code FakeClientset}; lister-gen and
 * informer-gen generate {@code FooLister} and {@code FooInformer} when the type can be listed and
 * watched. The type must implement {@code io.kubegen.runtime.api.KubernetesObject}.
 *
 * <p>Verb selection: by default every verb is generated ({@code UPDATE_STATUS} and
 * {@code APPLY_STATUS} only when the type has a {@code status} property and {@link #noStatus()}
 * is false). {@link #readonly()} keeps {@code GET}, {@code LIST} and {@code WATCH};
 * {@link #onlyVerbs()} keeps exactly the named verbs; {@link #skipVerbs()} removes some;
 * {@link #noVerbs()} generates no client methods. At most one of {@code readonly},
 * {@code noVerbs} and {@code onlyVerbs} may be set.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GenClient {

  /** The kind, as in the object's {@code kind} field. Default: the type's simple name. */
  String kind() default "";

  /**
   * The resource name in URLs, lower case. Default: the kind pluralised the way Kubernetes does
   * ({@code Policy} → {@code policies}, {@code Endpoints} → {@code endpoints}).
   */
  String plural() default "";

  /** Whether objects live in a namespace (default) or are cluster-scoped. */
  boolean namespaced() default true;

  /** Generate no status verbs even when the type has a {@code status} property. */
  boolean noStatus() default false;

  /** Generate only the read verbs {@code GET}, {@code LIST} and {@code WATCH}. */
  boolean readonly() default false;

  /** Generate no client methods at all (the type is still known to the clientset). */
  boolean noVerbs() default false;

  /** Generate exactly these verbs. Empty means "not set". */
  Verb[] onlyVerbs() default {};

  /** Generate every verb except these. */
  Verb[] skipVerbs() default {};

  /** Extra client methods on subresources, such as {@code getScale} / {@code updateScale}. */
  Method[] methods() default {};

  /**
   * An extra method on the typed client, after client-go's {@code +genclient:method=} tag.
   *
   * <p>{@code @GenClient.Method(name = "getScale", verb = Verb.GET, subresource = "scale",
   * result = Scale.class)} generates {@code Scale getScale(String name)} and
   * {@code Scale getScale(String name, GetOptions options)}. An {@code UPDATE} or {@code CREATE}
   * method takes {@code (String name, Input body)} and returns the result type. Allowed verbs are
   * {@code GET}, {@code CREATE}, {@code UPDATE}, {@code PATCH}, {@code LIST} and {@code DELETE}.
   */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @Repeatable(Methods.class)
  @interface Method {
    /** The Java method name, such as {@code getScale}. */
    String name();

    /** The HTTP verb of the call. */
    Verb verb();

    /** The subresource the call goes to, such as {@code scale}; empty for the object itself. */
    String subresource() default "";

    /** The body type for {@code CREATE}/{@code UPDATE}; {@code void.class} means the resource type. */
    Class<?> input() default void.class;

    /** The decoded result type; {@code void.class} means the resource type. */
    Class<?> result() default void.class;
  }

  /** Container of repeated {@link Method} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface Methods {
    /** The repeated methods. */
    Method[] value();
  }
}
