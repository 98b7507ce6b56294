package io.kubegen.crdgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.widgets.v1.Colour;
import com.example.widgets.v1.Widget;
import com.example.widgets.v1.WidgetSpec;
import com.example.widgets.v1.WidgetStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.gen.testing.GoldenFiles;
import io.kubegen.runtime.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated schema describes what kubegen's JSON mapper really writes: a Widget with every
 * property set is serialised with {@link Json#mapper()} and every value checked against the schema
 * at its path (type, format, enum, no property the schema does not name unless preserved, required
 * ones present).
 */
@Timeout(120)
class JacksonConformanceTest {

  @Test
  void aFullWidgetConformsToItsGeneratedSchema() throws Exception {
    String yaml = CrdCompilation.generate(GoldenFiles.sources(GoldenFilesTest.MODELS), "com.example.generated")
        .get(CrdFiles.FOLDER + "widgets.widgets.example.com.yaml");
    JsonNode schema = Json.yamlMapper().readTree(yaml).path("spec").path("versions").get(0)
        .path("schema").path("openAPIV3Schema");

    Widget widget = new Widget();
    widget.getMetadata().setName("w");
    WidgetSpec spec = new WidgetSpec();
    spec.setReplicas(3);
    spec.setName("oak-box");
    spec.setColour(Colour.BLUE);
    spec.setSizeCentimetres(12.5);
    spec.setSerial(42L);
    spec.setFragile(true);
    spec.setPrice(new BigDecimal("9.99"));
    spec.setTags(List.of("a", "b"));
    spec.setAccentColours(Set.of(Colour.RED));
    spec.setStock(Map.of("p-1", 7));
    spec.setAnnotations(Map.of("anything", List.of(1, "two", Map.of("three", true))));
    spec.setExtra(Json.mapper().readTree("{\"speed\": 3, \"modes\": [\"a\"]}"));
    WidgetSpec.Material oak = new WidgetSpec.Material();
    oak.name = "oak";
    oak.recyclable = true;
    spec.setMainPart(new WidgetSpec.Part("p-1", 2, oak));
    spec.setSpareParts(List.of(new WidgetSpec.Part("p-2", 1, null)));
    spec.setPartsBySupplier(Map.of("acme", List.of(new WidgetSpec.Part("p-3", 4, oak))));
    spec.setDue(LocalDate.of(2030, 1, 2));
    spec.setBuildTime(Duration.ofSeconds(90));
    spec.setBlueprint(new byte[] {1, 2, 3});
    spec.setPort("http");
    spec.setInternalNotes("left out by @JsonIgnoreProperties");
    spec.setSecret("left out by @JsonIgnore");
    spec.setCached("written: transient fields only stop the field from being used");
    widget.setSpec(spec);
    widget.setStatus(new WidgetStatus(3, "app=w", Instant.parse("2030-01-02T03:04:05Z"), UUID.randomUUID(),
        List.of(new WidgetStatus.Condition("Ready", "True", "built"))));

    JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(widget));
    List<String> problems = new ArrayList<>();
    check("", json, schema, problems);
    assertThat(problems).isEmpty();
    assertThat(json.path("spec").has("secret")).isFalse();
    assertThat(json.path("spec").has("internalNotes")).isFalse();
    assertThat(json.path("spec").path("buildTime").isNumber()).as("Duration as written by kubegen's mapper").isTrue();
    assertThat(json.path("spec").path("blueprint").isTextual()).as("byte[] as base64").isTrue();
  }

  @Test
  void gadgetOffsetDateTimeIsADateTimeString() throws Exception {
    JsonNode json = Json.mapper().valueToTree(new com.example.widgets.v1.Gadget("widgets.example.com/v1", "Gadget", null,
        new com.example.widgets.v1.Gadget.Spec(Map.of("a", "b"), OffsetDateTime.parse("2030-01-02T03:04:05+01:00"),
            com.example.widgets.v1.Gadget.Mode.AUTO)));
    assertThat(OffsetDateTime.parse(json.path("spec").path("installed").asText())).isNotNull();
    assertThat(json.path("spec").path("mode").asText()).isEqualTo("AUTO");
  }

  private static void check(String path, JsonNode value, JsonNode schema, List<String> problems) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
      if (!value.isTextual() && !value.isIntegralNumber()) {
        problems.add(path + ": not an int or string: " + value);
      }
      return;
    }
    String type = schema.path("type").asText("");
    boolean fits = switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    };
    if (!fits) {
      problems.add(path + ": " + value + " is not of schema type " + (type.isEmpty() ? "(none)" : type));
      return;
    }
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      if (!allowed.contains(value.asText())) {
        problems.add(path + ": " + value + " is not one of " + allowed);
      }
    }
    String format = schema.path("format").asText("");
    if (format.equals("date-time")) {
      OffsetDateTime.parse(value.asText());
    } else if (format.equals("date")) {
      LocalDate.parse(value.asText());
    } else if (format.equals("uuid")) {
      UUID.fromString(value.asText());
    } else if (format.equals("byte")) {
      java.util.Base64.getDecoder().decode(value.asText());
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        check(path + "[]", item, schema.path("items"), problems);
      }
    }
    if (value.isObject() && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode child = schema.has("additionalProperties") ? schema.get("additionalProperties")
            : schema.path("properties").get(e.getKey());
        if (child == null) {
          if (!path.equals(".metadata")) {
            problems.add(path + "." + e.getKey() + ": written, but not in the schema");
          }
          continue;
        }
        check(path + "." + e.getKey(), e.getValue(), child, problems);
      }
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          problems.add(path + "." + required.asText() + ": required, but not written");
        }
      }
    }
  }
}
