package io.kubegen.apiserver.e2e.chaos;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal core/v1 ConfigMap model for the chaos suite. */
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

  /** {@code namespace/name}. */
  String key() {
    return metadata.getNamespace() + "/" + metadata.getName();
  }

  /** The resourceVersion as a number (the embedded server's are decimal). */
  long resourceVersion() {
    return Long.parseLong(metadata.getResourceVersion());
  }

  /** {@code rv=value}: what the suite compares. */
  String state() {
    return metadata.getResourceVersion() + "=" + data.get("value");
  }
}
