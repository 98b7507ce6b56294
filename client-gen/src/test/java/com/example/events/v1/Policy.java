package com.example.events.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.Verb;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: only some verbs, a status the client never updates, and an irregular plural. */
@GenClient(onlyVerbs = {Verb.CREATE, Verb.GET, Verb.LIST, Verb.DELETE}, namespaced = false)
public class Policy implements KubernetesObject {
  private ObjectMeta metadata = new ObjectMeta();
  private Object status;

  @Override public String getApiVersion() { return "events.example.com/v1"; }
  @Override public String getKind() { return "Policy"; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Object getStatus() { return status; }
  public void setStatus(Object status) { this.status = status; }
}
