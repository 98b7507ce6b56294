package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One invalid field, worded as kube-apiserver words it: {@code <field>: <type>[: <value>][: <detail>]},
 * such as {@code spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"}.
 * The {@link #reason()} is the cause type of a {@code Status} ({@code FieldValueInvalid}, ...). Immutable.
 *
 * @param type what is wrong
 * @param field the field path, such as {@code spec.items[0].name}
 * @param value the offending value, already rendered as kube renders it, or null when not shown
 * @param detail what was expected, or empty
 */
record FieldError(Type type, String field, String value, String detail) {

  /** Kinds of field errors, with the cause reason and the wording of each. */
  enum Type {
    REQUIRED("FieldValueRequired", "Required value", false),
    INVALID("FieldValueInvalid", "Invalid value", true),
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
    TOO_LONG("FieldValueTooLong", "Too long", false),
    TOO_MANY("FieldValueTooMany", "Too many", true),
    FORBIDDEN("FieldValueForbidden", "Forbidden", false);

    final String reason;
    final String words;
    final boolean showsValue;

    Type(String reason, String words, boolean showsValue) {
      this.reason = reason;
      this.words = words;
      this.showsValue = showsValue;
    }
  }

  static FieldError required(String field, String detail) { return new FieldError(Type.REQUIRED, field, null, detail); }

  static FieldError forbidden(String field, String detail) { return new FieldError(Type.FORBIDDEN, field, null, detail); }

  static FieldError invalid(String field, JsonNode value, String detail) {
    return new FieldError(Type.INVALID, field, render(value), detail);
  }

  /** The cause reason, such as {@code FieldValueRequired}. */
  String reason() { return type.reason; }

  /** The message without the field, as a {@code Status} cause carries it. */
  String body() {
    StringBuilder s = new StringBuilder(type.words);
    if (type.showsValue && value != null) {
      s.append(": ").append(value);
    }
    if (detail != null && !detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  @Override
  public String toString() { return field + ": " + body(); }

  /** Several errors as one line: the single message, or {@code [a, b]}, as kube aggregates them. */
  static String aggregate(List<FieldError> errors) {
    List<String> messages = errors.stream().map(FieldError::toString).distinct().toList();
    return messages.size() == 1 ? messages.get(0) : messages.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  /** A value rendered as Go's {@code %v}/{@code %q}: strings quoted, numbers and booleans bare. */
  static String render(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "\"\"";
    }
    if (v.isTextual()) {
      return quote(v.asText());
    }
    if (v.isNumber()) {
      return number(v);
    }
    if (v.isBoolean()) {
      return v.asText();
    }
    if (v.isNull()) {
      return "<nil>";
    }
    return goLiteral(v);
  }

  /** A number as Go prints an int64 or a float64: {@code 3}, {@code 1.5}. */
  static String number(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    BigDecimal d = v.decimalValue().stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
  }

  /** A Go-quoted string, as {@code strconv.Quote} writes it for printable text. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Objects and arrays as Go's {@code %#v} prints decoded JSON. */
  private static String goLiteral(JsonNode v) {
    StringBuilder b = new StringBuilder();
    if (v.isArray()) {
      b.append("[]interface {}{");
      Iterator<JsonNode> it = v.elements();
      while (it.hasNext()) {
        b.append(literalElement(it.next()));
        if (it.hasNext()) {
          b.append(", ");
        }
      }
    } else {
      b.append("map[string]interface {}{");
      Iterator<java.util.Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        var e = it.next();
        b.append(quote(e.getKey())).append(":").append(literalElement(e.getValue()));
        if (it.hasNext()) {
          b.append(", ");
        }
      }
    }
    return b.append('}').toString();
  }

  private static String literalElement(JsonNode v) {
    if (v.isContainerNode()) {
      return goLiteral(v);
    }
    return v.isNull() ? "interface {}(nil)" : render(v);
  }
}
