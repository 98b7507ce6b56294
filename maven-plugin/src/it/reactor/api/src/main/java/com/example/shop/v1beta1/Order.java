package com.example.shop.v1beta1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** A record resource type. */
@GenClient(noStatus = true)
public record Order(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements KubernetesObject {

  public record Spec(String item, int quantity) {}

  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
