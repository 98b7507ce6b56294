package io.kubegen.apiserver.e2e.informer;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal core/v1 ConfigMap model for the informer tests. */
public class ConfigMap implements KubernetesObject {
  private String apiVersion = "v1";
  private String kind = "ConfigMap";
  private ObjectMeta metadata = new ObjectMeta();
  private Map<String, String> data = new LinkedHashMap<>();

  public ConfigMap() {}

  static ConfigMap of(String ns, String name, String value) {
    ConfigMap c = new ConfigMap();
    c.metadata = ObjectMeta.builder().name(name).namespace(ns).build();
    c.data.put("value", value);
    return c;
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Map<String, String> getData() { return data; }
  public void setData(Map<String, String> data) { this.data = data == null ? new LinkedHashMap<>() : data; }

  /** {@code name@rv=value}. */
  String state() {
    return metadata.getName() + "@" + metadata.getResourceVersion() + "=" + data.get("value");
  }
}
