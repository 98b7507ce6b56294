package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.ResourceBackend;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;

/**
 * The fake {@link ResourceOperations}, counterpart of {@code io.kubegen.runtime.rest.ResourceClient}:
 * each call becomes an {@link Action} that the {@link ObjectTracker} records, offers to its
 * reactors and answers. The fake clientset's typed clients delegate to it. Failures are the same
 * {@code KubeApiException}s a server would cause. Immutable and thread-safe.
 *
 * @param <T> the resource type
 */
public final class FakeResourceClient<T extends KubernetesObject> implements ResourceOperations<T> {
  private final ObjectTracker tracker;
  private final ResourceType<T> type;
  private final String namespace;

  /** A client of {@code type} in {@code namespace} (null: cluster-scoped, or all namespaces). */
  public FakeResourceClient(ObjectTracker tracker, ResourceType<T> type, String namespace) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.type = Objects.requireNonNull(type, "type");
    this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    tracker.register(type);
  }

  /**
   * The backend of a fake clientset: every call of its typed clients goes to a
   * {@code FakeResourceClient} over {@code tracker}, which serves each resource type it is asked for.
   */
  public static ResourceBackend backend(ObjectTracker tracker) {
    Objects.requireNonNull(tracker, "tracker");
    return new ResourceBackend() {
      @Override
      public <R extends KubernetesObject> ResourceOperations<R> operations(ResourceType<R> type, String namespace) {
        return new FakeResourceClient<>(tracker, type, namespace);
      }

      @Override
      public String toString() {
        return "FakeResourceClient.backend(ObjectTracker@" + Integer.toHexString(System.identityHashCode(tracker)) + ")";
      }
    };
  }

  /** The resource type served. */
  public ResourceType<T> type() {
    return type;
  }

  /** The namespace, or null. */
  public String namespace() {
    return namespace;
  }

  /** Creates {@code obj} (in this client's namespace, else the object's). */
  @Override
  public T create(T obj, CreateOptions o) {
    Objects.requireNonNull(obj, "obj");
    return typed(call(Action.CREATE, namespaceOf(obj), null, null, obj, null, null, null));
  }

  /** Replaces {@code obj}; fails with 409 when its resourceVersion is stale. */
  @Override
  public T update(T obj, UpdateOptions o) {
    return typed(call(Action.UPDATE, namespaceOf(obj), ResourceOperations.nameOf(obj), null, obj, null, null, null));
  }

  /** Replaces the status of {@code obj}. */
  @Override
  public T updateStatus(T obj, UpdateOptions o) {
    return typed(call(Action.UPDATE, namespaceOf(obj), ResourceOperations.nameOf(obj), "status", obj, null, null, null));
  }

  /** Deletes {@code name}. */
  @Override
  public void delete(String name, DeleteOptions o) {
    call(Action.DELETE, namespace, requireName(name), null, o == null ? DeleteOptions.none() : o, null, null, null);
  }

  /** Deletes what {@code lo} selects. */
  @Override
  public void deleteCollection(DeleteOptions o, ListOptions lo) {
    call(Action.DELETE_COLLECTION, namespace, null, null, o, listOptions(lo), null, null);
  }

  /** Reads {@code name}; 404 when missing. */
  @Override
  public T get(String name, GetOptions o) {
    return typed(call(Action.GET, namespace, requireName(name), null, null, null, null, null));
  }

  /** Lists what {@code o} selects. */
  @SuppressWarnings("unchecked")
  @Override
  public ObjectList<T> list(ListOptions o) {
    return (ObjectList<T>) call(Action.LIST, namespace, null, null, null, listOptions(o), null, null);
  }

  /** Watches what {@code o} selects. */
  @SuppressWarnings("unchecked")
  @Override
  public Watch<T> watch(ListOptions o) {
    return (Watch<T>) call(Action.WATCH, namespace, null, null, null, listOptions(o), null, null);
  }

  /** Patches {@code name} (or its subresource {@code subresources[0]}). */
  @Override
  public T patch(String name, PatchType patchType, String body, PatchOptions o, String... subresources) {
    Objects.requireNonNull(patchType, "patchType");
    Objects.requireNonNull(body, "body");
    String sub = subresources == null || subresources.length == 0 ? null : String.join("/", subresources);
    return typed(call(Action.PATCH, namespace, requireName(name), sub, null, null, patchType, body));
  }

  /** Server-side apply of {@code obj} (merge semantics in the fake); needs a field manager. */
  @Override
  public T apply(T obj, PatchOptions o) {
    return applyTo(obj, o, null);
  }

  /** Server-side apply of the status of {@code obj}. */
  @Override
  public T applyStatus(T obj, PatchOptions o) {
    return applyTo(obj, o, "status");
  }

  /** GET of a subresource; the tracker serves {@code status}, reactors anything else. */
  @Override
  public <R> R getSubresource(String name, String subresource, Class<R> resultType, GetOptions o) {
    return convert(call(Action.GET, namespace, requireName(name), subresource, null, null, null, null), resultType);
  }

  /** PUT to a subresource; the tracker serves {@code status}, reactors anything else. */
  @Override
  public <R> R updateSubresource(String name, String subresource, Object body, Class<R> resultType, UpdateOptions o) {
    return convert(call(Action.UPDATE, namespace, requireName(name), subresource, body, null, null, null), resultType);
  }

  /** POST to a subresource (such as {@code eviction}); answered by reactors. */
  @Override
  public <R> R createSubresource(String name, String subresource, Object body, Class<R> resultType, CreateOptions o) {
    return convert(call(Action.CREATE, namespace, requireName(name), subresource, body, null, null, null), resultType);
  }

  /** DELETE of a subresource; answered by reactors. */
  @Override
  public void deleteSubresource(String name, String subresource, DeleteOptions o) {
    call(Action.DELETE, namespace, requireName(name), subresource, o == null ? DeleteOptions.none() : o, null, null, null);
  }

  private T applyTo(T obj, PatchOptions o, String subresource) {
    if (o == null || o.fieldManager() == null || o.fieldManager().isEmpty()) {
      throw new IllegalArgumentException("server-side apply needs PatchOptions with a fieldManager");
    }
    return typed(call(Action.PATCH, namespaceOf(obj), ResourceOperations.nameOf(obj), subresource, null, null, PatchType.APPLY,
        Json.write(obj)));
  }

  private Object call(String verb, String ns, String name, String subresource, Object object, ListOptions lo,
      PatchType patchType, String patch) {
    return tracker.invoke(new Action(verb, type.resource(), type.namespaced() ? ns : null, name, subresource,
        object, lo, patchType, patch));
  }

  private T typed(Object result) {
    return result == null ? null : convert(result, type.javaType());
  }

  private static <R> R convert(Object result, Class<R> resultType) {
    if (result == null || resultType.isInstance(result)) {
      return resultType.cast(result);
    }
    return Json.mapper().convertValue(result, resultType);
  }

  private static ListOptions listOptions(ListOptions o) {
    return o == null ? ListOptions.none() : o;
  }

  private String namespaceOf(T obj) {
    return ResourceOperations.namespaceOf(obj, namespace);
  }

  private static String requireName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a name is required");
    }
    return name;
  }

  @Override
  public String toString() {
    return "FakeResourceClient{" + type.resource() + (namespace == null ? "" : ", namespace=" + namespace) + "}";
  }
}
