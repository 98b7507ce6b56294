package io.kubegen.sample.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenSchema;

/** What a {@link Foo} asks for: a Deployment name and its replica count. Not thread-safe. */
public class FooSpec {
  private String deploymentName;
  private Integer replicas;

  /** The name of the Deployment the controller creates and owns for this Foo. */
  public String getDeploymentName() { return deploymentName; }
  public void setDeploymentName(String deploymentName) { this.deploymentName = deploymentName; }
  /** The wanted replicas; null means one. */
  @GenSchema(minimum = 0)
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }

  @Override
  public String toString() {
    return "spec{deploymentName=" + deploymentName + ", replicas=" + replicas + "}";
  }
}
