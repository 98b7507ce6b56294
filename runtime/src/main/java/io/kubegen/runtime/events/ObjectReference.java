package io.kubegen.runtime.events;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.util.Objects;

/**
 * core/v1 {@code ObjectReference}: the object an {@link Event} is about. Mutable bean for JSON.
 */
public class ObjectReference {
  private String apiVersion;
  private String kind;
  private String namespace;
  private String name;
  private String uid;
  private String resourceVersion;
  private String fieldPath;

  public ObjectReference() {}

  /**
   * A reference to {@code obj}.
   *
   * @throws IllegalArgumentException if the object has no kind or no name
   */
  public static ObjectReference of(KubernetesObject obj) {
    Objects.requireNonNull(obj, "obj");
    ObjectMeta meta = obj.getMetadata();
    if (obj.getKind() == null || obj.getKind().isEmpty()) {
      throw new IllegalArgumentException("cannot reference an object without kind: " + obj.getClass().getName());
    }
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new IllegalArgumentException("cannot reference a " + obj.getKind() + " without metadata.name");
    }
    ObjectReference r = new ObjectReference();
    r.apiVersion = obj.getApiVersion();
    r.kind = obj.getKind();
    r.namespace = meta.getNamespace();
    r.name = meta.getName();
    r.uid = meta.getUid();
    r.resourceVersion = meta.getResourceVersion();
    return r;
  }

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getNamespace() { return namespace; }
  public void setNamespace(String namespace) { this.namespace = namespace; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getUid() { return uid; }
  public void setUid(String uid) { this.uid = uid; }
  public String getResourceVersion() { return resourceVersion; }
  public void setResourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; }
  public String getFieldPath() { return fieldPath; }
  public void setFieldPath(String fieldPath) { this.fieldPath = fieldPath; }

  /** kind, namespace, name, uid and apiVersion joined: identifies the object for aggregation. */
  String identity() {
    return String.join("\u0000", String.valueOf(kind), String.valueOf(namespace), String.valueOf(name),
        String.valueOf(uid), String.valueOf(apiVersion));
  }

  @Override
  public String toString() {
    return kind + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
