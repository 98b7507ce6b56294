package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the fields a structural schema does not specify, as kube-apiserver prunes custom
 * objects: an object keeps only its {@code properties} (every key under an
 * {@code additionalProperties} schema), unless it has {@code x-kubernetes-preserve-unknown-fields};
 * {@code apiVersion}, {@code kind} and {@code metadata} are kept at the root and in
 * {@code x-kubernetes-embedded-resource} objects, whose metadata keeps only ObjectMeta's fields.
 * Values of the wrong type are left for the validator. Stateless.
 */
final class Pruner {
  private static final Set<String> TYPE_META = Set.of("apiVersion", "kind", "metadata");
  private static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
      "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
      "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

  private Pruner() {}

  /** Prunes {@code object} in place; returns the paths of the dropped fields, such as {@code spec.bogus}. */
  static List<String> prune(JsonNode schema, ObjectNode object) {
    List<String> dropped = new ArrayList<>();
    pruneObject(schema, object, "", true, dropped);
    return dropped;
  }

  private static void prune(JsonNode schema, JsonNode value, String path, List<String> dropped) {
    if (schema == null || value == null) {
      return;
    }
    if (value instanceof ObjectNode o) {
      boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
      pruneObject(schema, o, path, embedded, dropped);
    } else if (value.isArray()) {
      JsonNode items = schema.get("items");
      if (items != null && items.isObject()) {
        for (int i = 0; i < value.size(); i++) {
          prune(items, value.get(i), path + "[" + i + "]", dropped);
        }
      }
    }
  }

  private static void pruneObject(JsonNode schema, ObjectNode o, String path, boolean typeMetaKept, List<String> dropped) {
    boolean root = path.isEmpty();
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    JsonNode additionalSchema = additional != null && additional.isObject() ? additional : null;
    boolean anyKey = additional != null && additional.isBoolean() && additional.booleanValue();
    Iterator<Map.Entry<String, JsonNode>> it = o.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String child = root ? key : path + "." + key;
      if (typeMetaKept && TYPE_META.contains(key)) {
        if (key.equals("metadata") && !root && e.getValue() instanceof ObjectNode meta) {
          pruneMetadata(meta, child, dropped);
        }
        continue;
      }
      JsonNode s = properties.get(key);
      if (s == null) {
        s = additionalSchema;
      }
      if (s != null) {
        prune(s, e.getValue(), child, dropped);
      } else if (!preserve && !anyKey) {
        it.remove();
        dropped.add(child);
      }
    }
  }

  private static void pruneMetadata(ObjectNode meta, String path, List<String> dropped) {
    Iterator<String> keys = meta.fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      if (!OBJECT_META.contains(k)) {
        keys.remove();
        dropped.add(path + "." + k);
      }
    }
  }
}
