package io.kubegen.runtime.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks kubectl makes on a document before it maps it, and the flattening of lists. A
 * document must be an object with a non-empty string {@code apiVersion} and {@code kind}; a
 * {@code List} must hold such objects in {@code items}. Problems read as kubectl's:
 * {@code kind not set}, {@code apiVersion not set}, {@code invalid object to validate}, several
 * in brackets. Stateless.
 */
final class ManifestValidation {
  private ManifestValidation() {}

  /** The problems of {@code document}, in kubectl's order; empty when it is fine. */
  static List<String> problems(JsonNode document) {
    List<String> problems = new ArrayList<>();
    check(document, problems);
    if (problems.isEmpty()) {
      checkItems(document, problems);
    }
    return problems;
  }

  /** The items of a list kind, lists inside it included: objects, with apiVersion and kind unless a typed list gives them. */
  private static void checkItems(JsonNode list, List<String> problems) {
    if (!isList(list)) {
      return;
    }
    JsonNode items = list.get("items");
    if (items == null || items.isNull()) {
      return;
    }
    if (!items.isArray()) {
      problems.add("items must be a list");
      return;
    }
    boolean typed = !"List".equals(list.path("kind").asText());
    for (JsonNode item : items) {
      if (typed && item.isObject()) {
        continue;
      }
      int before = problems.size();
      check(item, problems);
      if (problems.size() == before) {
        checkItems(item, problems);
      }
    }
  }

  private static void check(JsonNode node, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add("invalid object to validate");
      return;
    }
    if (!hasText(node, "apiVersion")) {
      problems.add("apiVersion not set");
    }
    if (!hasText(node, "kind")) {
      problems.add("kind not set");
    }
  }

  /** kubectl's rendering of {@code problems}: the one problem, or all in brackets. */
  static String describe(List<String> problems) {
    return problems.size() == 1 ? problems.get(0) : "[" + String.join(", ", problems) + "]";
  }

  /**
   * The objects of a valid document: the document itself, or for {@code List} and other
   * {@code ...List} kinds with {@code items} the items, lists inside lists flattened too. Items of
   * a typed list such as {@code ConfigMapList} without their own {@code apiVersion} or {@code kind}
   * get the list's version and the kind without {@code List}, as kubectl gives them.
   */
  static List<ObjectNode> flatten(JsonNode document) {
    List<ObjectNode> out = new ArrayList<>();
    flatten(document, out);
    return out;
  }

  private static void flatten(JsonNode node, List<ObjectNode> out) {
    if (!isList(node)) {
      out.add((ObjectNode) node);
      return;
    }
    String apiVersion = node.path("apiVersion").asText();
    String kind = node.path("kind").asText();
    String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
    for (JsonNode item : node.path("items")) {
      if (!(item instanceof ObjectNode object)) {
        continue;
      }
      if (itemKind != null) {
        if (!hasText(object, "apiVersion")) {
          object.put("apiVersion", apiVersion);
        }
        if (!hasText(object, "kind")) {
          object.put("kind", itemKind);
        }
      }
      flatten(object, out);
    }
  }

  /** Whether {@code node} is a list kind to flatten: {@code List}, or a {@code ...List} kind with an {@code items} array. */
  static boolean isList(JsonNode node) {
    if (node == null || !node.isObject()) {
      return false;
    }
    String kind = node.path("kind").asText("");
    return kind.equals("List") || (kind.endsWith("List") && kind.length() > 4 && node.path("items").isArray());
  }

  private static boolean hasText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isEmpty();
  }
}
