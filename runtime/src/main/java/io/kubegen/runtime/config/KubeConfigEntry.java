package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named cluster, user or context of a kubeconfig file, with typed access to fields that
 * {@link KubeConfigSchema} already checked, and errors that name the file and the field
 * ({@code /home/a/.kube/config: users[1].user.client-key: cannot read ...}). Immutable; errors
 * never quote field values.
 *
 * @param file the file that defined the entry
 * @param name the entry's name
 * @param path the entry's body in the file, such as {@code users[1].user}
 * @param body the body, an object (empty when the file gave none)
 */
record KubeConfigEntry(Path file, String name, String path, JsonNode body) {

  /** {@code file: path.field}, the prefix of every error about {@code field}. */
  String label(String field) {
    return file + ": " + path + "." + field;
  }

  KubeConfigException error(String field, String problem) {
    return new KubeConfigException(label(field) + ": " + problem);
  }

  boolean has(String field) {
    JsonNode value = body.get(field);
    return value != null && !value.isNull();
  }

  /** A string field; empty when absent or empty (kubectl treats both as unset). */
  Optional<String> string(String field) {
    return string(body, field, path, file);
  }

  static Optional<String> string(JsonNode object, String field, String path, Path file) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new KubeConfigException(file + ": " + (path.isEmpty() ? "" : path + ".") + field
          + ": expected a string, found " + kind(value));
    }
    return value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
  }

  /** A boolean field (the schema check made sure it is one); false when absent. */
  boolean bool(String field) {
    JsonNode value = body.get(field);
    return value != null && value.isBoolean() && value.asBoolean();
  }

  /** A mapping field, or empty. */
  Optional<JsonNode> object(String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** A {@code -data} field's bytes; empty when absent, null or empty (kubectl treats all three as unset). */
  Optional<byte[]> bytes(String field) {
    return KubeConfigSchema.bytes(body.get(field));
  }

  /** A list of strings such as {@code as-groups}; a null item is an empty string, as in kubectl. */
  List<String> strings(String field) {
    return strings(body.get(field));
  }

  static List<String> strings(JsonNode list) {
    List<String> result = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(item -> result.add(item.isNull() ? "" : item.asText()));
    }
    return result;
  }

  /** A mapping of string lists such as {@code as-user-extra}, in file order. */
  Map<String, List<String>> stringLists(String field) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    JsonNode value = body.get(field);
    if (value != null && value.isObject()) {
      value.properties().forEach(e -> result.put(e.getKey(), strings(e.getValue())));
    }
    return result;
  }

  /** Resolves a path against the directory of the file that named it, as kubectl does. */
  Path resolve(String value) {
    Path p = Path.of(value);
    if (p.isAbsolute()) {
      return p;
    }
    Path dir = file.toAbsolutePath().getParent();
    return (dir == null ? p : dir.resolve(p)).normalize();
  }

  /** A YAML node's kind for messages: never its value. */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "a mapping";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      default -> "null";
    };
  }

  /** Entries by name, in file order. */
  static void put(Map<String, KubeConfigEntry> entries, KubeConfigEntry entry, String namePath) {
    KubeConfigEntry previous = entries.putIfAbsent(entry.name(), entry);
    if (previous != null) {
      // the schema check refuses duplicates first; this guards the invariant
      throw new KubeConfigException(entry.file() + ": " + namePath + ": duplicate name \"" + entry.name() + "\"");
    }
  }
}
