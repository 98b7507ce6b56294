package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * The whole file is checked against the {@code v1} schema as kubectl checks it
 * ({@link KubeConfigSchema}), so a wrongly typed field in an entry no context uses still fails.
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
    JsonNode root = yaml.isEmpty() ? JsonNodeFactory.instance.nullNode() : KubeconfigYaml.read(yaml, file);
    if (root.isNull()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    KubeConfigSchema.check(root, file);
    String current = KubeConfigEntry.string(root, "current-context", "", file).orElse(null);
    return new KubeConfigFile(file, current,
        named(root, file, "clusters", "cluster"),
        named(root, file, "users", "user"),
        named(root, file, "contexts", "context"));
  }

  /** The entries of a list the schema check accepted; a null item or body is an empty one, a missing name is "". */
  private static Map<String, KubeConfigEntry> named(JsonNode root, Path file, String listField, String bodyField) {
    Map<String, KubeConfigEntry> entries = new LinkedHashMap<>();
    JsonNode list = root.get(listField);
    if (list == null || list.isNull()) {
      return entries;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = listField + "[" + i + "]";
      JsonNode item = list.get(i);
      JsonNode body = item.isNull() ? null : item.get(bodyField);
      if (body == null || body.isNull()) {
        body = JsonNodeFactory.instance.objectNode();
      }
      String name = item.isNull() ? "" : KubeConfigEntry.string(item, "name", at, file).orElse("");
      KubeConfigEntry.put(entries, new KubeConfigEntry(file, name, at + "." + bodyField, body), at + ".name");
    }
    return entries;
  }

  Path file() { return file; }

  Optional<String> currentContext() { return Optional.ofNullable(currentContext); }

  Map<String, KubeConfigEntry> clusters() { return Collections.unmodifiableMap(clusters); }

  Map<String, KubeConfigEntry> users() { return Collections.unmodifiableMap(users); }

  Map<String, KubeConfigEntry> contexts() { return Collections.unmodifiableMap(contexts); }
}
