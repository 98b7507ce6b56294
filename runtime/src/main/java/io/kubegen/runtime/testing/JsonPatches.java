package io.kubegen.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386) and JSON patch (RFC 6902) on Jackson trees, for the tracker's
 * {@code patch} and for client-side dry runs of patches. A bad patch is an
 * {@link IllegalArgumentException} naming the problem. Stateless.
 */
public final class JsonPatches {
  private JsonPatches() {}

  /** {@code target} merged with {@code patch} (RFC 7386); {@code target} is not changed. */
  public static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getValue().isNull()) {
        out.remove(f.getKey());
      } else {
        out.set(f.getKey(), merge(out.get(f.getKey()), f.getValue()));
      }
    }
    return out;
  }

  /** {@code target} with the operations of {@code patch} (RFC 6902) applied; {@code target} is not changed. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isArray()) {
      throw new IllegalArgumentException("a JSON patch must be an array of operations");
    }
    JsonNode doc = target.deepCopy();
    for (JsonNode op : patch) {
      String kind = text(op, "op");
      List<String> path = pointer(text(op, "path"));
      switch (kind) {
        case "add" -> doc = add(doc, path, value(op));
        case "remove" -> doc = remove(doc, path);
        case "replace" -> {
          get(doc, path);
          doc = add(remove(doc, path), path, value(op));
        }
        case "move" -> {
          List<String> from = pointer(text(op, "from"));
          JsonNode v = get(doc, from);
          doc = add(remove(doc, from), path, v);
        }
        case "copy" -> doc = add(doc, path, get(doc, pointer(text(op, "from"))).deepCopy());
        case "test" -> {
          if (!get(doc, path).equals(value(op))) {
            throw new IllegalArgumentException("test failed at " + text(op, "path"));
          }
        }
        default -> throw new IllegalArgumentException("unknown JSON patch operation \"" + kind + "\"");
      }
    }
    return doc;
  }

  private static String text(JsonNode op, String field) {
    JsonNode v = op.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("a JSON patch operation needs \"" + field + "\": " + op);
    }
    return v.asText();
  }

  private static JsonNode value(JsonNode op) {
    if (!op.has("value")) {
      throw new IllegalArgumentException("a JSON patch operation needs \"value\": " + op);
    }
    return op.get("value").deepCopy();
  }

  private static List<String> pointer(String p) {
    List<String> out = new ArrayList<>();
    if (p.isEmpty()) {
      return out;
    }
    if (!p.startsWith("/")) {
      throw new IllegalArgumentException("a JSON pointer starts with /: " + p);
    }
    for (String s : p.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode get(JsonNode doc, List<String> path) {
    JsonNode cur = doc;
    for (String seg : path) {
      cur = child(cur, seg);
      if (cur == null) {
        throw new IllegalArgumentException("no value at /" + String.join("/", path));
      }
    }
    return cur;
  }

  private static JsonNode child(JsonNode node, String seg) {
    if (node.isObject()) {
      return node.get(seg);
    }
    if (node.isArray() && seg.matches("\\d+")) {
      return node.get(Integer.parseInt(seg));
    }
    return null;
  }

  private static JsonNode add(JsonNode doc, List<String> path, JsonNode value) {
    if (path.isEmpty()) {
      return value;
    }
    JsonNode parent = get(doc, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(value);
      } else {
        int i = index(last, a.size() + 1);
        a.insert(i, value);
      }
    } else {
      throw new IllegalArgumentException("cannot add below a scalar at /" + String.join("/", path));
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, List<String> path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("cannot remove the whole document");
    }
    JsonNode parent = get(doc, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o && o.has(last)) {
      o.remove(last);
    } else if (parent instanceof ArrayNode a) {
      a.remove(index(last, a.size()));
    } else {
      throw new IllegalArgumentException("no value at /" + String.join("/", path));
    }
    return doc;
  }

  private static int index(String seg, int bound) {
    if (!seg.matches("\\d+") || Integer.parseInt(seg) >= bound) {
      throw new IllegalArgumentException("bad array index " + seg);
    }
    return Integer.parseInt(seg);
  }
}
