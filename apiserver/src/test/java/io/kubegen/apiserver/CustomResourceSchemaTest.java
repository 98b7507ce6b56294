package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CRDs registered from the class path, and their schemas enforced over HTTP on every write
 * verb: create, update, the three patch types, server-side apply and {@code /status}.
 */
@ExtendWith(EmbeddedApiServerExtension.class)
@Timeout(30)
class CustomResourceSchemaTest {
  static final String WIDGETS = "/apis/shapes.example.com/v1/namespaces/default/widgets";
  static EmbeddedApiServer server;
  Http http;

  @BeforeAll
  static void registerFromTheClassPath() {
    assertThat(server.registerCrds()).isSameAs(server);
  }

  @BeforeEach
  void client() { http = new Http(server.url()); }

  private static String widget(String name, String spec) {
    return "{\"apiVersion\":\"shapes.example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"" + name + "\"},"
        + "\"spec\":" + spec + "}";
  }

  private Http.Response create(String name, String spec) { return http.post(WIDGETS, widget(name, spec)); }

  private static void assertInvalid(Http.Response r, String name, String field, String reason, String message) {
    assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(422);
    assertThat(r.text("/reason")).isEqualTo("Invalid");
    assertThat(r.text("/message")).isEqualTo("Widget.shapes.example.com \"" + name + "\" is invalid: " + field + ": " + message);
    assertThat(r.text("/details/kind")).isEqualTo("Widget");
    assertThat(r.text("/details/group")).isEqualTo("shapes.example.com");
    assertThat(r.text("/details/name")).isEqualTo(name);
    assertThat(r.body().at("/details/causes")).hasSize(1);
    assertThat(r.text("/details/causes/0/field")).isEqualTo(field);
    assertThat(r.text("/details/causes/0/reason")).isEqualTo(reason);
    assertThat(r.text("/details/causes/0/message")).isEqualTo(message);
  }

  @Test
  void everyIndexedCrdIsStoredAndServed() {
    Http.Response crd = http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.shapes.example.com");
    assertThat(crd.code()).isEqualTo(200);
    assertThat(crd.body().at("/status/conditions").findValuesAsText("type")).contains("Established");
    assertThat(http.get("/apis/shapes.example.com/v1").body().path("resources").findValuesAsText("name"))
        .contains("widgets", "widgets/status", "gizmos");
    assertThat(http.get("/apis/shapes.example.com/v1/gizmos").code()).isEqualTo(200);
  }

  @Test
  void aCreateThatBreaksTheSchemaIs422WithFieldPaths() {
    assertInvalid(create("bad-type", "{\"size\":\"string\"}"), "bad-type", "spec.size", "FieldValueTypeInvalid",
        "Invalid value: \"string\": spec.size in body must be of type integer: \"string\"");
    assertInvalid(create("no-size", "{}"), "no-size", "spec.size", "FieldValueRequired", "Required value");
    assertInvalid(create("pink", "{\"size\":1,\"color\":\"pink\"}"), "pink", "spec.color", "FieldValueNotSupported",
        "Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"");
    Http.Response many = create("many", "{\"size\":0,\"name\":\"A\"}");
    assertThat(many.code()).isEqualTo(422);
    assertThat(many.body().at("/details/causes").findValuesAsText("field")).containsExactly("spec.size", "spec.name", "spec.name");
    assertThat(many.text("/message")).startsWith("Widget.shapes.example.com \"many\" is invalid: [spec.size: Invalid value: 0: ");
    assertThat(http.get(WIDGETS + "/bad-type").code()).isEqualTo(404);
  }

  @Test
  void unknownFieldsArePrunedWithAWarningAndDefaultsApplied() {
    Http.Response r = create("pruned", "{\"size\":2,\"bogus\":1,\"parts\":[{\"id\":\"a\"}],\"extra\":{\"kept\":true}}");
    assertThat(r.code()).isEqualTo(201);
    assertThat(r.body().at("/spec")).isEqualTo(json("{\"size\":2,\"parts\":[{\"id\":\"a\",\"weight\":1}],"
        + "\"extra\":{\"kept\":true},\"color\":\"red\"}"));
    assertThat(r.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"spec.bogus\\\"\"");
    assertThat(http.get(WIDGETS + "/pruned").body().at("/spec/bogus").isMissingNode()).isTrue();
  }

  @Test
  void strictFieldValidationRefusesUnknownFields() {
    Http.Response r = http.post(WIDGETS + "?fieldValidation=Strict", widget("strict", "{\"size\":2,\"bogus\":1}"));
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.text("/message")).isEqualTo(
        "Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: unknown field \"spec.bogus\"");
    Http.Response ignored = http.post(WIDGETS + "?fieldValidation=Ignore", widget("ignored", "{\"size\":2,\"bogus\":1}"));
    assertThat(ignored.code()).isEqualTo(201);
    assertThat(ignored.headers().allValues("Warning")).isEmpty();
  }

  @Test
  void updatesPatchesAndAppliesAreValidatedToo() {
    assertThat(create("changing", "{\"size\":2}").code()).isEqualTo(201);
    assertInvalid(http.put(WIDGETS + "/changing", widget("changing", "{\"size\":20}")), "changing", "spec.size",
        "FieldValueInvalid", "Invalid value: 20: spec.size in body should be less than or equal to 10");
    assertInvalid(http.patch(WIDGETS + "/changing", "application/merge-patch+json", "{\"spec\":{\"size\":null}}"),
        "changing", "spec.size", "FieldValueRequired", "Required value");
    assertInvalid(http.patch(WIDGETS + "/changing", "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/spec/size\",\"value\":true}]"), "changing", "spec.size", "FieldValueTypeInvalid",
        "Invalid value: \"boolean\": spec.size in body must be of type integer: \"boolean\"");
    assertInvalid(http.patch(WIDGETS + "/changing", "application/strategic-merge-patch+json",
        "{\"spec\":{\"tags\":[]}}"), "changing", "spec.tags", "FieldValueInvalid",
        "Invalid value: 0: spec.tags in body should have at least 1 items");
    assertInvalid(http.patch(WIDGETS + "/changing?fieldManager=t", "application/apply-patch+yaml",
        "apiVersion: shapes.example.com/v1\nkind: Widget\nmetadata: {name: changing}\nspec: {size: 3, name: X1}\n"),
        "changing", "spec.name", "FieldValueInvalid", "Invalid value: \"X1\": spec.name in body should match '^[a-z]+$'");
    assertInvalid(http.patch(WIDGETS + "/fresh?fieldManager=t", "application/apply-patch+yaml",
        "apiVersion: shapes.example.com/v1\nkind: Widget\nmetadata: {name: fresh}\nspec: {size: 0}\n"),
        "fresh", "spec.size", "FieldValueInvalid", "Invalid value: 0: spec.size in body should be greater than or equal to 1");
    assertThat(http.get(WIDGETS + "/changing").body().at("/spec/size").asInt()).isEqualTo(2);
    Http.Response ok = http.patch(WIDGETS + "/changing", "application/merge-patch+json", "{\"spec\":{\"size\":4,\"junk\":1}}");
    assertThat(ok.code()).isEqualTo(200);
    assertThat(ok.body().at("/spec")).isEqualTo(json("{\"size\":4,\"color\":\"red\"}"));
    assertThat(ok.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"spec.junk\\\"\"");
  }

  @Test
  void statusIsValidatedAndSpecAndStatusStayApart() {
    assertThat(create("st", "{\"size\":2}").code()).isEqualTo(201);
    String withStatus = "{\"apiVersion\":\"shapes.example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"st\"},"
        + "\"spec\":{\"size\":\"ignored by /status\"},\"status\":{\"observed\":%d,\"ready\":true}}";
    Http.Response bad = http.put(WIDGETS + "/st/status", String.format(withStatus, -1));
    assertThat(bad.code()).isEqualTo(422);
    assertThat(bad.text("/details/causes/0/field")).isEqualTo("status.observed");
    Http.Response ok = http.put(WIDGETS + "/st/status", String.format(withStatus, 3));
    assertThat(ok.code()).isEqualTo(200);
    assertThat(ok.body().at("/spec/size").asInt()).isEqualTo(2);
    assertThat(ok.body().at("/status/observed").asInt()).isEqualTo(3);
    Http.Response main = http.put(WIDGETS + "/st", "{\"apiVersion\":\"shapes.example.com/v1\",\"kind\":\"Widget\","
        + "\"metadata\":{\"name\":\"st\"},\"spec\":{\"size\":5},\"status\":{\"observed\":-7}}");
    assertThat(main.code()).isEqualTo(200);
    assertThat(main.body().at("/spec/size").asInt()).isEqualTo(5);
    assertThat(main.body().at("/status/observed").asInt()).isEqualTo(3);
    Http.Response patched = http.patch(WIDGETS + "/st/status", "application/merge-patch+json", "{\"status\":{\"ready\":\"yes\"}}");
    assertThat(patched.code()).isEqualTo(422);
    assertThat(patched.text("/details/causes/0/field")).isEqualTo("status.ready");
  }

  @Test
  void aCrdWithANonStructuralSchemaIsRefused() {
    String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"metadata\":{\"name\":\"blobs.parts.example.com\"},\"spec\":{\"group\":\"parts.example.com\",\"scope\":\"Namespaced\","
        + "\"names\":{\"plural\":\"blobs\",\"kind\":\"Blob\"},\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,"
        + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"properties\":{\"spec\":{\"properties\":{}}}}}}]}}";
    Http.Response r = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
    assertThat(r.code()).isEqualTo(422);
    assertThat(r.text("/message")).isEqualTo("CustomResourceDefinition.apiextensions.k8s.io \"blobs.parts.example.com\" is "
        + "invalid: spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for "
        + "specified object fields");
    assertThat(r.text("/details/causes/0/field")).isEqualTo("spec.versions[0].schema.openAPIV3Schema.properties[spec].type");
    Http.Response noSchema = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        crd.replace(",\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"properties\":{\"spec\":{\"properties\":{}}}}}", ""));
    assertThat(noSchema.code()).isEqualTo(422);
    assertThat(noSchema.text("/details/causes/0/message")).isEqualTo("Required value: schemas are required");
  }

  @Test
  void openApiPublishesTheSchemaWithItsDescriptions() {
    JsonNode doc = http.get("/openapi/v3/apis/shapes.example.com/v1").body();
    JsonNode widget = doc.at("/components/schemas/io.kubegen.shapes.example.com.v1.Widget");
    assertThat(widget.path("description").asText()).isEqualTo("A widget, shaped by its spec.");
    assertThat(widget.at("/properties/spec/description").asText()).isEqualTo("What the widget should look like.");
    assertThat(widget.at("/properties/spec/properties/size/description").asText()).isEqualTo("How many parts the widget has.");
    assertThat(widget.at("/properties/metadata/type").asText()).isEqualTo("object");
    assertThat(widget.at("/x-kubernetes-group-version-kind/0/kind").asText()).isEqualTo("Widget");
    assertThat(http.get("/openapi/v3").body().at("/paths/apis~1shapes.example.com~1v1/serverRelativeURL").asText())
        .startsWith("/openapi/v3/apis/shapes.example.com/v1?hash=");
  }

  @Test
  void severalCrdsInOneFileAndRegisteringAgainReplaces() throws Exception {
    URL twoKinds = getClass().getClassLoader().getResource("crds/two-kinds.yaml");
    server.registerCrds(List.of(twoKinds));
    String sprockets = "/apis/parts.example.com/v1/namespaces/default/sprockets";
    String sprocket = "{\"apiVersion\":\"parts.example.com/v1\",\"kind\":\"Sprocket\",\"metadata\":{\"name\":\"s%d\"},"
        + "\"spec\":{\"teeth\":%d}}";
    assertThat(http.post(sprockets, String.format(sprocket, 1, 2)).code()).isEqualTo(422);
    assertThat(http.post(sprockets, String.format(sprocket, 2, 5)).code()).isEqualTo(201);
    assertThat(http.get("/apis/parts.example.com/v1/namespaces/default/cogs").code()).isEqualTo(200);

    java.nio.file.Path changed = java.nio.file.Files.createTempFile("sprockets", ".yaml");
    try {
      java.nio.file.Files.writeString(changed, new String(twoKinds.openStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8).replace("teeth: {type: integer, minimum: 3}", "teeth: {type: integer, minimum: 1}"));
      server.registerCrds(List.of(changed.toUri().toURL()));
      assertThat(http.post(sprockets, String.format(sprocket, 3, 2)).code()).isEqualTo(201);
      assertThat(http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/sprockets.parts.example.com")
          .body().at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/teeth/minimum").asInt()).isEqualTo(1);
    } finally {
      java.nio.file.Files.deleteIfExists(changed);
    }
  }

  @Test
  void aMalformedFileNamesTheFileAndTheFieldAndRegistersNothing() {
    URL good = getClass().getClassLoader().getResource("crds/two-kinds.yaml");
    URL bad = getClass().getClassLoader().getResource("crds/not-structural.yaml");
    assertThatThrownBy(() -> server.registerCrds(List.of(good, bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value");
    assertThat(http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/blobs.parts.example.com").code()).isEqualTo(404);
    URL wrongKind = getClass().getClassLoader().getResource("crds/wrong-kind.yaml");
    assertThatThrownBy(() -> server.registerCrds(List.of(wrongKind)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(wrongKind.toString()).hasMessageContaining("apiVersion");
  }

  private static JsonNode json(String s) {
    try {
      return io.kubegen.runtime.json.Json.mapper().readTree(s);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
