package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code openAPIV3Schema} of one CustomResourceDefinition version, checked to be structural
 * as kube-apiserver requires: every specified field and array item has a {@code type} (unless it
 * is {@code x-kubernetes-int-or-string} or an embedded resource), the root is an object, root
 * {@code metadata} may only restrict {@code name} and {@code generateName}, no
 * {@code additionalProperties} beside {@code properties} or set to false, no {@code $ref}, no
 * {@code uniqueItems: true}, {@code x-kubernetes-preserve-unknown-fields} only true, patterns
 * that compile. Objects of
 * the version are then pruned ({@link Pruner}), defaulted ({@link Defaulter}) and validated
 * ({@link SchemaValidator}) against it. Immutable; the schema tree is never modified.
 */
final class StructuralSchema {
  private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
  private static final Set<String> METADATA_ALLOWED = Set.of("name", "generateName");
  /** Keys that only describe a schema and are allowed beside metadata's name and generateName. */
  private static final Set<String> METADATA_KEYS_ALLOWED = Set.of("type", "description", "nullable");

  private final ObjectNode root;

  private StructuralSchema(ObjectNode root) { this.root = root; }

  /** The schema tree. */
  ObjectNode root() { return root; }

  /**
   * The structural schema of {@code schema}, or the errors that make it non-structural, each
   * naming its field under {@code path} (such as {@code spec.versions[0].schema.openAPIV3Schema}).
   */
  static StructuralSchema parse(JsonNode schema, String path, List<FieldError> errors) {
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      errors.add(FieldError.required(path, "schemas are required"));
      return null;
    }
    if (!schema.isObject()) {
      errors.add(FieldError.invalid(path, schema, "must be an object"));
      return null;
    }
    int before = errors.size();
    check(schema, path, Level.ROOT, errors);
    return errors.size() == before ? new StructuralSchema((ObjectNode) schema.deepCopy()) : null;
  }

  enum Level { ROOT, ITEM, FIELD }

  private static void check(JsonNode s, String path, Level level, List<FieldError> errors) {
    if (!s.isObject()) {
      errors.add(FieldError.invalid(path, s, "must be a schema object"));
      return;
    }
    String type = s.path("type").asText("");
    boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    boolean embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    if (s.has("$ref")) {
      errors.add(FieldError.forbidden(path + ".$ref", "$ref is not supported"));
    }
    if (!type.isEmpty() && !TYPES.contains(type)) {
      errors.add(new FieldError(FieldError.Type.NOT_SUPPORTED, path + ".type", FieldError.quote(type),
          "supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""));
    }
    if (intOrString && !type.isEmpty()) {
      errors.add(new FieldError(FieldError.Type.INVALID, path + ".type", FieldError.quote(type),
          "must be empty if x-kubernetes-int-or-string is true"));
    }
    if (embedded && !type.equals("object")) {
      errors.add(type.isEmpty()
          ? FieldError.required(path + ".type", "must be object if x-kubernetes-embedded-resource is true")
          : new FieldError(FieldError.Type.INVALID, path + ".type", FieldError.quote(type),
              "must be object if x-kubernetes-embedded-resource is true"));
    } else if (type.isEmpty() && !intOrString && (level == Level.ROOT || !preservesUnknownFields(s))) {
      // as kube-apiserver: a field or item that keeps whatever it is given needs no type
      errors.add(FieldError.required(path + ".type", switch (level) {
        case ROOT -> "must not be empty at the root";
        case ITEM -> "must not be empty for specified array items";
        case FIELD -> "must not be empty for specified object fields";
      }));
    }
    if (level == Level.ROOT && !type.isEmpty() && !type.equals("object")) {
      errors.add(new FieldError(FieldError.Type.INVALID, path + ".type", FieldError.quote(type), "must be object at the root"));
    }
    JsonNode preserve = s.get("x-kubernetes-preserve-unknown-fields");
    if (preserve != null && !(preserve.isBoolean() && preserve.booleanValue())) {
      errors.add(FieldError.invalid(path + ".x-kubernetes-preserve-unknown-fields", preserve, "must be true or undefined"));
    }
    JsonNode pattern = s.get("pattern");
    if (pattern != null && (!pattern.isTextual() || SchemaValidator.compile(pattern.asText()) == null)) {
      errors.add(FieldError.invalid(path + ".pattern", pattern, "must be a valid regular expression"));
    }
    if (s.path("uniqueItems").asBoolean(false)) {
      errors.add(FieldError.forbidden(path + ".uniqueItems",
          "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    JsonNode additional = s.get("additionalProperties");
    JsonNode properties = s.get("properties");
    if (additional != null) {
      if (additional.isBoolean() && !additional.booleanValue()) {
        errors.add(FieldError.forbidden(path + ".additionalProperties", "additionalProperties cannot be set to false"));
      } else if (properties != null && !properties.isEmpty()) {
        errors.add(FieldError.forbidden(path + ".additionalProperties",
            "additionalProperties and properties are mutual exclusive"));
      } else if (embedded) {
        errors.add(FieldError.forbidden(path + ".additionalProperties",
            "must not be used if x-kubernetes-embedded-resource is set"));
      } else if (additional.isObject()) {
        check(additional, path + ".additionalProperties", Level.FIELD, errors);
      }
    }
    JsonNode items = s.get("items");
    if (items != null) {
      if (items.isArray()) {
        errors.add(FieldError.forbidden(path + ".items", "items must be a schema object and not an array"));
      } else {
        check(items, path + ".items", Level.ITEM, errors);
      }
    } else if (type.equals("array")) {
      errors.add(FieldError.required(path + ".items", "must be specified"));
    }
    if (properties != null) {
      if (!properties.isObject()) {
        errors.add(FieldError.invalid(path + ".properties", properties, "must be an object"));
        return;
      }
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        String child = path + ".properties[" + p.getKey() + "]";
        if (level == Level.ROOT && (p.getKey().equals("kind") || p.getKey().equals("apiVersion"))) {
          String t = p.getValue().path("type").asText("");
          if (!t.equals("string")) {
            errors.add(new FieldError(FieldError.Type.INVALID, child + ".type", FieldError.quote(t), "must be string"));
          }
        }
        if (p.getKey().equals("metadata") && (level == Level.ROOT || embedded)) {
          checkMetadata(p.getValue(), child, level, errors);
        }
        check(p.getValue(), child, Level.FIELD, errors);
      }
    }
  }

  private static void checkMetadata(JsonNode m, String path, Level level, List<FieldError> errors) {
    String type = m.path("type").asText("");
    if (!type.isEmpty() && !type.equals("object")) {
      errors.add(new FieldError(FieldError.Type.INVALID, path + ".type", FieldError.quote(type), "must be object if specified"));
    }
    if (m.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      errors.add(FieldError.forbidden(path + ".x-kubernetes-embedded-resource", "must not be used for metadata"));
    }
    if (level != Level.ROOT) {
      return;
    }
    List<String> extra = new ArrayList<>();
    m.fieldNames().forEachRemaining(k -> {
      if (!k.equals("properties") && !METADATA_KEYS_ALLOWED.contains(k)) {
        extra.add(k);
      }
    });
    m.path("properties").fieldNames().forEachRemaining(k -> {
      if (!METADATA_ALLOWED.contains(k)) {
        extra.add(k);
      }
    });
    if (!extra.isEmpty()) {
      errors.add(FieldError.forbidden(path,
          "must not specify anything other than name and generateName, but metadata is implicitly specified"));
    }
    for (String k : METADATA_ALLOWED) {
      JsonNode p = m.path("properties").get(k);
      if (p != null && !p.path("type").asText("").equals("string")) {
        errors.add(new FieldError(FieldError.Type.INVALID, path + ".properties[" + k + "].type",
            FieldError.quote(p.path("type").asText("")), "must be string"));
      }
    }
  }

  private static boolean preservesUnknownFields(JsonNode s) {
    JsonNode preserve = s.get("x-kubernetes-preserve-unknown-fields");
    return preserve != null && preserve.isBoolean() && preserve.booleanValue();
  }
}
