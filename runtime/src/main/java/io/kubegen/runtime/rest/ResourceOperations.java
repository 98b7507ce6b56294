package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;

/**
 * The verbs of one resource in one namespace (or cluster-scoped, or across all namespaces), as
 * generated typed clients call them. {@link ResourceClient} answers them over HTTP and
 * {@code io.kubegen.runtime.testing.FakeResourceClient} from an {@code ObjectTracker}, so one
 * generated implementation per type serves both the real and the fake clientset.
 *
 * <p>Writes return the object as the server stored it; failures are {@link KubeApiException}s.
 * Null options mean "none". Implementations are thread-safe.
 *
 * @param <T> the resource type
 */
public interface ResourceOperations<T extends KubernetesObject> {
  /** Creates {@code obj} (in this client's namespace, else the object's). */
  T create(T obj, CreateOptions o);

  /** Replaces the object named in {@code obj}'s metadata; 409 when its resourceVersion is stale. */
  T update(T obj, UpdateOptions o);

  /** Replaces the status of the object named in {@code obj}'s metadata. */
  T updateStatus(T obj, UpdateOptions o);

  /** Deletes {@code name}. */
  void delete(String name, DeleteOptions o);

  /** Deletes every object {@code lo} selects. */
  void deleteCollection(DeleteOptions o, ListOptions lo);

  /** The object {@code name}; a missing one is a {@link KubeApiException} with {@code isNotFound()}. */
  T get(String name, GetOptions o);

  /** The objects {@code o} selects. */
  ObjectList<T> list(ListOptions o);

  /** A watch of the objects {@code o} selects. */
  Watch<T> watch(ListOptions o);

  /** Patches {@code name} (or its subresource {@code subresources[0]}) with {@code body} of {@code patchType}. */
  T patch(String name, PatchType patchType, String body, PatchOptions o, String... subresources);

  /** Server-side apply of {@code obj}; {@code o} must name a field manager. */
  T apply(T obj, PatchOptions o);

  /** Server-side apply of {@code obj}'s status; {@code o} must name a field manager. */
  T applyStatus(T obj, PatchOptions o);

  /** GET of the subresource {@code subresource} of {@code name}, decoded as {@code resultType}. */
  <R> R getSubresource(String name, String subresource, Class<R> resultType, GetOptions o);

  /** PUT of {@code body} to the subresource {@code subresource} of {@code name}. */
  <R> R updateSubresource(String name, String subresource, Object body, Class<R> resultType, UpdateOptions o);

  /** POST of {@code body} to the subresource {@code subresource} of {@code name} (such as {@code eviction}). */
  <R> R createSubresource(String name, String subresource, Object body, Class<R> resultType, CreateOptions o);

  /** DELETE of the subresource {@code subresource} of {@code name}. */
  void deleteSubresource(String name, String subresource, DeleteOptions o);

  /**
   * The namespace a write of {@code obj} goes to: the client's own namespace when it has one,
   * else the object's {@code metadata.namespace} (null for cluster-scoped objects).
   */
  static String namespaceOf(KubernetesObject obj, String clientNamespace) {
    if (clientNamespace != null) {
      return clientNamespace;
    }
    ObjectMeta meta = obj.getMetadata();
    return meta == null ? null : meta.getNamespace();
  }

  /**
   * The {@code metadata.name} of {@code obj}, which an update or apply needs.
   *
   * @throws IllegalArgumentException if the object has no name
   */
  static String nameOf(KubernetesObject obj) {
    Objects.requireNonNull(obj, "obj");
    ObjectMeta meta = obj.getMetadata();
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new IllegalArgumentException("the object has no metadata.name");
    }
    return meta.getName();
  }
}
