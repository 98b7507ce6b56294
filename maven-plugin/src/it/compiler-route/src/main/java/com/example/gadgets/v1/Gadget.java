package com.example.gadgets.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import lombok.Data;

/** A resource whose accessors Lombok writes: getApiVersion(), getMetadata(), getSpec(), ... */
@Data
@GenClient
@GenIndex(name = "byOwner", path = "spec.owner")
public class Gadget implements KubernetesObject {
  private String apiVersion;
  private String kind;
  private ObjectMeta metadata = new ObjectMeta();
  private Spec spec = new Spec();
  private Status status;

  /** The desired state. */
  @Data
  public static class Spec {
    private String owner;
    private int size;
  }

  /** The observed state. */
  @Data
  public static class Status {
    private boolean ready;
  }
}
