package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Fills in the {@code default}s of a structural schema as kube-apiserver does after pruning: a
 * property that is absent, or null while not {@code nullable}, gets a copy of its default; then
 * every value (defaults included) is defaulted by its own schema, through {@code properties},
 * {@code additionalProperties} and {@code items}. Stateless.
 */
final class Defaulter {
  private Defaulter() {}

  /** Defaults {@code value} in place by {@code schema}. */
  static void apply(JsonNode schema, JsonNode value) {
    if (schema == null || value == null) {
      return;
    }
    if (value instanceof ObjectNode o) {
      JsonNode properties = schema.path("properties");
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        JsonNode def = p.getValue().get("default");
        if (def == null) {
          continue;
        }
        JsonNode current = o.get(p.getKey());
        if (current == null || current.isNull() && !p.getValue().path("nullable").asBoolean(false)) {
          o.set(p.getKey(), def.deepCopy());
        }
      }
      JsonNode additional = schema.get("additionalProperties");
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode s = properties.get(e.getKey());
        apply(s != null ? s : additional != null && additional.isObject() ? additional : null, e.getValue());
      }
    } else if (value instanceof ArrayNode a) {
      JsonNode items = schema.get("items");
      for (JsonNode item : a) {
        apply(items, item);
      }
    }
  }
}
