package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.annotations.Verb;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: a namespaced custom resource with status, a scale subresource and an index. */
@GenClient
@GenClient.Method(name = "getScale", verb = Verb.GET, subresource = "scale", result = Scale.class)
@GenClient.Method(name = "updateScale", verb = Verb.UPDATE, subresource = "scale", input = Scale.class, result = Scale.class)
@GenIndex(name = "byDeployment", path = "spec.deploymentName")
public class Foo implements KubernetesObject {
  private String apiVersion = "samplecontroller.k8s.io/v1alpha1";
  private String kind = "Foo";
  private ObjectMeta metadata = new ObjectMeta();
  private FooSpec spec = new FooSpec();
  private FooStatus status;

  public Foo() {}

  /** A Foo named {@code name} in {@code namespace} that wants {@code replicas}. */
  public static Foo of(String namespace, String name, String deploymentName, int replicas) {
    Foo foo = new Foo();
    foo.setMetadata(ObjectMeta.builder().namespace(namespace).name(name).build());
    foo.getSpec().setDeploymentName(deploymentName);
    foo.getSpec().setReplicas(replicas);
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

    public String getDeploymentName() { return deploymentName; }
    public void setDeploymentName(String deploymentName) { this.deploymentName = deploymentName; }
    public int getReplicas() { return replicas; }
    public void setReplicas(int replicas) { this.replicas = replicas; }
  }

  /** The observed state. */
  public static class FooStatus {
    private int availableReplicas;

    public FooStatus() {}
    public FooStatus(int availableReplicas) { this.availableReplicas = availableReplicas; }
    public int getAvailableReplicas() { return availableReplicas; }
    public void setAvailableReplicas(int availableReplicas) { this.availableReplicas = availableReplicas; }
  }
}
