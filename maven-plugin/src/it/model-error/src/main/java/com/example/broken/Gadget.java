package com.example.broken;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GroupVersion;

/** Does not implement KubernetesObject, so it cannot be a resource type. */
@GroupVersion(group = "gadgets.example.com", version = "v1")
@GenClient
public class Gadget {
  private String name;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
}
