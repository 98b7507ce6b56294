package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/**
 * A {@code coordination.k8s.io/v1} Lease, the object a {@link LeaseLock} keeps its
 * {@link LeaderElectionRecord} in. A mutable bean, not thread-safe.
 */
public final class Lease implements KubernetesObject {
  /** {@code coordination.k8s.io/v1}. */
  public static final String API_VERSION = "coordination.k8s.io/v1";
  /** {@code Lease}. */
  public static final String KIND = "Lease";
  /** The leases resource. */
  public static final GroupVersionResource RESOURCE = new GroupVersionResource("coordination.k8s.io", "v1", "leases");

  private String apiVersion = API_VERSION;
  private String kind = KIND;
  private ObjectMeta metadata = new ObjectMeta();
  private LeaseSpec spec = new LeaseSpec();

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }

  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }

  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }

  /** The spec; never null after construction or JSON reading of a lease with a spec. */
  public LeaseSpec getSpec() { return spec; }
  public void setSpec(LeaseSpec spec) { this.spec = spec; }

  @Override
  public String toString() {
    return "Lease{" + (metadata == null ? "?" : metadata.getNamespace() + "/" + metadata.getName()
        + "@" + metadata.getResourceVersion()) + ", " + spec + "}";
  }
}
