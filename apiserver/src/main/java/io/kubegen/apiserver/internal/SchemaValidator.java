package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a custom object against a structural schema with kube-apiserver's rules and
 * wording: types ({@code nullable}, {@code x-kubernetes-int-or-string},
 * {@code x-kubernetes-preserve-unknown-fields}), {@code required}, {@code enum}, {@code pattern},
 * {@code format}, {@code minimum}/{@code maximum} (exclusive too), {@code multipleOf},
 * {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems},
 * {@code minProperties}/{@code maxProperties}, {@code additionalProperties} schemas, and the
 * {@code apiVersion} and {@code kind} of {@code x-kubernetes-embedded-resource} objects. Every
 * error is collected; none stops the walk. Thread-safe (compiled patterns are cached).
 */
final class SchemaValidator {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private SchemaValidator() {}

  /** The errors of {@code object} against {@code schema}, in document order; empty when valid. */
  static List<FieldError> validate(JsonNode schema, JsonNode object) {
    List<FieldError> errors = new ArrayList<>();
    validateObjectFields(schema, object, "", errors);
    return errors;
  }

  private static void validate(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    String dataType = dataType(value);
    if (!typeMatches(schema, value, dataType)) {
      String expected = schema.path("x-kubernetes-int-or-string").asBoolean(false) ? "integer,string"
          : schema.path("type").asText();
      errors.add(new FieldError(FieldError.Type.TYPE_INVALID, path, FieldError.quote(dataType),
          path + " in body must be of type " + expected + ": " + FieldError.quote(dataType)));
      enumCheck(schema, value, path, errors);
      return;
    }
    if (value.isNull()) {
      return;
    }
    enumCheck(schema, value, path, errors);
    switch (dataType) {
      case "string" -> stringChecks(schema, value, path, errors);
      case "integer", "number" -> numberChecks(schema, value, path, errors);
      case "array" -> arrayChecks(schema, value, path, errors);
      case "object" -> objectChecks(schema, value, path, errors);
      default -> { }
    }
  }

  /** The JSON type of a value as kube-openapi names it. */
  static String dataType(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    return v.isArray() ? "array" : "object";
  }

  private static boolean typeMatches(JsonNode schema, JsonNode value, String dataType) {
    if (value.isNull()) {
      return schema.path("nullable").asBoolean(false) || !schema.has("type") && !isIntOrString(schema);
    }
    if (isIntOrString(schema)) {
      return dataType.equals("integer") || dataType.equals("string") || isWholeNumber(value);
    }
    String type = schema.path("type").asText("");
    return switch (type) {
      case "" -> true;
      case "integer" -> dataType.equals("integer") || isWholeNumber(value);
      case "number" -> dataType.equals("integer") || dataType.equals("number");
      default -> type.equals(dataType);
    };
  }

  private static boolean isIntOrString(JsonNode schema) {
    return schema.path("x-kubernetes-int-or-string").asBoolean(false);
  }

  /** A float that is a whole number, which JSON decoders in kube accept as an integer. */
  private static boolean isWholeNumber(JsonNode v) {
    if (!v.isNumber() || v.isIntegralNumber()) {
      return false;
    }
    BigDecimal d = v.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static void enumCheck(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    JsonNode allowed = schema.get("enum");
    if (allowed == null || !allowed.isArray() || value.isNull()) {
      return;
    }
    for (JsonNode a : allowed) {
      if (sameValue(a, value)) {
        return;
      }
    }
    List<String> quoted = new ArrayList<>();
    for (JsonNode a : allowed) {
      quoted.add(FieldError.quote(a.isTextual() ? a.asText() : a.toString()));
    }
    errors.add(new FieldError(FieldError.Type.NOT_SUPPORTED, path, FieldError.render(value),
        "supported values: " + String.join(", ", quoted)));
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static void stringChecks(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    String s = value.asText();
    int length = s.codePointCount(0, s.length());
    JsonNode max = schema.get("maxLength");
    if (max != null && max.canConvertToLong() && length > max.asLong()) {
      errors.add(new FieldError(FieldError.Type.TOO_LONG, path, null, "may not be longer than " + max.asLong()));
    }
    JsonNode min = schema.get("minLength");
    if (min != null && min.canConvertToLong() && length < min.asLong()) {
      errors.add(FieldError.invalid(path, value, path + " in body should be at least " + min.asLong() + " chars long"));
    }
    JsonNode pattern = schema.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      Pattern p = compile(pattern.asText());
      if (p != null && !p.matcher(s).find()) {
        errors.add(FieldError.invalid(path, value, path + " in body should match '" + pattern.asText() + "'"));
      }
    }
    String format = schema.path("format").asText("");
    if (!format.isEmpty() && !Formats.matches(format, s)) {
      errors.add(new FieldError(FieldError.Type.TYPE_INVALID, path, FieldError.quote(s),
          path + " in body must be of type " + format + ": " + FieldError.quote(s)));
    }
  }

  /** A compiled pattern, or null when it does not compile (the CRD check reports that). */
  static Pattern compile(String regex) {
    try {
      return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static void numberChecks(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    BigDecimal v = value.decimalValue();
    JsonNode multipleOf = schema.get("multipleOf");
    if (multipleOf != null && multipleOf.isNumber() && multipleOf.decimalValue().signum() > 0
        && v.remainder(multipleOf.decimalValue()).signum() != 0) {
      errors.add(FieldError.invalid(path, value, path + " in body should be a multiple of " + FieldError.number(multipleOf)));
    }
    JsonNode max = schema.get("maximum");
    if (max != null && max.isNumber()) {
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      int c = v.compareTo(max.decimalValue());
      if (exclusive ? c >= 0 : c > 0) {
        errors.add(FieldError.invalid(path, value, path + " in body should be less than "
            + (exclusive ? "" : "or equal to ") + FieldError.number(max)));
      }
    }
    JsonNode min = schema.get("minimum");
    if (min != null && min.isNumber()) {
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      int c = v.compareTo(min.decimalValue());
      if (exclusive ? c <= 0 : c < 0) {
        errors.add(FieldError.invalid(path, value, path + " in body should be greater than "
            + (exclusive ? "" : "or equal to ") + FieldError.number(min)));
      }
    }
  }

  private static void arrayChecks(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    JsonNode max = schema.get("maxItems");
    if (max != null && max.canConvertToLong() && value.size() > max.asLong()) {
      errors.add(new FieldError(FieldError.Type.TOO_MANY, path, Integer.toString(value.size()),
          "must have at most " + max.asLong() + " items"));
    }
    JsonNode min = schema.get("minItems");
    if (min != null && min.canConvertToLong() && value.size() < min.asLong()) {
      errors.add(new FieldError(FieldError.Type.INVALID, path, Integer.toString(value.size()),
          path + " in body should have at least " + min.asLong() + " items"));
    }
    JsonNode items = schema.get("items");
    for (int i = 0; i < value.size(); i++) {
      validate(items, value.get(i), path + "[" + i + "]", errors);
    }
  }

  private static void objectChecks(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    JsonNode max = schema.get("maxProperties");
    if (max != null && max.canConvertToLong() && value.size() > max.asLong()) {
      errors.add(new FieldError(FieldError.Type.TOO_MANY, path, Integer.toString(value.size()),
          "must have at most " + max.asLong() + " items"));
    }
    JsonNode min = schema.get("minProperties");
    if (min != null && min.canConvertToLong() && value.size() < min.asLong()) {
      errors.add(new FieldError(FieldError.Type.INVALID, path, Integer.toString(value.size()),
          path + " in body should have at least " + min.asLong() + " properties"));
    }
    if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      for (String typeField : List.of("apiVersion", "kind")) {
        if (value.path(typeField).asText("").isEmpty()) {
          errors.add(FieldError.required(path + "." + typeField, "must not be empty"));
        }
      }
    }
    validateObjectFields(schema, value, path, errors);
  }

  private static void validateObjectFields(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    String prefix = path.isEmpty() ? "" : path + ".";
    for (JsonNode r : schema.path("required")) {
      JsonNode v = value.get(r.asText());
      if (v == null) {
        errors.add(FieldError.required(prefix + r.asText(), ""));
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      JsonNode s = properties.get(e.getKey());
      if (s == null && additional != null && additional.isObject()) {
        s = additional;
      }
      if (s != null) {
        validate(s, e.getValue(), prefix + e.getKey(), errors);
      }
    }
  }
}
