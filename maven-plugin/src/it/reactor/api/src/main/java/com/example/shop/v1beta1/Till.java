package com.example.shop.v1beta1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** A cluster-scoped, read-only type. */
@GenClient(namespaced = false, readonly = true)
public class Till implements KubernetesObject {
  private String apiVersion;
  private String kind;
  private ObjectMeta metadata;

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
}
