package io.kubegen.sample.apps.v1;

/** The observed state of a {@link Deployment}. Not thread-safe. */
public class DeploymentStatus {
  private Long observedGeneration;
  private Integer replicas;
  private Integer readyReplicas;
  private Integer availableReplicas;
  private Integer updatedReplicas;

  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public Integer getReadyReplicas() { return readyReplicas; }
  public void setReadyReplicas(Integer readyReplicas) { this.readyReplicas = readyReplicas; }
  /** Pods ready for at least minReadySeconds; null when none were reported. */
  public Integer getAvailableReplicas() { return availableReplicas; }
  public void setAvailableReplicas(Integer availableReplicas) { this.availableReplicas = availableReplicas; }
  public Integer getUpdatedReplicas() { return updatedReplicas; }
  public void setUpdatedReplicas(Integer updatedReplicas) { this.updatedReplicas = updatedReplicas; }
}
