package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The schemas of the test CRDs on the class path, and JSON/YAML literals for tests. */
final class SchemaFixtures {
  private SchemaFixtures() {}

  static ObjectNode crd(String resource) {
    try (InputStream in = SchemaFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      return (ObjectNode) Json.yamlMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The structural schema of the first version of the widget CRD. */
  static StructuralSchema widgetSchema() {
    ObjectNode crd = crd("META-INF/kubegen/crds/widgets.shapes.example.com.yaml");
    List<FieldError> errors = new ArrayList<>();
    StructuralSchema s = StructuralSchema.parse(crd.at("/spec/versions/0/schema/openAPIV3Schema"), "x", errors);
    if (s == null) {
      throw new AssertionError(errors);
    }
    return s;
  }

  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) Json.yamlMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
