package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.List;

/** Test model: a namespaced custom resource with status and two indexes. */
@GenClient
@GenIndex(name = "byDeployment", path = "spec.deploymentName")
@GenIndex(name = "byTag", path = "spec.tags")
public class Foo implements KubernetesObject {
  private String apiVersion = "samplecontroller.k8s.io/v1alpha1";
  private String kind = "Foo";
  private ObjectMeta metadata = new ObjectMeta();
  private FooSpec spec = new FooSpec();
  private FooStatus status;

  /** A Foo named {@code name} in {@code namespace} for {@code deploymentName}, tagged {@code tags}. */
  public static Foo of(String namespace, String name, String deploymentName, String... tags) {
    Foo foo = new Foo();
    foo.setMetadata(ObjectMeta.builder().namespace(namespace).name(name).build());
    foo.getSpec().setDeploymentName(deploymentName);
    foo.getSpec().setTags(List.of(tags));
    return foo;
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public FooSpec getSpec() { return spec; }
  public void setSpec(FooSpec spec) { this.spec = spec; }
  public FooStatus getStatus() { return status; }
  public void setStatus(FooStatus status) { this.status = status; }

  /** The desired state. */
  public static class FooSpec {
    private String deploymentName;
    private int replicas;
    private List<String> tags;

    public String getDeploymentName() { return deploymentName; }
    public void setDeploymentName(String deploymentName) { this.deploymentName = deploymentName; }
    public int getReplicas() { return replicas; }
    public void setReplicas(int replicas) { this.replicas = replicas; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
  }

  /** The observed state. */
  public static class FooStatus {
    private int availableReplicas;

    public int getAvailableReplicas() { return availableReplicas; }
    public void setAvailableReplicas(int availableReplicas) { this.availableReplicas = availableReplicas; }
  }
}
