package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.Map;
import java.util.Objects;

/** A small resource type for cache and informer tests. */
public class Thing implements KubernetesObject {
  private String apiVersion = "test.kubegen.io/v1";
  private String kind = "Thing";
  private ObjectMeta metadata = new ObjectMeta();
  private String value;

  public Thing() {}

  /** A thing {@code ns/name} at resourceVersion {@code rv} holding {@code value}. */
  public static Thing of(String ns, String name, String rv, String value) {
    Thing t = new Thing();
    t.metadata = ObjectMeta.builder().name(name).namespace(ns).resourceVersion(rv).build();
    t.value = value;
    return t;
  }

  /** The same with labels. */
  public static Thing of(String ns, String name, String rv, String value, Map<String, String> labels) {
    Thing t = of(ns, name, rv, value);
    t.metadata.setLabels(labels);
    return t;
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public String getValue() { return value; }
  public void setValue(String value) { this.value = value; }

  /** {@code ns/name@rv=value}, handy in assertions. */
  public String describe() {
    return Cache.metaNamespaceKey(this) + "@" + metadata.getResourceVersion() + "=" + value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thing t && Objects.equals(metadata.getName(), t.metadata.getName())
        && Objects.equals(metadata.getNamespace(), t.metadata.getNamespace())
        && Objects.equals(metadata.getResourceVersion(), t.metadata.getResourceVersion())
        && Objects.equals(value, t.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metadata.getName(), metadata.getNamespace(), metadata.getResourceVersion(), value);
  }

  @Override
  public String toString() {
    return "Thing{" + describe() + "}";
  }
}
