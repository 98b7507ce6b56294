package io.kubegen.runtime.resource;

import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;

/**
 * One object read from a manifest and mapped to its resource, as kubectl's {@code resource.Info}:
 * the object, its {@link RestMapping}, the namespace it goes to (null for cluster-scoped
 * resources), its name (null when it only has {@code generateName}) and where it was read.
 *
 * <p>The object is this info's own copy and may be changed before it is written; the info is not
 * thread-safe.
 */
public final class ResourceInfo {
  private final RestClient client;
  private final GenericObject object;
  private final RestMapping mapping;
  private final String namespace;
  private final ManifestSource source;

  ResourceInfo(RestClient client, GenericObject object, RestMapping mapping, String namespace, ManifestSource source) {
    this.client = Objects.requireNonNull(client, "client");
    this.object = Objects.requireNonNull(object, "object");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.namespace = namespace;
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The object as read, with the namespace filled in (namespaced) or removed (cluster-scoped). */
  public GenericObject object() { return object; }

  /** The resource that serves the object's kind. */
  public RestMapping mapping() { return mapping; }

  /** The namespace the object goes to; null for cluster-scoped resources. */
  public String namespace() { return namespace; }

  /** The object's {@code metadata.name}; null when it has only a {@code generateName}. */
  public String name() {
    String name = object.getMetadata().getName();
    return name == null || name.isEmpty() ? null : name;
  }

  /** Where the object was read. */
  public ManifestSource source() { return source; }

  /** The object converted through JSON into a model class, such as a generated {@code Foo}. */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return object.as(type);
  }

  /** A helper for this object's resource, over the client the builder was made with. */
  public ResourceHelper helper() {
    return ResourceHelper.create(client, mapping);
  }

  /** How kubectl names the object: {@code configmap/settings}, {@code deployment.apps/web}. */
  public String displayName() {
    String name = name();
    return mapping.displayName(name != null ? name : String.valueOf(object.getMetadata().getGenerateName()));
  }

  @Override
  public String toString() {
    return "ResourceInfo{" + displayName() + (namespace == null ? "" : " in " + namespace) + " from " + source + "}";
  }
}
