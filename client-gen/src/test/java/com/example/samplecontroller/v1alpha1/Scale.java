package com.example.samplecontroller.v1alpha1;

/** Test model: the body of the scale subresource. */
public class Scale {
  private int replicas;

  public int getReplicas() { return replicas; }
  public void setReplicas(int replicas) { this.replicas = replicas; }
}
