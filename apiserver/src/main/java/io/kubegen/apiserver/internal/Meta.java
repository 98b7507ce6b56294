package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.storage.StoredObject;
import io.kubegen.runtime.api.FieldSelector;
import io.kubegen.runtime.api.LabelSelector;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Small helpers over object trees: metadata fields, field paths, selector matching. Stateless. */
final class Meta {
  private Meta() {}

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String name(JsonNode object) { return text(object.path("metadata"), "name"); }

  private static final AtomicReference<Object[]> NOW =
      new AtomicReference<>(new Object[] {-1L, ""});

  /** The current time as an RFC 3339 timestamp in whole seconds, formatted once per second. */
  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Object[] cached = NOW.get();
    if ((Long) cached[0] == second) {
      return (String) cached[1];
    }
    String text = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second));
    NOW.set(new Object[] {second, text});
    return text;
  }

  /** The value at a dotted field path as text, or null when absent. */
  static String fieldValue(JsonNode object, String path) {
    JsonNode node = object;
    for (String part : path.split("\\.")) {
      node = node.get(part);
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  static Map<String, String> labels(JsonNode object) {
    JsonNode labels = object.path("metadata").get("labels");
    if (labels == null || !labels.isObject() || labels.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** A filter for stored objects from the request's label and field selectors. */
  static Predicate<StoredObject> filter(LabelSelector labels, FieldSelector fields) {
    if (labels.isEmpty() && fields.isEmpty()) {
      return o -> true;
    }
    return o -> labels.matches(labels(o.object())) && fields.matches(path -> fieldValue(o.object(), path));
  }

  /** The object without metadata and status: what {@code generation} tracks. */
  static ObjectNode specPart(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    copy.remove("apiVersion");
    copy.remove("kind");
    return copy;
  }

  static boolean hasFinalizers(ObjectNode object) {
    JsonNode f = object.path("metadata").get("finalizers");
    return f != null && f.isArray() && !f.isEmpty();
  }

  static boolean isDeleting(ObjectNode object) {
    JsonNode t = object.path("metadata").get("deletionTimestamp");
    return t != null && !t.isNull();
  }
}
