package io.kubegen.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed kubeconfig file: its current context and its named clusters, users and contexts.
 * Immutable. Parse errors name the file and the field and never quote values.
 */
final class KubeConfigFile {
  private final Path file;
  private final String currentContext;
  private final Map<String, KubeConfigEntry> clusters;
  private final Map<String, KubeConfigEntry> users;
  private final Map<String, KubeConfigEntry> contexts;

  private KubeConfigFile(Path file, String currentContext, Map<String, KubeConfigEntry> clusters,
      Map<String, KubeConfigEntry> users, Map<String, KubeConfigEntry> contexts) {
    this.file = file;
    this.currentContext = currentContext;
    this.clusters = clusters;
    this.users = users;
    this.contexts = contexts;
  }

  /** Reads and parses {@code file}. */
  static KubeConfigFile read(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new KubeConfigException(file + ": cannot read kubeconfig (" + e.getClass().getSimpleName() + ")", e);
    }
    return parse(yaml, file);
  }

  /** Parses {@code yaml} as if read from {@code file}; relative paths resolve against its directory. */
  static KubeConfigFile parse(String yaml, Path file) {
    JsonNode root;
    try {
      root = Json.yamlMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      // The parser's message can quote the offending line, which may hold a token: position only.
      String location = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new KubeConfigException(file + ": not valid YAML" + location);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw new KubeConfigException(file + ": not a kubeconfig: expected a mapping at the top level, found "
          + KubeConfigEntry.kind(root));
    }
    String current = KubeConfigEntry.string(root, "current-context", "", file).orElse(null);
    return new KubeConfigFile(file, current,
        named(root, file, "clusters", "cluster"),
        named(root, file, "users", "user"),
        named(root, file, "contexts", "context"));
  }

  private static Map<String, KubeConfigEntry> named(JsonNode root, Path file, String listField, String bodyField) {
    Map<String, KubeConfigEntry> entries = new LinkedHashMap<>();
    JsonNode list = root.get(listField);
    if (list == null || list.isNull()) {
      return entries;
    }
    if (!list.isArray()) {
      throw new KubeConfigException(file + ": " + listField + ": expected a list, found " + KubeConfigEntry.kind(list));
    }
    for (int i = 0; i < list.size(); i++) {
      String at = listField + "[" + i + "]";
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        throw new KubeConfigException(file + ": " + at + ": expected a mapping, found " + KubeConfigEntry.kind(item));
      }
      Optional<String> name = KubeConfigEntry.string(item, "name", at, file);
      if (name.isEmpty()) {
        throw new KubeConfigException(file + ": " + at + ".name: missing");
      }
      JsonNode body = item.get(bodyField);
      if (body == null || body.isNull()) {
        body = JsonNodeFactory.instance.objectNode();
      } else if (!body.isObject()) {
        throw new KubeConfigException(file + ": " + at + "." + bodyField + ": expected a mapping, found "
            + KubeConfigEntry.kind(body));
      }
      KubeConfigEntry.put(entries, new KubeConfigEntry(file, name.get(), at + "." + bodyField, body), at + ".name");
    }
    return entries;
  }

  Path file() { return file; }

  Optional<String> currentContext() { return Optional.ofNullable(currentContext); }

  Map<String, KubeConfigEntry> clusters() { return Collections.unmodifiableMap(clusters); }

  Map<String, KubeConfigEntry> users() { return Collections.unmodifiableMap(users); }

  Map<String, KubeConfigEntry> contexts() { return Collections.unmodifiableMap(contexts); }
}
