package io.kubegen.apiserver.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.json.Json;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One version of one stored object: its JSON tree, key and resourceVersion.
 *
 * <p>Immutable by contract: the tree belongs to the storage once committed and nobody mutates
 * it afterwards (copy it with {@link #copy()} first). That lets every reader, list page and
 * watcher share the tree and its serialised bytes, which are computed once, on first use.
 * Thread-safe.
 */
public final class StoredObject {
  private final String namespace;
  private final String name;
  private final long revision;
  private final ObjectNode object;
  private volatile byte[] json;

  /** A stored version; {@code namespace} is null for cluster-scoped objects. */
  public StoredObject(String namespace, String name, long revision, ObjectNode object) {
    this.namespace = namespace;
    this.name = Objects.requireNonNull(name, "name");
    this.revision = revision;
    this.object = Objects.requireNonNull(object, "object");
  }

  /** The namespace, or null for a cluster-scoped object. */
  public String namespace() { return namespace; }

  /** The name. */
  public String name() { return name; }

  /** The resourceVersion this version was written at. */
  public long revision() { return revision; }

  /** The stored tree. Shared: never mutate it. */
  public ObjectNode object() { return object; }

  /** A private, mutable deep copy of the tree. */
  public ObjectNode copy() { return object.deepCopy(); }

  /** The storage key: {@code namespace/name}, or {@code name} when cluster-scoped. */
  public String key() { return keyOf(namespace, name); }

  /** The labels node, or null. */
  public JsonNode labels() { return object.path("metadata").get("labels"); }

  /** The tree as JSON bytes, serialised once and shared. Do not modify the array. */
  public byte[] json() {
    byte[] bytes = json;
    if (bytes == null) {
      try {
        bytes = Json.mapper().writeValueAsBytes(object);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot serialise " + key(), e);
      }
      json = bytes;
    }
    return bytes;
  }

  /** The storage key of an object: {@code namespace/name}, or {@code name} when {@code namespace} is null. */
  public static String keyOf(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  @Override
  public String toString() { return "StoredObject{" + key() + "@" + revision + "}"; }
}
