package com.example.gizmos.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.annotations.GroupVersion;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** A resource whose spec is the record another processor generates. */
@GroupVersion(group = "gizmos.example.com", version = "v1")
@GenClient(noStatus = true)
@GenIndex(name = "byOwner", path = "spec.owner")
public record Gizmo(String apiVersion, String kind, ObjectMeta metadata, GizmoSpec spec) implements KubernetesObject {
  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  @Override
  public ObjectMeta getMetadata() {
    return metadata;
  }
}
