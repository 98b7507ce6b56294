package io.kubegen.benchmarks.informer;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.Map;

/** A core/v1 ConfigMap as a plain kubegen model (what a user would annotate). */
public class BenchConfigMap implements KubernetesObject {
  private String apiVersion;
  private String kind;
  private ObjectMeta metadata;
  private Map<String, String> data;

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Map<String, String> getData() { return data; }
  public void setData(Map<String, String> data) { this.data = data; }
}
