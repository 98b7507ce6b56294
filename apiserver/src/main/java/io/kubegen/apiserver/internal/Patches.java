package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patch formats: JSON patch (RFC 6902, through zjsonpatch), JSON merge patch (RFC 7386),
 * and strategic merge patch, which is merge patch plus merging of the built-in lists that
 * Kubernetes merges by key ({@code containers} by {@code name}, {@code ports} by port, ...)
 * and the {@code $patch}, {@code $deleteFromPrimitiveList} and {@code $setElementOrder}
 * directives (the last is accepted and ignored). Stateless.
 */
final class Patches {
  /** List fields merged by a key in strategic merge patch, with their keys. */
  private static final Map<String, List<String>> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", List.of("name")),
      Map.entry("initContainers", List.of("name")),
      Map.entry("ephemeralContainers", List.of("name")),
      Map.entry("volumes", List.of("name")),
      Map.entry("volumeMounts", List.of("mountPath")),
      Map.entry("volumeDevices", List.of("devicePath")),
      Map.entry("env", List.of("name")),
      Map.entry("imagePullSecrets", List.of("name")),
      Map.entry("ports", List.of("containerPort", "port")),
      Map.entry("conditions", List.of("type")),
      Map.entry("ownerReferences", List.of("uid")),
      Map.entry("hostAliases", List.of("ip")),
      Map.entry("topologySpreadConstraints", List.of("topologyKey")),
      Map.entry("resourceClaims", List.of("name")));
  /** Primitive lists that strategic merge patch merges as sets. */
  private static final Set<String> MERGED_PRIMITIVE_LISTS = Set.of("finalizers");

  private Patches() {}

  static JsonNode jsonPatch(JsonNode target, JsonNode patch) {
    if (!patch.isArray()) {
      throw ApiException.badRequest("a JSON patch must be an array of operations");
    }
    try {
      return JsonPatch.apply(patch, target);
    } catch (JsonPatchApplicationException | IllegalArgumentException e) {
      throw ApiException.of(422, "Invalid", "the JSON patch could not be applied: " + e.getMessage());
    }
  }

  /** RFC 7386: objects merge recursively, null removes, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /** Strategic merge patch of {@code patch} onto {@code target}. */
  static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      throw ApiException.badRequest("a strategic merge patch must be a JSON object");
    }
    return mergeObject(target != null && target.isObject() ? (ObjectNode) target : null, (ObjectNode) patch);
  }

  private static JsonNode mergeObject(ObjectNode target, ObjectNode patch) {
    JsonNode directive = patch.get("$patch");
    if (directive != null) {
      String d = directive.asText();
      ObjectNode rest = patch.deepCopy();
      rest.remove("$patch");
      if (d.equals("replace")) {
        return stripDirectives(rest);
      }
      if (d.equals("delete")) {
        return null;
      }
      throw ApiException.badRequest("unknown $patch directive \"" + d + "\"");
    }
    ObjectNode result = target == null ? JsonNodeFactory.instance.objectNode() : target.deepCopy();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("$setElementOrder/") || key.equals("$retainKeys")) {
        continue;
      }
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        String field = key.substring("$deleteFromPrimitiveList/".length());
        JsonNode list = result.get(field);
        if (list instanceof ArrayNode array && value.isArray()) {
          Set<JsonNode> remove = new HashSet<>();
          value.forEach(remove::add);
          ArrayNode kept = array.arrayNode();
          array.forEach(v -> { if (!remove.contains(v)) { kept.add(v); } });
          result.set(field, kept);
        }
        continue;
      }
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isObject()) {
        JsonNode merged = mergeObject(result.get(key) instanceof ObjectNode o ? o : null, (ObjectNode) value);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else if (value.isArray()) {
        result.set(key, mergeList(key, result.get(key), (ArrayNode) value));
      } else {
        result.set(key, value);
      }
    }
    return result;
  }

  private static JsonNode mergeList(String field, JsonNode target, ArrayNode patch) {
    if (MERGED_PRIMITIVE_LISTS.contains(field) && target instanceof ArrayNode existing) {
      ArrayNode out = existing.deepCopy();
      Set<JsonNode> seen = new HashSet<>();
      existing.forEach(seen::add);
      patch.forEach(v -> { if (seen.add(v)) { out.add(v); } });
      return out;
    }
    String mergeKey = mergeKey(field, patch, target);
    if (mergeKey == null || !(target instanceof ArrayNode)) {
      return stripDirectives(patch);
    }
    List<JsonNode> items = new ArrayList<>();
    target.forEach(items::add);
    for (JsonNode p : patch) {
      if (!p.isObject()) {
        return stripDirectives(patch);
      }
      JsonNode key = p.get(mergeKey);
      String directive = Meta.text(p, "$patch");
      if ("replace".equals(directive)) {
        ArrayNode rest = patch.arrayNode();
        patch.forEach(x -> { if (!"replace".equals(Meta.text(x, "$patch"))) { rest.add(x); } });
        return stripDirectives(rest);
      }
      int at = indexOf(items, mergeKey, key);
      if ("delete".equals(directive)) {
        if (at >= 0) {
          items.remove(at);
        }
      } else if (at >= 0) {
        items.set(at, mergeObject(items.get(at) instanceof ObjectNode o ? o : null, (ObjectNode) p));
      } else {
        items.add(stripDirectives(p));
      }
    }
    ArrayNode out = patch.arrayNode();
    items.forEach(out::add);
    return out;
  }

  private static int indexOf(List<JsonNode> items, String mergeKey, JsonNode key) {
    for (int i = 0; i < items.size(); i++) {
      if (key != null && key.equals(items.get(i).get(mergeKey))) {
        return i;
      }
    }
    return -1;
  }

  private static String mergeKey(String field, ArrayNode patch, JsonNode target) {
    List<String> keys = MERGE_KEYS.get(field);
    if (keys == null) {
      return null;
    }
    for (String k : keys) {
      boolean all = patch.size() > 0;
      for (JsonNode p : patch) {
        all &= p.isObject() && (p.has(k) || p.has("$patch"));
      }
      if (all) {
        return k;
      }
    }
    return null;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = o.objectNode();
      o.properties().forEach(e -> {
        if (!e.getKey().startsWith("$")) {
          out.set(e.getKey(), stripDirectives(e.getValue()));
        }
      });
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = a.arrayNode();
      a.forEach(x -> out.add(stripDirectives(x)));
      return out;
    }
    return node;
  }
}
