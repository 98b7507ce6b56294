package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.ResourceType;
import java.util.Map;

/** A test resource with spec and status. */
public class Widget implements KubernetesObject {
  static final ResourceType<Widget> TYPE =
      new ResourceType<>(new GroupVersionResource("example.com", "v1", "widgets"), "Widget", Widget.class, true, true);

  private String apiVersion;
  private String kind;
  private ObjectMeta metadata = new ObjectMeta();
  private Map<String, Object> spec;
  private Map<String, Object> status;

  static Widget of(String namespace, String name, Map<String, String> labels, Map<String, Object> spec) {
    Widget w = new Widget();
    w.setMetadata(ObjectMeta.builder().namespace(namespace).name(name).labels(labels).build());
    w.setSpec(spec);
    return w;
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Map<String, Object> getSpec() { return spec; }
  public void setSpec(Map<String, Object> spec) { this.spec = spec; }
  public Map<String, Object> getStatus() { return status; }
  public void setStatus(Map<String, Object> status) { this.status = status; }

  String name() { return metadata.getName(); }
  String rv() { return metadata.getResourceVersion(); }
}
