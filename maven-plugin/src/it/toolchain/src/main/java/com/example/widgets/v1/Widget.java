package com.example.widgets.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

@GenClient
public class Widget implements KubernetesObject {
  private String apiVersion = "widgets.example.com/v1";
  private String kind = "Widget";
  private ObjectMeta metadata = new ObjectMeta();
  private Spec spec = new Spec();
  private Status status;

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Spec getSpec() { return spec; }
  public void setSpec(Spec spec) { this.spec = spec; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }

  public static class Spec {
    private String colour;
    public String getColour() { return colour; }
    public void setColour(String colour) { this.colour = colour; }
  }

  public static class Status {
    private boolean painted;
    public boolean isPainted() { return painted; }
    public void setPainted(boolean painted) { this.painted = painted; }
  }
}
