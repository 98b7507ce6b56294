package com.example.widgets.v1;

/** The scale subresource's body (a subset of autoscaling/v1 Scale). */
public class Scale {
  private int replicas;

  public int getReplicas() { return replicas; }
  public void setReplicas(int replicas) { this.replicas = replicas; }
}
