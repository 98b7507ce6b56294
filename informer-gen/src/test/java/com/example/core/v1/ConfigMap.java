package com.example.core.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GroupVersion;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.Map;

/** Test model: the core group's ConfigMap, as a record. */
@GroupVersion(group = "", version = "v1")
@GenClient
public record ConfigMap(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data)
    implements KubernetesObject {

  /** A ConfigMap named {@code name} in {@code namespace} holding {@code data}. */
  public static ConfigMap of(String namespace, String name, Map<String, String> data) {
    return new ConfigMap("v1", "ConfigMap", ObjectMeta.builder().namespace(namespace).name(name).build(), data);
  }

  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
