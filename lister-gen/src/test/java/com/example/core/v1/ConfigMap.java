package com.example.core.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GroupVersion;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.Map;

/** Test model: the core group's ConfigMap, as a record, without indexes. */
@GroupVersion(group = "", version = "v1")
@GenClient
public record ConfigMap(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data)
    implements KubernetesObject {
  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
