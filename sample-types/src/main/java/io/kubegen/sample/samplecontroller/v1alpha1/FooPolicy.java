package io.kubegen.sample.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenSchema;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/**
 * A cluster-wide cap on the replicas any Foo may ask for: the controller scales each Deployment
 * to at most the smallest {@code spec.maxReplicas} of all FooPolicies. Cluster-scoped, and a
 * record: immutable, so safe to share between threads.
 *
 * @param apiVersion {@code samplecontroller.k8s.io/v1alpha1}
 * @param kind {@code FooPolicy}
 * @param metadata the object metadata (no namespace)
 * @param spec the cap
 */
@GenClient(namespaced = false, plural = "foopolicies")
public record FooPolicy(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements KubernetesObject {

  /** A policy named {@code name} capping replicas at {@code maxReplicas}. */
  public static FooPolicy of(String name, int maxReplicas) {
    return new FooPolicy(Foo.API_VERSION, "FooPolicy", ObjectMeta.builder().name(name).build(),
        new Spec(maxReplicas));
  }

  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }

  /**
   * The policy's content.
   *
   * @param maxReplicas the most replicas a Foo's Deployment gets
   */
  public record Spec(@GenSchema(minimum = 0) int maxReplicas) {}
}
