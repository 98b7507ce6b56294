package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: a cluster-scoped resource as a record, with an index. */
@GenClient(namespaced = false)
@GenIndex(name = "byZone", path = "zone")
public record Bar(String apiVersion, String kind, ObjectMeta metadata, String zone) implements KubernetesObject {
  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
