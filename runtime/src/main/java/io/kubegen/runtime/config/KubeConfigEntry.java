package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named cluster, user or context of a kubeconfig file, with typed field access whose errors
 * name the file and the field ({@code /home/a/.kube/config: users[1].user.token: expected a
 * string}). Immutable; errors never quote field values.
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

  boolean bool(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw error(field, "expected true or false, found " + kind(value));
    }
    return value.asBoolean();
  }

  /** An object field, or empty. */
  Optional<JsonNode> object(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw error(field, "expected a mapping, found " + kind(value));
    }
    return Optional.of(value);
  }

  /** A list of strings, such as {@code exec.args}. */
  static List<String> strings(JsonNode list, String label) {
    List<String> result = new ArrayList<>();
    if (list == null || list.isNull()) {
      return result;
    }
    if (!list.isArray()) {
      throw new KubeConfigException(label + ": expected a list, found " + kind(list));
    }
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isTextual()) {
        throw new KubeConfigException(label + "[" + i + "]: expected a string, found " + kind(list.get(i)));
      }
      result.add(list.get(i).asText());
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
      throw new KubeConfigException(entry.file() + ": " + namePath + ": duplicate name \"" + entry.name()
          + "\" (first defined at " + previous.path() + ")");
    }
  }
}
