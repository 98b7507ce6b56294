package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a loaded {@link KubeConfig} the way {@code kubectl config view --merge --raw -o json}
 * prints it, so the two can be compared as JSON: the {@code v1} shape, lists sorted by name,
 * {@code -data} fields re-encoded as base64, Go's {@code omitempty} rules (an empty string, list
 * or {@code false} left out where the Go field says so, kept as {@code ""}, {@code null} or
 * {@code false} where it does not), an exec plugin's {@code interactiveMode} defaulted for the
 * beta API versions. {@code preferences} and top-level {@code extensions} are left out: kubegen
 * checks their types but does not keep them.
 */
final class KubectlView {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Fields that Go prints even when empty. */
  private static final Set<String> ALWAYS = Set.of("server", "cluster", "user", "command", "args", "env", "name",
      "value", "provideClusterInfo");

  private KubectlView() {}

  static ObjectNode render(KubeConfig config) {
    ObjectNode view = JSON.objectNode();
    view.put("kind", "Config");
    view.put("apiVersion", "v1");
    view.set("clusters", named(config.clusterEntries(), "cluster", KubeConfigSchema.CLUSTER));
    view.set("users", named(config.userEntries(), "user", KubeConfigSchema.USER));
    view.set("contexts", named(config.contextEntries(), "context", KubeConfigSchema.CONTEXT));
    view.put("current-context", config.currentContext().orElse(""));
    return view;
  }

  /** kubectl's output without the parts kubegen does not keep. */
  static JsonNode comparable(JsonNode kubectlView) {
    ObjectNode copy = kubectlView.deepCopy();
    copy.remove("preferences");
    copy.remove("extensions");
    return copy;
  }

  private static JsonNode named(Map<String, KubeConfigEntry> entries, String bodyField, KubeConfigSchema.Struct struct) {
    if (entries.isEmpty()) {
      return JSON.nullNode();
    }
    ArrayNode list = JSON.arrayNode();
    new TreeMap<>(entries).forEach((name, entry) -> {
      ObjectNode item = list.addObject();
      item.put("name", name);
      item.set(bodyField, struct(entry.body(), struct));
    });
    return list;
  }

  private static ObjectNode struct(JsonNode body, KubeConfigSchema.Struct struct) {
    ObjectNode out = JSON.objectNode();
    for (KubeConfigSchema.Field field : struct.fields().values()) {
      JsonNode value = body == null ? null : body.get(field.name());
      boolean absent = value == null || value.isNull();
      boolean always = ALWAYS.contains(field.name());
      switch (field.kind()) {
        case STRING -> {
          String text = absent ? "" : value.asText();
          if (field.name().equals("interactiveMode") && text.isEmpty()) {
            String apiVersion = body.path("apiVersion").asText("");
            if (apiVersion.equals(ExecConfig.V1BETA1) || apiVersion.equals("client.authentication.k8s.io/v1alpha1")) {
              text = "IfAvailable";
            }
          }
          if (!text.isEmpty() || always) {
            out.put(field.name(), text);
          }
        }
        case BOOL -> {
          boolean flag = !absent && value.asBoolean();
          if (flag || always) {
            out.put(field.name(), flag);
          }
        }
        case BYTES -> KubeConfigSchema.bytes(value)
            .ifPresent(bytes -> out.put(field.name(), Base64.getEncoder().encodeToString(bytes)));
        case STRINGS -> {
          if (!absent && value.size() > 0) {
            out.set(field.name(), strings(value));
          } else if (always) {
            out.set(field.name(), absent ? JSON.nullNode() : JSON.arrayNode());
          }
        }
        case STRING_MAP -> {
          if (!absent && value.size() > 0) {
            ObjectNode map = out.putObject(field.name());
            value.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
          }
        }
        case STRINGS_MAP -> {
          if (!absent && value.size() > 0) {
            ObjectNode map = out.putObject(field.name());
            value.properties().forEach(e -> map.set(e.getKey(), e.getValue().isNull() ? JSON.nullNode() : strings(e.getValue())));
          }
        }
        case OBJECT -> {
          if (!absent) {
            out.set(field.name(), struct(value, field.struct()));
          }
        }
        case LIST -> {
          if (field.struct() == KubeConfigSchema.NAMED_EXTENSION) {
            if (!absent && value.size() > 0) {
              out.set(field.name(), extensions(value));
            }
          } else if (!absent && value.size() > 0) {
            ArrayNode list = out.putArray(field.name());
            value.forEach(item -> list.add(struct(item.isNull() ? null : item, field.struct())));
          } else if (always) {
            out.set(field.name(), absent ? JSON.nullNode() : JSON.arrayNode());
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** Extensions as kubectl keeps them: a map by name (a null extension can be replaced), printed sorted. */
  private static ArrayNode extensions(JsonNode list) {
    Map<String, JsonNode> byName = new TreeMap<>();
    for (JsonNode item : list) {
      String name = item.isNull() ? "" : item.path("name").asText("");
      JsonNode extension = item.isNull() ? null : item.get("extension");
      byName.put(name, extension == null ? JSON.nullNode() : extension);
    }
    ArrayNode out = JSON.arrayNode();
    byName.forEach((name, extension) -> {
      ObjectNode item = out.addObject();
      item.put("name", name);
      item.set("extension", extension);
    });
    return out;
  }

  private static ArrayNode strings(JsonNode list) {
    ArrayNode out = JSON.arrayNode();
    list.forEach(item -> out.add(item.isNull() ? "" : item.asText()));
    return out;
  }
}
