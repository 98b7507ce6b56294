package com.example.events.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: a read-only resource. */
@GenClient(readonly = true)
public class Event implements KubernetesObject {
  private ObjectMeta metadata = new ObjectMeta();
  private String message;

  @Override public String getApiVersion() { return "events.example.com/v1"; }
  @Override public String getKind() { return "Event"; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}
