package io.kubegen.apiserver.internal;

import static io.kubegen.apiserver.internal.SchemaFixtures.json;
import static io.kubegen.apiserver.internal.SchemaFixtures.widgetSchema;
import static io.kubegen.apiserver.internal.SchemaFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each schema rule, with kube-apiserver's field paths, reasons and wording. */
class SchemaValidatorTest {
  private static final JsonNode SCHEMA = widgetSchema().root();

  private static List<String> errors(String spec) {
    return SchemaValidator.validate(SCHEMA, json("{\"apiVersion\":\"shapes.example.com/v1\",\"kind\":\"Widget\","
        + "\"metadata\":{\"name\":\"w\"},\"spec\":" + spec + "}")).stream().map(FieldError::toString).toList();
  }

  @Test
  void aValidObjectHasNoErrors() {
    assertThat(errors("{\"size\":3,\"color\":\"blue\",\"name\":\"abc\",\"ratio\":0.5,\"port\":\"http\",\"tags\":[\"a\"],"
        + "\"labels\":{\"a\":\"b\"},\"parts\":[{\"id\":\"p\"}],\"extra\":{\"any\":{\"thing\":1}},\"note\":null,"
        + "\"since\":\"2024-01-02T03:04:05Z\",\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{}}}")).isEmpty();
  }

  @Test
  void typeErrorsNameTheDataType() {
    assertThat(errors("{\"size\":\"string\"}")).containsExactly(
        "spec.size: Invalid value: \"string\": spec.size in body must be of type integer: \"string\"");
    assertThat(errors("{\"size\":1,\"tags\":\"a\"}")).containsExactly(
        "spec.tags: Invalid value: \"string\": spec.tags in body must be of type array: \"string\"");
    assertThat(errors("{\"size\":1.5}")).containsExactly(
        "spec.size: Invalid value: \"number\": spec.size in body must be of type integer: \"number\"");
  }

  @Test
  void wholeFloatsAreIntegersAndIntegersAreNumbers() {
    assertThat(errors("{\"size\":2.0}")).isEmpty();
    assertThat(errors("{\"size\":2,\"ratio\":0.25}")).isEmpty();
  }

  @Test
  void nullIsATypeErrorUnlessNullable() {
    assertThat(errors("{\"size\":1,\"name\":null}")).containsExactly(
        "spec.name: Invalid value: \"null\": spec.name in body must be of type string: \"null\"");
    assertThat(errors("{\"size\":1,\"note\":null}")).isEmpty();
  }

  @Test
  void requiredFieldsAtEveryLevel() {
    assertThat(errors("{}")).containsExactly("spec.size: Required value");
    assertThat(errors("{\"size\":1,\"parts\":[{\"weight\":2}]}")).containsExactly("spec.parts[0].id: Required value");
  }

  @Test
  void enumListsTheSupportedValues() {
    assertThat(errors("{\"size\":1,\"color\":\"pink\"}")).containsExactly(
        "spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"");
  }

  @Test
  void stringRules() {
    assertThat(errors("{\"size\":1,\"name\":\"ABC\"}")).containsExactly(
        "spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'");
    assertThat(errors("{\"size\":1,\"name\":\"a\"}")).containsExactly(
        "spec.name: Invalid value: \"a\": spec.name in body should be at least 2 chars long");
    assertThat(errors("{\"size\":1,\"name\":\"abcdefghij\"}")).containsExactly(
        "spec.name: Too long: may not be longer than 8");
    assertThat(errors("{\"size\":1,\"since\":\"yesterday\"}")).containsExactly(
        "spec.since: Invalid value: \"yesterday\": spec.since in body must be of type date-time: \"yesterday\"");
  }

  @Test
  void numberBounds() {
    assertThat(errors("{\"size\":0}")).containsExactly(
        "spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1");
    assertThat(errors("{\"size\":11}")).containsExactly(
        "spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10");
    assertThat(errors("{\"size\":1,\"ratio\":0}")).containsExactly(
        "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0");
    assertThat(errors("{\"size\":1,\"ratio\":1.0}")).containsExactly(
        "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1");
  }

  @Test
  void multipleOf() {
    JsonNode schema = yaml("{type: object, properties: {n: {type: number, multipleOf: 0.5}}}");
    assertThat(SchemaValidator.validate(schema, json("{\"n\":1.5}"))).isEmpty();
    assertThat(SchemaValidator.validate(schema, json("{\"n\":1.2}"))).map(FieldError::toString)
        .containsExactly("n: Invalid value: 1.2: n in body should be a multiple of 0.5");
  }

  @Test
  void itemAndPropertyCounts() {
    assertThat(errors("{\"size\":1,\"tags\":[]}")).containsExactly(
        "spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items");
    assertThat(errors("{\"size\":1,\"tags\":[\"a\",\"b\",\"c\",\"d\"]}")).containsExactly(
        "spec.tags: Too many: 4: must have at most 3 items");
    assertThat(errors("{\"size\":1,\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}")).containsExactly(
        "spec.labels: Too many: 3: must have at most 2 items");
    JsonNode schema = yaml("{type: object, properties: {m: {type: object, minProperties: 1, x-kubernetes-preserve-unknown-fields: true}}}");
    assertThat(SchemaValidator.validate(schema, json("{\"m\":{}}"))).map(FieldError::toString)
        .containsExactly("m: Invalid value: 0: m in body should have at least 1 properties");
  }

  @Test
  void additionalPropertiesSchemaAppliesToEveryValue() {
    assertThat(errors("{\"size\":1,\"labels\":{\"a\":\"toolong\",\"b\":7}}")).containsExactly(
        "spec.labels.a: Too long: may not be longer than 5",
        "spec.labels.b: Invalid value: \"integer\": spec.labels.b in body must be of type string: \"integer\"");
  }

  @Test
  void intOrString() {
    assertThat(errors("{\"size\":1,\"port\":8080}")).isEmpty();
    assertThat(errors("{\"size\":1,\"port\":true}")).containsExactly(
        "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"");
  }

  @Test
  void embeddedResourcesNeedApiVersionAndKind() {
    assertThat(errors("{\"size\":1,\"template\":{\"spec\":{}}}")).containsExactly(
        "spec.template.apiVersion: Required value: must not be empty", "spec.template.kind: Required value: must not be empty");
  }

  @Test
  void everyErrorIsCollected() {
    assertThat(errors("{\"size\":0,\"color\":\"pink\",\"tags\":[1]}")).hasSize(3);
  }

  @Test
  void causesCarryTheReasons() {
    List<FieldError> errors = SchemaValidator.validate(SCHEMA, json("{\"spec\":{\"size\":\"x\",\"color\":\"no\"}}"));
    assertThat(errors).extracting(FieldError::reason).containsExactly("FieldValueTypeInvalid", "FieldValueNotSupported");
    assertThat(errors.get(0).body()).isEqualTo("Invalid value: \"string\": spec.size in body must be of type integer: \"string\"");
    assertThat(SchemaValidator.validate(SCHEMA, json("{\"spec\":{}}")))
        .extracting(FieldError::reason).containsExactly("FieldValueRequired");
    assertThat(FieldError.aggregate(errors)).startsWith("[spec.size: Invalid value").contains(", spec.color: Unsupported");
  }
}
