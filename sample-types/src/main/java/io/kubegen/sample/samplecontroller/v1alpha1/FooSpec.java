package io.kubegen.sample.samplecontroller.v1alpha1;

/** What a {@link Foo} asks for: a Deployment name and its replica count. Not thread-safe. */
public class FooSpec {
  private String deploymentName;
  private Integer replicas;

  public String getDeploymentName() { return deploymentName; }
  public void setDeploymentName(String deploymentName) { this.deploymentName = deploymentName; }
  /** The wanted replicas; null means one. */
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }

  @Override
  public String toString() {
    return "spec{deploymentName=" + deploymentName + ", replicas=" + replicas + "}";
  }
}
