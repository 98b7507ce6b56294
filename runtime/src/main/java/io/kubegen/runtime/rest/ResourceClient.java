package io.kubegen.runtime.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;

/**
 * The typed verbs of one resource in one namespace (or cluster-scoped, or across all namespaces
 * when the namespace is null), over a {@link RestClient}: the REST {@link ResourceOperations}, to which
 * generated typed clients delegate.
 * Writes return the object as the server stored it; failures are {@link KubeApiException}s.
 * A client built from a {@link ResourceType} also knows the kind: a written object whose
 * {@code apiVersion} or {@code kind} is null is sent with them filled in (the object itself is left
 * alone), since server-side apply is rejected without them.
 *
 * <p>Immutable and thread-safe. Null options mean "none".
 *
 * @param <T> the resource type
 */
public class ResourceClient<T extends KubernetesObject> implements ResourceOperations<T> {
  private final RestClient client;
  private final GroupVersionResource gvr;
  private final Class<T> type;
  private final String namespace;
  private final GroupVersionKind kind;

  /** A client of {@code gvr} decoded as {@code type} in {@code namespace} (null: cluster-scoped or all). */
  public ResourceClient(RestClient client, GroupVersionResource gvr, Class<T> type, String namespace) {
    this(client, gvr, null, type, namespace);
  }

  /**
   * A client of {@code resource} in {@code namespace} (null: cluster-scoped or all) that fills in a
   * written object's null {@code apiVersion} and {@code kind} from it.
   */
  public ResourceClient(RestClient client, ResourceType<T> resource, String namespace) {
    this(client, resource.resource(), resource.groupVersionKind(), resource.javaType(), namespace);
  }

  private ResourceClient(RestClient client, GroupVersionResource gvr, GroupVersionKind kind, Class<T> type,
      String namespace) {
    this.client = Objects.requireNonNull(client, "client");
    this.gvr = Objects.requireNonNull(gvr, "gvr");
    this.type = Objects.requireNonNull(type, "type");
    this.kind = kind;
    this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  /** The same resource in {@code ns}. */
  public ResourceClient<T> inNamespace(String ns) {
    return new ResourceClient<>(client, gvr, kind, type, ns);
  }

  /** The underlying REST client. */
  public RestClient restClient() { return client; }

  /** The resource this client serves. */
  public GroupVersionResource resource() { return gvr; }

  /** The namespace, or null. */
  public String namespace() { return namespace; }

  /** The Java type objects are decoded as. */
  public Class<T> type() { return type; }

  /** Creates {@code obj} (in this client's namespace, else the object's). */
  @Override
  public T create(T obj, CreateOptions o) {
    Objects.requireNonNull(obj, "obj");
    return request(client.post(), namespaceOf(obj)).options(o).body(withTypeMeta(obj)).execute(type);
  }

  /** Replaces the object named in {@code obj}'s metadata. */
  @Override
  public T update(T obj, UpdateOptions o) {
    return client.put().resource(gvr).namespace(namespaceOf(obj)).name(ResourceOperations.nameOf(obj)).options(o).body(withTypeMeta(obj)).execute(type);
  }

  /** Replaces the status of the object named in {@code obj}'s metadata. */
  @Override
  public T updateStatus(T obj, UpdateOptions o) {
    return client.put().resource(gvr).namespace(namespaceOf(obj)).name(ResourceOperations.nameOf(obj)).subresource("status")
        .options(o).body(withTypeMeta(obj)).execute(type);
  }

  /** Deletes {@code name}; the options travel as the body, as the API server expects. */
  @Override
  public void delete(String name, DeleteOptions o) {
    client.delete().resource(gvr).namespace(namespace).name(name).body(o == null ? DeleteOptions.none() : o).execute();
  }

  /** Deletes every object {@code lo} selects. */
  @Override
  public void deleteCollection(DeleteOptions o, ListOptions lo) {
    request(client.delete(), namespace).options(lo).body(o == null ? DeleteOptions.none() : o).execute();
  }

  /** The object {@code name}; a missing one is a {@link KubeApiException} with {@code isNotFound()}. */
  @Override
  public T get(String name, GetOptions o) {
    return client.get().resource(gvr).namespace(namespace).name(name).options(o).execute(type);
  }

  /** The objects {@code o} selects. */
  @Override
  public ObjectList<T> list(ListOptions o) {
    return request(client.get(), namespace).options(o).executeList(type);
  }

  /** A watch of the objects {@code o} selects. */
  @Override
  public Watch<T> watch(ListOptions o) {
    return request(client.get(), namespace).options(o).watch(type);
  }

  /** Patches {@code name} (or its {@code subresources}, joined by '/') with {@code body} of {@code patchType}. */
  @Override
  public T patch(String name, PatchType patchType, String body, PatchOptions o, String... subresources) {
    Objects.requireNonNull(body, "body");
    Request r = client.patch(patchType).resource(gvr).namespace(namespace).name(name).options(o).body(body);
    if (subresources != null && subresources.length > 0) {
      if (subresources.length > 1) {
        throw new IllegalArgumentException("only one level of subresource is supported: " + String.join("/", subresources));
      }
      r.subresource(subresources[0]);
    }
    return r.execute(type);
  }

  /** Server-side apply of {@code obj}; {@code o} must name a field manager. */
  @Override
  public T apply(T obj, PatchOptions o) {
    return applyTo(obj, o, null);
  }

  /** Server-side apply of {@code obj}'s status; {@code o} must name a field manager. */
  @Override
  public T applyStatus(T obj, PatchOptions o) {
    return applyTo(obj, o, "status");
  }

  private T applyTo(T obj, PatchOptions o, String subresource) {
    if (o == null || o.fieldManager() == null || o.fieldManager().isEmpty()) {
      throw new IllegalArgumentException("server-side apply needs PatchOptions with a fieldManager");
    }
    Request r = client.patch(PatchType.APPLY).resource(gvr).namespace(namespaceOf(obj)).name(ResourceOperations.nameOf(obj))
        .options(o).body(withTypeMeta(obj));
    if (subresource != null) {
      r.subresource(subresource);
    }
    return r.execute(type);
  }

  /** GET of the subresource {@code subresource} of {@code name}, decoded as {@code resultType}. */
  @Override
  public <R> R getSubresource(String name, String subresource, Class<R> resultType, GetOptions o) {
    return client.get().resource(gvr).namespace(namespace).name(name).subresource(subresource).options(o)
        .execute(resultType);
  }

  /** PUT of {@code body} to the subresource {@code subresource} of {@code name}. */
  @Override
  public <R> R updateSubresource(String name, String subresource, Object body, Class<R> resultType, UpdateOptions o) {
    return client.put().resource(gvr).namespace(namespace).name(name).subresource(subresource).options(o)
        .body(body).execute(resultType);
  }

  /** POST of {@code body} to the subresource {@code subresource} of {@code name} (such as {@code eviction}). */
  @Override
  public <R> R createSubresource(String name, String subresource, Object body, Class<R> resultType, CreateOptions o) {
    return client.post().resource(gvr).namespace(namespace).name(name).subresource(subresource).options(o)
        .body(body).execute(resultType);
  }

  /** DELETE of the subresource {@code subresource} of {@code name}; the options travel as query parameters. */
  @Override
  public void deleteSubresource(String name, String subresource, DeleteOptions o) {
    client.delete().resource(gvr).namespace(namespace).name(name).subresource(subresource).options(o).execute();
  }

  /**
   * The body of a write of {@code obj}: the object itself, or, when it leaves {@code apiVersion} or
   * {@code kind} null and this client knows the kind, its JSON with them filled in.
   */
  private Object withTypeMeta(T obj) {
    if (kind == null || obj == null || (obj.getApiVersion() != null && obj.getKind() != null)) {
      return obj;
    }
    ObjectNode fields = Json.mapper().valueToTree(obj);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("apiVersion", obj.getApiVersion() != null ? obj.getApiVersion() : kind.apiVersion());
    body.put("kind", obj.getKind() != null ? obj.getKind() : kind.kind());
    fields.properties().forEach(field -> body.putIfAbsent(field.getKey(), field.getValue()));
    return body;
  }

  private Request request(Request r, String ns) {
    return r.resource(gvr).namespace(ns);
  }

  private String namespaceOf(T obj) {
    return ResourceOperations.namespaceOf(obj, namespace);
  }

  @Override
  public String toString() {
    return "ResourceClient{" + gvr + (namespace == null ? "" : ", namespace=" + namespace) + "}";
  }
}
