package io.kubegen.sample.samplecontroller.v1alpha1;

/** What the controller reports on a {@link Foo}. Not thread-safe. */
public class FooStatus {
  private int availableReplicas;

  /** A status with no available replicas. */
  public FooStatus() {}

  /** A status with {@code availableReplicas}. */
  public FooStatus(int availableReplicas) {
    this.availableReplicas = availableReplicas;
  }

  /** The owned Deployment's available replicas, as last seen. */
  public int getAvailableReplicas() { return availableReplicas; }
  public void setAvailableReplicas(int availableReplicas) { this.availableReplicas = availableReplicas; }

  @Override
  public String toString() {
    return "status{availableReplicas=" + availableReplicas + "}";
  }
}
