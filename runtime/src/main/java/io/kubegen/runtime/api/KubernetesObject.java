package io.kubegen.runtime.api;

/**
 * What every Kubernetes resource type has: {@code apiVersion}, {@code kind} and
 * {@code metadata}. Model classes annotated with {@code @GenClient} implement it; records
 * implement it with explicit accessor methods.
 */
public interface KubernetesObject {

  /** The object's {@code apiVersion}, such as {@code v1} or {@code apps/v1}; may be null on a new object. */
  String getApiVersion();

  /** The object's {@code kind}, such as {@code ConfigMap}; may be null on a new object. */
  String getKind();

  /** The object's metadata; generated and runtime code treat a null value as an empty one. */
  ObjectMeta getMetadata();
}
