package io.kubegen.apiserver.internal;

import static io.kubegen.apiserver.internal.SchemaFixtures.json;
import static io.kubegen.apiserver.internal.SchemaFixtures.widgetSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Pruning of unknown fields and defaulting, by the widget schema. */
class PrunerAndDefaulterTest {
  private static final JsonNode SCHEMA = widgetSchema().root();

  @Test
  void unknownFieldsAreDroppedAndReported() {
    ObjectNode o = (ObjectNode) json("{\"apiVersion\":\"a/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\",\"x\":1},"
        + "\"top\":1,\"spec\":{\"size\":1,\"bogus\":true,\"parts\":[{\"id\":\"a\",\"colour\":\"red\"}],"
        + "\"labels\":{\"k\":\"v\"},\"extra\":{\"kept\":{\"deep\":1}}},\"status\":{\"ready\":true,\"phase\":\"x\"}}");
    assertThat(Pruner.prune(SCHEMA, o)).containsExactly("top", "spec.bogus", "spec.parts[0].colour", "status.phase");
    assertThat(o).isEqualTo(json("{\"apiVersion\":\"a/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\",\"x\":1},"
        + "\"spec\":{\"size\":1,\"parts\":[{\"id\":\"a\"}],\"labels\":{\"k\":\"v\"},\"extra\":{\"kept\":{\"deep\":1}}},"
        + "\"status\":{\"ready\":true}}"));
  }

  @Test
  void embeddedResourcesKeepTypeMetaAndObjectMetaOnly() {
    ObjectNode o = (ObjectNode) json("{\"spec\":{\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"b\"},\"junk\":1},\"spec\":{\"any\":1},\"other\":2}}}");
    assertThat(Pruner.prune(SCHEMA, o)).containsExactly("spec.template.metadata.junk", "spec.template.other");
    assertThat(o.at("/spec/template")).isEqualTo(json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"b\"}},\"spec\":{\"any\":1}}"));
  }

  @Test
  void defaultsFillAbsentAndNullFieldsAtEveryLevel() {
    ObjectNode o = (ObjectNode) json("{\"spec\":{\"size\":1,\"parts\":[{\"id\":\"a\"},{\"id\":\"b\",\"weight\":5},"
        + "{\"id\":\"c\",\"weight\":null}]}}");
    Defaulter.apply(SCHEMA, o);
    assertThat(o.at("/spec/color").asText()).isEqualTo("red");
    assertThat(o.at("/spec/parts")).isEqualTo(json("[{\"id\":\"a\",\"weight\":1},{\"id\":\"b\",\"weight\":5},"
        + "{\"id\":\"c\",\"weight\":1}]"));
    ObjectNode blue = (ObjectNode) json("{\"spec\":{\"size\":1,\"color\":\"blue\"}}");
    Defaulter.apply(SCHEMA, blue);
    assertThat(blue.at("/spec/color").asText()).isEqualTo("blue");
  }
}
