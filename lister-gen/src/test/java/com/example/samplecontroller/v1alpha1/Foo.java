package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.List;

/** Test model: a namespaced resource with indexes over every kind of path. */
@GenClient
@GenIndex(name = "byDeployment", path = "spec.deploymentName")
@GenIndex(name = "byReplicas", path = "spec.replicas")
@GenIndex(name = "byTag", path = "spec.tags")
@GenIndex(name = "byOwnerName", path = "spec.owners.name")
@GenIndex(name = "byApp", path = "metadata.labels.app")
@GenIndex(name = "byLabel", path = "metadata.labels")
@GenIndex(name = "byMode", path = "spec.mode")
public class Foo implements KubernetesObject {
  private String apiVersion = "samplecontroller.k8s.io/v1alpha1";
  private String kind = "Foo";
  private ObjectMeta metadata = new ObjectMeta();
  private FooSpec spec = new FooSpec();

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public FooSpec getSpec() { return spec; }
  public void setSpec(FooSpec spec) { this.spec = spec; }

  /** How a Foo runs. */
  public enum Mode { FAST, SAFE }

  /** The desired state. */
  public static class FooSpec {
    private String deploymentName;
    private int replicas;
    private List<String> tags;
    private List<Owner> owners;
    private Mode mode;

    public String getDeploymentName() { return deploymentName; }
    public void setDeploymentName(String deploymentName) { this.deploymentName = deploymentName; }
    public int getReplicas() { return replicas; }
    public void setReplicas(int replicas) { this.replicas = replicas; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public List<Owner> getOwners() { return owners; }
    public void setOwners(List<Owner> owners) { this.owners = owners; }
    public Mode getMode() { return mode; }
    public void setMode(Mode mode) { this.mode = mode; }
  }

  /** An owner, as a record. */
  public record Owner(String name) {}
}
