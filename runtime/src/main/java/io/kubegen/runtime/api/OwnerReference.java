package io.kubegen.runtime.api;

import java.util.Objects;

/** A reference from a dependent object to its owner ({@code metadata.ownerReferences[]}). */
public class OwnerReference {
  private String apiVersion;
  private String kind;
  private String name;
  private String uid;
  private Boolean controller;
  private Boolean blockOwnerDeletion;

  /** An empty reference, for JSON decoding and bean-style construction. */
  public OwnerReference() {}

  /** A reference with the four required fields. */
  public OwnerReference(String apiVersion, String kind, String name, String uid) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.name = name;
    this.uid = uid;
  }

  /** A controller reference to {@code owner} (controller and blockOwnerDeletion set), as client-go's {@code NewControllerRef}. */
  public static OwnerReference controllerOf(KubernetesObject owner) {
    OwnerReference ref = new OwnerReference(owner.getApiVersion(), owner.getKind(),
        owner.getMetadata().getName(), owner.getMetadata().getUid());
    ref.setController(true);
    ref.setBlockOwnerDeletion(true);
    return ref;
  }

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getUid() { return uid; }
  public void setUid(String uid) { this.uid = uid; }
  public Boolean getController() { return controller; }
  public void setController(Boolean controller) { this.controller = controller; }
  public Boolean getBlockOwnerDeletion() { return blockOwnerDeletion; }
  public void setBlockOwnerDeletion(Boolean blockOwnerDeletion) { this.blockOwnerDeletion = blockOwnerDeletion; }

  @Override
  public boolean equals(Object o) {
    return o instanceof OwnerReference r
        && Objects.equals(apiVersion, r.apiVersion) && Objects.equals(kind, r.kind)
        && Objects.equals(name, r.name) && Objects.equals(uid, r.uid)
        && Objects.equals(controller, r.controller)
        && Objects.equals(blockOwnerDeletion, r.blockOwnerDeletion);
  }

  @Override
  public int hashCode() { return Objects.hash(apiVersion, kind, name, uid, controller, blockOwnerDeletion); }

  @Override
  public String toString() {
    return "OwnerReference{" + apiVersion + " " + kind + " " + name + " uid=" + uid
        + (Boolean.TRUE.equals(controller) ? " controller" : "") + "}";
  }
}
