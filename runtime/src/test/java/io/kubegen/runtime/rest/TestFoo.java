package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** A small custom resource model for tests: samplecontroller.k8s.io/v1alpha1 Foo. */
public class TestFoo implements KubernetesObject {
  private String apiVersion = "samplecontroller.k8s.io/v1alpha1";
  private String kind = "Foo";
  private ObjectMeta metadata = new ObjectMeta();
  private Spec spec = new Spec();
  private Status status;

  public TestFoo() {}

  public static TestFoo of(String namespace, String name, int replicas) {
    TestFoo foo = new TestFoo();
    foo.setMetadata(ObjectMeta.builder().namespace(namespace).name(name).build());
    foo.getSpec().setReplicas(replicas);
    foo.getSpec().setDeploymentName(name + "-deployment");
    return foo;
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Spec getSpec() { return spec; }
  public void setSpec(Spec spec) { this.spec = spec; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }

  /** The desired state. */
  public static class Spec {
    private String deploymentName;
    private Integer replicas;

    public String getDeploymentName() { return deploymentName; }
    public void setDeploymentName(String deploymentName) { this.deploymentName = deploymentName; }
    public Integer getReplicas() { return replicas; }
    public void setReplicas(Integer replicas) { this.replicas = replicas; }
  }

  /** The observed state. */
  public static class Status {
    private Integer availableReplicas;

    public Status() {}

    public Status(int availableReplicas) { this.availableReplicas = availableReplicas; }

    public Integer getAvailableReplicas() { return availableReplicas; }
    public void setAvailableReplicas(Integer availableReplicas) { this.availableReplicas = availableReplicas; }
  }
}
