package io.kubegen.runtime.dynamic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any Kubernetes object without a Java model, as client-go's {@code unstructured.Unstructured}:
 * {@code apiVersion}, {@code kind} and {@code metadata} are typed, every other top-level field
 * ({@code spec}, {@code status}, {@code data}, ...) is kept as plain JSON values (maps, lists,
 * strings, numbers, booleans) and written back unchanged.
 *
 * <p>Mutable and not thread-safe; copy with {@link Json#deepCopy} before changing an object that
 * came from a cache.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class GenericObject implements KubernetesObject {
  private String apiVersion;
  private String kind;
  private ObjectMeta metadata = new ObjectMeta();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** An empty object. */
  public GenericObject() {}

  /** An object of {@code apiVersion} and {@code kind} with {@code metadata}. */
  public GenericObject(String apiVersion, String kind, ObjectMeta metadata) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    setMetadata(metadata);
  }

  /** Any object (a typed model, a map) converted through JSON. */
  public static GenericObject from(Object value) {
    Objects.requireNonNull(value, "value");
    return Json.mapper().convertValue(value, GenericObject.class);
  }

  /** Parses a JSON object. */
  public static GenericObject parse(String json) {
    return Json.read(json, GenericObject.class);
  }

  /** This object converted through JSON into a typed model. */
  public <T> T as(Class<T> type) {
    return Json.mapper().convertValue(this, type);
  }

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  /** The metadata; never null. */
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata == null ? new ObjectMeta() : metadata; }

  /** The top-level fields other than apiVersion, kind and metadata (live view). */
  @JsonAnyGetter
  public Map<String, Object> getFields() { return fields; }

  /** Sets a top-level field; a null value removes it. */
  @JsonAnySetter
  public GenericObject set(String field, Object value) {
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    return this;
  }

  /** A top-level field, or null. */
  public Object get(String field) { return fields.get(field); }

  /**
   * The value at a path of nested map keys, such as {@code get("spec", "replicas")}; null when a
   * step is missing or not a map.
   */
  public Object get(String field, String... path) {
    Object current = fields.get(field);
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /** Sets the value at a path of nested map keys, creating maps on the way. */
  @SuppressWarnings("unchecked")
  public GenericObject setPath(Object value, String field, String... path) {
    if (path.length == 0) {
      return set(field, value);
    }
    Object top = fields.get(field);
    if (!(top instanceof Map)) {
      top = new LinkedHashMap<String, Object>();
      fields.put(field, top);
    }
    Map<String, Object> current = (Map<String, Object>) top;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = current.get(path[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        current.put(path[i], next);
      }
      current = (Map<String, Object>) next;
    }
    if (value == null) {
      current.remove(path[path.length - 1]);
    } else {
      current.put(path[path.length - 1], value);
    }
    return this;
  }

  /** The whole object as a JSON-shaped map. */
  @JsonIgnore
  public Map<String, Object> toMap() {
    return Json.mapper().convertValue(this, new TypeReference<Map<String, Object>>() { });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericObject other && toMap().equals(other.toMap());
  }

  @Override
  public int hashCode() { return toMap().hashCode(); }

  @Override
  public String toString() {
    return "GenericObject{" + apiVersion + " " + kind + " " + metadata.getNamespace() + "/" + metadata.getName() + "}";
  }
}
