package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: a cluster-scoped custom resource, as a record. */
@GenClient(namespaced = false)
public record Bar(String apiVersion, String kind, ObjectMeta metadata, String zone) implements KubernetesObject {

  /** A Bar named {@code name} in {@code zone}. */
  public static Bar of(String name, String zone) {
    return new Bar("samplecontroller.k8s.io/v1alpha1", "Bar", ObjectMeta.builder().name(name).build(), zone);
  }

  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
