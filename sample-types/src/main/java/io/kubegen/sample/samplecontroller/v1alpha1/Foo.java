package io.kubegen.sample.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenIndex;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/**
 * A Foo asks for a Deployment named {@code spec.deploymentName} with {@code spec.replicas}
 * replicas; the controller creates it, owns it, and reports its available replicas in
 * {@code status.availableReplicas}. The Java form of sample-controller's {@code Foo}.
 *
 * <p>A mutable bean, not thread-safe. Foos handed out by an informer's cache are shared: copy
 * them (for example with {@code Json.deepCopy}) before changing them.
 */
@GenClient
@GenIndex(name = "byDeploymentName", path = "spec.deploymentName")
public class Foo implements KubernetesObject {
  /** The API version of every Foo. */
  public static final String API_VERSION = "samplecontroller.k8s.io/v1alpha1";
  /** The kind of every Foo. */
  public static final String KIND = "Foo";

  private String apiVersion = API_VERSION;
  private String kind = KIND;
  private ObjectMeta metadata = new ObjectMeta();
  private FooSpec spec = new FooSpec();
  private FooStatus status;

  /** An empty Foo with apiVersion and kind set. */
  public Foo() {}

  /** A Foo named {@code name} in {@code namespace} asking for {@code replicas} of deployment {@code deploymentName}. */
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
  /** What the Foo asks for. */
  public FooSpec getSpec() { return spec; }
  public void setSpec(FooSpec spec) { this.spec = spec; }
  /** The status; null until the controller first reports one. */
  public FooStatus getStatus() { return status; }
  public void setStatus(FooStatus status) { this.status = status; }

  @Override
  public String toString() {
    return "Foo{" + (metadata == null ? "?" : metadata.getNamespace() + "/" + metadata.getName())
        + " " + spec + " " + status + "}";
  }
}
