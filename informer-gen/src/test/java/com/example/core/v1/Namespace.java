package com.example.core.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GroupVersion;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: the core group's cluster-scoped Namespace, as a record. */
@GroupVersion(group = "", version = "v1")
@GenClient(namespaced = false, noStatus = true)
public record Namespace(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {

  /** A Namespace named {@code name}. */
  public static Namespace of(String name) {
    return new Namespace("v1", "Namespace", ObjectMeta.builder().name(name).build());
  }

  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
