package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small ConfigMap model for tests. */
public class TestConfigMap implements KubernetesObject {
  private String apiVersion = "v1";
  private String kind = "ConfigMap";
  private ObjectMeta metadata = new ObjectMeta();
  private Map<String, String> data = new LinkedHashMap<>();

  public TestConfigMap() {}

  public static TestConfigMap of(String namespace, String name, Map<String, String> data) {
    TestConfigMap cm = new TestConfigMap();
    cm.setMetadata(ObjectMeta.builder().namespace(namespace).name(name).build());
    cm.setData(data);
    return cm;
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Map<String, String> getData() { return data; }
  public void setData(Map<String, String> data) { this.data = data; }
}
