package io.kubegen.sample.apps.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/**
 * A subset of {@code apps/v1} Deployment: replicas, selector, pod template and the replica counts
 * of its status. A mutable bean, not thread-safe; copy cached instances before changing them.
 */
@GenClient
public class Deployment implements KubernetesObject {
  private String apiVersion = "apps/v1";
  private String kind = "Deployment";
  private ObjectMeta metadata = new ObjectMeta();
  private DeploymentSpec spec = new DeploymentSpec();
  private DeploymentStatus status;

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public DeploymentSpec getSpec() { return spec; }
  public void setSpec(DeploymentSpec spec) { this.spec = spec; }
  /** The status; null until the deployment controller reports one. */
  public DeploymentStatus getStatus() { return status; }
  public void setStatus(DeploymentStatus status) { this.status = status; }

  @Override
  public String toString() {
    return "Deployment{" + (metadata == null ? "?" : metadata.getNamespace() + "/" + metadata.getName())
        + " replicas=" + (spec == null ? null : spec.getReplicas())
        + " available=" + (status == null ? null : status.getAvailableReplicas()) + "}";
  }
}
