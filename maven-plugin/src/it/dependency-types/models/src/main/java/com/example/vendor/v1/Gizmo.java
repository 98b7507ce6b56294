package com.example.vendor.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

@GenClient
@GenIndex(name = "byMaker", path = "spec.maker")
public class Gizmo implements KubernetesObject {
  private String apiVersion;
  private String kind;
  private ObjectMeta metadata;
  private Spec spec;

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Spec getSpec() { return spec; }
  public void setSpec(Spec spec) { this.spec = spec; }

  public static class Spec {
    private String maker;
    public String getMaker() { return maker; }
    public void setMaker(String maker) { this.maker = maker; }
  }
}
