package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.Map;

/** Test model: a cluster-scoped custom resource without status. */
@GenClient(namespaced = false)
public class Bar implements KubernetesObject {
  private String apiVersion = "samplecontroller.k8s.io/v1alpha1";
  private String kind = "Bar";
  private ObjectMeta metadata = new ObjectMeta();
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
