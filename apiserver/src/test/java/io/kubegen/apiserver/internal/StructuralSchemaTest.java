package io.kubegen.apiserver.internal;

import static io.kubegen.apiserver.internal.SchemaFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks that make kube-apiserver reject a CRD whose schema is not structural. */
class StructuralSchemaTest {
  private static final String ROOT = "spec.versions[0].schema.openAPIV3Schema";

  private static List<String> errors(String schemaYaml) {
    List<FieldError> errors = new ArrayList<>();
    StructuralSchema s = StructuralSchema.parse(yaml(schemaYaml), ROOT, errors);
    assertThat(s == null).isEqualTo(!errors.isEmpty());
    return errors.stream().map(FieldError::toString).toList();
  }

  @Test
  void theFixturesAreStructural() {
    assertThat(SchemaFixtures.widgetSchema()).isNotNull();
    assertThat(errors("{type: object, x-kubernetes-preserve-unknown-fields: true}")).isEmpty();
  }

  @Test
  void aSchemaIsRequired() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(StructuralSchema.parse(null, ROOT, errors)).isNull();
    assertThat(errors).map(FieldError::toString).containsExactly(ROOT + ": Required value: schemas are required");
  }

  @Test
  void everySpecifiedFieldNeedsAType() {
    assertThat(errors("{properties: {spec: {type: object}}}"))
        .containsExactly(ROOT + ".type: Required value: must not be empty at the root");
    assertThat(errors("{type: object, properties: {spec: {properties: {a: {type: string}}}}}"))
        .containsExactly(ROOT + ".properties[spec].type: Required value: must not be empty for specified object fields");
    assertThat(errors("{type: object, properties: {l: {type: array, items: {}}}}"))
        .containsExactly(ROOT + ".properties[l].items.type: Required value: must not be empty for specified array items");
    assertThat(errors("{type: object, properties: {p: {x-kubernetes-int-or-string: true}}}")).isEmpty();
    // a field or item that preserves unknown fields may leave its type open (any JSON value), the root may not
    assertThat(errors("{type: object, properties: {any: {x-kubernetes-preserve-unknown-fields: true},"
        + " l: {type: array, items: {x-kubernetes-preserve-unknown-fields: true}},"
        + " m: {type: object, additionalProperties: {x-kubernetes-preserve-unknown-fields: true}}}}")).isEmpty();
    assertThat(errors("{x-kubernetes-preserve-unknown-fields: true}"))
        .containsExactly(ROOT + ".type: Required value: must not be empty at the root");
  }

  @Test
  void theRootIsAnObject() {
    assertThat(errors("{type: string}")).containsExactly(ROOT + ".type: Invalid value: \"string\": must be object at the root");
  }

  @Test
  void rootMetadataMayOnlyRestrictNameAndGenerateName() {
    assertThat(errors("{type: object, properties: {metadata: {type: object, properties: {name: {type: string, maxLength: 9}}}}}"))
        .isEmpty();
    assertThat(errors("{type: object, properties: {metadata: {type: object, properties: {labels: {type: object}}}}}"))
        .containsExactly(ROOT + ".properties[metadata]: Forbidden: must not specify anything other than name and "
            + "generateName, but metadata is implicitly specified");
    assertThat(errors("{type: object, properties: {metadata: {type: string}}}"))
        .contains(ROOT + ".properties[metadata].type: Invalid value: \"string\": must be object if specified");
  }

  @Test
  void forbiddenConstructs() {
    assertThat(errors("{type: object, properties: {m: {type: object, additionalProperties: false}}}"))
        .containsExactly(ROOT + ".properties[m].additionalProperties: Forbidden: additionalProperties cannot be set to false");
    assertThat(errors("{type: object, properties: {m: {type: object, properties: {a: {type: string}},"
        + " additionalProperties: {type: string}}}}"))
        .containsExactly(ROOT + ".properties[m].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive");
    assertThat(errors("{type: object, properties: {l: {type: array, uniqueItems: true, items: {type: string}}}}"))
        .containsExactly(ROOT + ".properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since the "
            + "runtime complexity becomes quadratic");
    assertThat(errors("{type: object, x-kubernetes-preserve-unknown-fields: false}"))
        .containsExactly(ROOT + ".x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined");
    assertThat(errors("{type: object, properties: {p: {type: string, x-kubernetes-int-or-string: true}}}"))
        .containsExactly(ROOT + ".properties[p].type: Invalid value: \"string\": must be empty if x-kubernetes-int-or-string is true");
    assertThat(errors("{type: object, properties: {e: {type: string, x-kubernetes-embedded-resource: true}}}"))
        .containsExactly(ROOT + ".properties[e].type: Invalid value: \"string\": must be object if x-kubernetes-embedded-resource is true");
    assertThat(errors("{type: object, properties: {r: {$ref: '#/x'}}}"))
        .contains(ROOT + ".properties[r].$ref: Forbidden: $ref is not supported");
    assertThat(errors("{type: object, properties: {s: {type: string, pattern: '[a-'}}}"))
        .containsExactly(ROOT + ".properties[s].pattern: Invalid value: \"[a-\": must be a valid regular expression");
    assertThat(errors("{type: object, properties: {k: {type: strin}}}")).containsExactly(ROOT + ".properties[k].type: "
        + "Unsupported value: \"strin\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"");
  }
}
