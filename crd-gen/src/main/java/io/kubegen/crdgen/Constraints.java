package io.kubegen.crdgen;

import io.kubegen.crdgen.JacksonProperties.Property;
import io.kubegen.gen.processing.AnnotationReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * The validation rules of one property, from {@code jakarta.validation.constraints} (or the older
 * {@code javax.validation.constraints}), Jackson's {@code @JsonProperty(required = true)} and
 * {@code @JsonPropertyDescription}, and kubegen's {@code @GenSchema}, all read by name (the
 * processor needs none of them on its path). Stateless.
 */
final class Constraints {
  static final String GEN_SCHEMA = "io.kubegen.annotations.GenSchema";
  private static final String JSON_PROPERTY_DESCRIPTION = "com.fasterxml.jackson.annotation.JsonPropertyDescription";
  private static final List<String> VALIDATION_PACKAGES = List.of("jakarta.validation.constraints", "javax.validation.constraints");

  private Constraints() {}

  /** A rule that does not fit the property's schema type: which annotation, for the diagnostic. */
  record Misfit(String annotation) {}

  /** Whether the property must be present. */
  static boolean required(Property p) {
    if (p.annotation(JacksonProperties.JSON_PROPERTY)
        .map(m -> Boolean.TRUE.equals(AnnotationReader.value(m, "required").getValue())).orElse(false)) {
      return true;
    }
    if (genSchema(p).map(m -> bool(m, "required")).orElse(false)) {
      return true;
    }
    return validation(p, "NotNull").isPresent() || validation(p, "NotBlank").isPresent()
        || validation(p, "NotEmpty").isPresent();
  }

  /** The description from {@code @GenSchema} or {@code @JsonPropertyDescription}, if given. */
  static Optional<String> description(Property p) {
    Optional<String> own = genSchema(p).map(m -> string(m, "description")).filter(s -> !s.isEmpty());
    if (own.isPresent()) {
      return own;
    }
    return p.annotation(JSON_PROPERTY_DESCRIPTION).map(m -> string(m, "value")).filter(s -> !s.isEmpty());
  }

  /** {@code @GenSchema(intOrString = true)}. */
  static boolean intOrString(Property p) {
    return genSchema(p).map(m -> bool(m, "intOrString")).orElse(false);
  }

  /** {@code @GenSchema(preserveUnknownFields = true)}. */
  static boolean preserveUnknownFields(Property p) {
    return genSchema(p).map(m -> bool(m, "preserveUnknownFields")).orElse(false);
  }

  /**
   * Adds the property's rules to {@code schema} (whose {@code type} is already set, or absent for
   * int-or-string and preserved values); returns the rules that do not fit it.
   */
  static List<Misfit> apply(Property p, Map<String, Object> schema) {
    String type = (String) schema.getOrDefault("type", "");
    List<Misfit> misfits = new ArrayList<>();
    validation(p, "NotBlank").ifPresent(m -> {
      if (fits(type, misfits, "@NotBlank", "string")) {
        schema.put("minLength", 1L);
      }
    });
    validation(p, "NotEmpty").ifPresent(m -> {
      if (fits(type, misfits, "@NotEmpty", "string", "array", "object")) {
        schema.put(sizeKey(type, "min"), 1L);
      }
    });
    validation(p, "Min").ifPresent(m -> {
      if (fits(type, misfits, "@Min", "integer", "number")) {
        schema.put("minimum", longValue(m, "value"));
      }
    });
    validation(p, "Max").ifPresent(m -> {
      if (fits(type, misfits, "@Max", "integer", "number")) {
        schema.put("maximum", longValue(m, "value"));
      }
    });
    validation(p, "DecimalMin").ifPresent(m -> {
      if (fits(type, misfits, "@DecimalMin", "integer", "number")) {
        schema.put("minimum", decimal(string(m, "value")));
        if (!bool(m, "inclusive")) {
          schema.put("exclusiveMinimum", true);
        }
      }
    });
    validation(p, "DecimalMax").ifPresent(m -> {
      if (fits(type, misfits, "@DecimalMax", "integer", "number")) {
        schema.put("maximum", decimal(string(m, "value")));
        if (!bool(m, "inclusive")) {
          schema.put("exclusiveMaximum", true);
        }
      }
    });
    bound(p, "Positive", type, misfits, schema, "minimum", true);
    bound(p, "PositiveOrZero", type, misfits, schema, "minimum", false);
    bound(p, "Negative", type, misfits, schema, "maximum", true);
    bound(p, "NegativeOrZero", type, misfits, schema, "maximum", false);
    validation(p, "Pattern").ifPresent(m -> {
      if (fits(type, misfits, "@Pattern", "string")) {
        schema.put("pattern", string(m, "regexp"));
      }
    });
    validation(p, "Email").ifPresent(m -> {
      if (fits(type, misfits, "@Email", "string")) {
        schema.put("format", "email");
      }
    });
    validation(p, "Size").ifPresent(m -> {
      if (fits(type, misfits, "@Size", "string", "array", "object")) {
        long min = ((Number) AnnotationReader.value(m, "min").getValue()).longValue();
        long max = ((Number) AnnotationReader.value(m, "max").getValue()).longValue();
        if (min > 0) {
          schema.put(sizeKey(type, "min"), min);
        }
        if (max < Integer.MAX_VALUE) {
          schema.put(sizeKey(type, "max"), max);
        }
      }
    });
    genSchema(p).ifPresent(m -> own(m, type, schema, misfits));
    return misfits;
  }

  private static void own(AnnotationMirror m, String type, Map<String, Object> schema, List<Misfit> misfits) {
    if (bool(m, "nullable")) {
      schema.put("nullable", true);
    }
    String format = string(m, "format");
    if (!format.isEmpty()) {
      schema.put("format", format);
    }
    String pattern = string(m, "pattern");
    if (!pattern.isEmpty() && fits(type, misfits, "@GenSchema(pattern)", "string")) {
      schema.put("pattern", pattern);
    }
    number(m, "minimum", type, misfits).ifPresent(v -> schema.put("minimum", v));
    number(m, "maximum", type, misfits).ifPresent(v -> schema.put("maximum", v));
    number(m, "multipleOf", type, misfits).ifPresent(v -> schema.put("multipleOf", v));
    if (bool(m, "exclusiveMinimum") && fits(type, misfits, "@GenSchema(exclusiveMinimum)", "integer", "number")) {
      schema.put("exclusiveMinimum", true);
    }
    if (bool(m, "exclusiveMaximum") && fits(type, misfits, "@GenSchema(exclusiveMaximum)", "integer", "number")) {
      schema.put("exclusiveMaximum", true);
    }
    count(m, "minLength", "string", type, misfits, schema);
    count(m, "maxLength", "string", type, misfits, schema);
    count(m, "minItems", "array", type, misfits, schema);
    count(m, "maxItems", "array", type, misfits, schema);
    count(m, "minProperties", "object", type, misfits, schema);
    count(m, "maxProperties", "object", type, misfits, schema);
    String listType = string(m, "listType");
    if (!listType.isEmpty() && fits(type, misfits, "@GenSchema(listType)", "array")) {
      schema.put("x-kubernetes-list-type", listType);
    }
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> keys = (List<? extends AnnotationValue>) AnnotationReader.value(m, "listMapKeys").getValue();
    if (!keys.isEmpty() && fits(type, misfits, "@GenSchema(listMapKeys)", "array")) {
      schema.put("x-kubernetes-list-map-keys", keys.stream().map(v -> (Object) v.getValue()).toList());
    }
  }

  private static void bound(Property p, String name, String type, List<Misfit> misfits, Map<String, Object> schema,
      String key, boolean exclusive) {
    validation(p, name).ifPresent(m -> {
      if (fits(type, misfits, "@" + name, "integer", "number")) {
        schema.put(key, 0L);
        if (exclusive) {
          schema.put("exclusive" + Character.toUpperCase(key.charAt(0)) + key.substring(1), true);
        }
      }
    });
  }

  private static Optional<Double> number(AnnotationMirror m, String attribute, String type, List<Misfit> misfits) {
    double v = ((Number) AnnotationReader.value(m, attribute).getValue()).doubleValue();
    if (Double.isNaN(v) || !fits(type, misfits, "@GenSchema(" + attribute + ")", "integer", "number")) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private static void count(AnnotationMirror m, String attribute, String wanted, String type, List<Misfit> misfits,
      Map<String, Object> schema) {
    long v = ((Number) AnnotationReader.value(m, attribute).getValue()).longValue();
    if (v >= 0 && fits(type, misfits, "@GenSchema(" + attribute + ")", wanted)) {
      schema.put(attribute, v);
    }
  }

  private static boolean fits(String type, List<Misfit> misfits, String annotation, String... allowed) {
    for (String a : allowed) {
      if (a.equals(type)) {
        return true;
      }
    }
    misfits.add(new Misfit(annotation));
    return false;
  }

  private static String sizeKey(String type, String prefix) {
    return switch (type) {
      case "string" -> prefix + "Length";
      case "array" -> prefix + "Items";
      default -> prefix + "Properties";
    };
  }

  private static Object decimal(String value) {
    BigDecimal d = new BigDecimal(value.trim());
    try {
      return d.longValueExact();
    } catch (ArithmeticException notWhole) {
      return d.doubleValue();
    }
  }

  private static Optional<AnnotationMirror> validation(Property p, String simpleName) {
    for (String pkg : VALIDATION_PACKAGES) {
      Optional<AnnotationMirror> m = p.annotation(pkg + "." + simpleName);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  private static Optional<AnnotationMirror> genSchema(Property p) {
    return p.annotation(GEN_SCHEMA);
  }

  private static long longValue(AnnotationMirror m, String attribute) {
    return ((Number) AnnotationReader.value(m, attribute).getValue()).longValue();
  }

  private static String string(AnnotationMirror m, String attribute) {
    return (String) AnnotationReader.value(m, attribute).getValue();
  }

  private static boolean bool(AnnotationMirror m, String attribute) {
    return (Boolean) AnnotationReader.value(m, attribute).getValue();
  }
}
