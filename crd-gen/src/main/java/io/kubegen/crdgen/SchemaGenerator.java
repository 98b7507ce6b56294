package io.kubegen.crdgen;

import io.kubegen.crdgen.JacksonProperties.Property;
import io.kubegen.crdgen.JacksonProperties.Shape;
import io.kubegen.gen.processing.AnnotationReader;
import io.kubegen.gen.processing.Diagnostic;
import io.kubegen.gen.processing.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The structural OpenAPI v3 schema of a resource type, as kubegen's Jackson mapper writes it
 * ({@code docs/design.md}, "CRD schemas", has the full table). Schemas are JSON-like trees of
 * sorted maps. What cannot be expressed is reported on the property with a {@code [kubegen.crd-*]}
 * diagnostic, and the schema is then not used. One instance per resource type; used on javac's
 * processing thread.
 */
final class SchemaGenerator {
  private static final String OBJECT_META = "io.kubegen.runtime.api.ObjectMeta";
  private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  private static final String OBJECT_NODE = "com.fasterxml.jackson.databind.node.ObjectNode";
  private static final String ARRAY_NODE = "com.fasterxml.jackson.databind.node.ArrayNode";
  private static final String JSON_TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";
  private static final String JSON_SUB_TYPES = "com.fasterxml.jackson.annotation.JsonSubTypes";
  /** Deeper nesting than this is taken for recursion through growing type arguments. */
  private static final int MAX_DEPTH = 32;

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final JacksonProperties jackson;
  private final Javadoc javadoc;
  private final String kind;
  private final Deque<String> expanding = new ArrayDeque<>();
  private boolean failed;

  SchemaGenerator(ProcessingEnvironment env, Diagnostics diagnostics, String kind) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.jackson = new JacksonProperties(elements, types);
    this.javadoc = new Javadoc(elements);
    this.kind = kind;
  }

  /** The schema of resource type {@code type}, empty when something could not be expressed (reported). */
  Optional<Map<String, Object>> resourceSchema(TypeElement type) {
    Map<String, Object> schema = objectSchema((DeclaredType) type.asType(), kind, type, true);
    javadoc.of(type).ifPresent(d -> schema.put("description", d));
    return failed ? Optional.empty() : Optional.of(schema);
  }

  private Map<String, Object> objectSchema(DeclaredType type, String path, Element at, boolean root) {
    String key = type.toString();
    // a generic type can also recur through ever longer type arguments (A<T> holding an A<List<T>>)
    if (expanding.contains(key) || expanding.size() >= MAX_DEPTH) {
      List<String> chain = new ArrayList<>(expanding);
      java.util.Collections.reverse(chain);
      chain.add(key);
      fail(at, Diagnostic.CRD_RECURSIVE_TYPE, path, simple(type), String.join(" -> ", chain));
      return new TreeMap<>();
    }
    expanding.push(key);
    try {
      Shape shape = jackson.shape(type);
      if (shape.jsonValue().isPresent()) {
        TypeMirror valueType = ((ExecutableType) types.asMemberOf(type, shape.jsonValue().get())).getReturnType();
        return typeSchema(valueType, path, at);
      }
      Map<String, Object> schema = new TreeMap<>();
      schema.put("type", "object");
      Map<String, Object> properties = new TreeMap<>();
      TreeSet<String> required = new TreeSet<>();
      for (Property p : shape.properties()) {
        String propertyPath = path + "." + p.name();
        if (root && p.name().equals("metadata") && isNamed(p.type(), OBJECT_META)) {
          properties.put("metadata", object());
          continue;
        }
        properties.put(p.name(), propertySchema(p, propertyPath));
        if (Constraints.required(p)) {
          required.add(p.name());
        }
      }
      if (!properties.isEmpty()) {
        schema.put("properties", properties);
      }
      if (!required.isEmpty()) {
        schema.put("required", List.copyOf(required));
      }
      if (shape.anyProperties()) {
        schema.put("x-kubernetes-preserve-unknown-fields", true);
      }
      return schema;
    } finally {
      expanding.pop();
    }
  }

  private Map<String, Object> propertySchema(Property p, String path) {
    Element at = p.primary();
    if (p.annotation(JacksonProperties.JSON_UNWRAPPED).isPresent()) {
      fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, simple(p.type()),
          "@JsonUnwrapped properties are not described; declare the properties on this type instead");
      return new TreeMap<>();
    }
    Map<String, Object> schema;
    if (Constraints.intOrString(p)) {
      if (!isNamed(p.type(), "java.lang.Object")) {
        Object type = typeSchema(p.type(), path, at).get("type");
        if (type != null && !type.equals("string")) {
          fail(at, Diagnostic.CRD_INVALID_CONSTRAINT, path, "@GenSchema(intOrString = true)", type);
          return new TreeMap<>();
        }
      }
      schema = new TreeMap<>();
      schema.put("anyOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
      schema.put("x-kubernetes-int-or-string", true);
    } else if (Constraints.preserveUnknownFields(p) && isNamed(p.type(), "java.lang.Object")) {
      schema = new TreeMap<>();
      schema.put("x-kubernetes-preserve-unknown-fields", true);
    } else {
      schema = typeSchema(p.type(), path, at);
      if (Constraints.preserveUnknownFields(p)) {
        if ("object".equals(schema.get("type"))) {
          schema.put("x-kubernetes-preserve-unknown-fields", true);
        } else {
          fail(at, Diagnostic.CRD_INVALID_CONSTRAINT, path, "@GenSchema(preserveUnknownFields = true)",
              schema.getOrDefault("type", "(any)"));
        }
      }
    }
    Optional<String> description = Constraints.description(p).or(() -> describe(p));
    description.ifPresent(d -> schema.put("description", d));
    for (Constraints.Misfit m : Constraints.apply(p, schema)) {
      fail(at, Diagnostic.CRD_INVALID_CONSTRAINT, path, m.annotation(), schema.getOrDefault("type", "(none)"));
    }
    return schema;
  }

  private Optional<String> describe(Property p) {
    for (Element member : p.members()) {
      if (member.getKind() == ElementKind.RECORD_COMPONENT) {
        Optional<String> param = javadoc.param(p.owner(), member.getSimpleName().toString());
        if (param.isPresent()) {
          return param;
        }
      } else {
        Optional<String> own = javadoc.of(member);
        if (own.isPresent()) {
          return own;
        }
      }
    }
    return Optional.empty();
  }

  /** The schema of a value of {@code type}. */
  private Map<String, Object> typeSchema(TypeMirror type, String path, Element at) {
    switch (type.getKind()) {
      case BOOLEAN:
        return scalar("boolean", null);
      case BYTE:
      case SHORT:
      case INT:
        return scalar("integer", "int32");
      case LONG:
        return scalar("integer", "int64");
      case FLOAT:
        return scalar("number", "float");
      case DOUBLE:
        return scalar("number", "double");
      case CHAR:
        return scalar("string", null);
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          return scalar("string", "byte");
        }
        return array(typeSchema(component, path + "[]", at));
      case DECLARED:
        return declaredSchema((DeclaredType) type, path, at);
      default:
        fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, type.toString(),
            "only concrete types have a schema (no type variables, wildcards or unions)");
        return new TreeMap<>();
    }
  }

  private Map<String, Object> declaredSchema(DeclaredType type, String path, Element at) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    Map<String, Object> known = knownType(name);
    if (known != null) {
      return known;
    }
    if (name.equals("java.lang.Object")) {
      fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, "Object",
          "any JSON value fits it; use a JsonNode or a Map<String, Object>, or say @GenSchema(preserveUnknownFields = true)");
      return new TreeMap<>();
    }
    if (name.equals(OBJECT_META)) {
      Map<String, Object> meta = object();
      meta.put("x-kubernetes-preserve-unknown-fields", true);
      return meta;
    }
    if (isJsonNode(type)) {
      Map<String, Object> any = new TreeMap<>();
      if (isNamed(type, OBJECT_NODE)) {
        any.put("type", "object");
      } else if (isNamed(type, ARRAY_NODE)) {
        any.put("type", "array");
        Map<String, Object> items = new TreeMap<>();
        items.put("x-kubernetes-preserve-unknown-fields", true);
        any.put("items", items);
        return any;
      }
      any.put("x-kubernetes-preserve-unknown-fields", true);
      return any;
    }
    if (element.getKind() == ElementKind.ENUM) {
      return enumSchema(element);
    }
    Optional<TypeMirror> mapValue = typeArgument(type, "java.util.Map", 1);
    if (mapValue.isPresent()) {
      TypeMirror key = typeArgument(type, "java.util.Map", 0).orElseThrow();
      if (!isNamed(key, "java.lang.String") && !isEnum(key)) {
        fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, simple(type), "JSON object keys are strings: use String (or enum) keys");
        return new TreeMap<>();
      }
      Map<String, Object> map = object();
      if (isNamed(mapValue.get(), "java.lang.Object")) {
        map.put("x-kubernetes-preserve-unknown-fields", true);
      } else {
        map.put("additionalProperties", typeSchema(mapValue.get(), path + "{}", at));
      }
      return map;
    }
    Optional<TypeMirror> item = typeArgument(type, "java.util.Collection", 0);
    if (item.isPresent()) {
      return array(typeSchema(item.get(), path + "[]", at));
    }
    if (name.equals("java.util.Optional") || name.startsWith("java.util.Optional")) {
      fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, simple(type),
          "kubegen's JSON mapper does not write Optional (no Jdk8Module); use a nullable property");
      return new TreeMap<>();
    }
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, simple(type), "a JDK type kubegen has no schema for");
      return new TreeMap<>();
    }
    if (AnnotationReader.find(element, JSON_TYPE_INFO).isPresent() || AnnotationReader.find(element, JSON_SUB_TYPES).isPresent()) {
      fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, simple(type),
          "polymorphic types (@JsonTypeInfo, @JsonSubTypes) have no structural schema");
      return new TreeMap<>();
    }
    if (element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT)) {
      fail(at, Diagnostic.CRD_UNSUPPORTED_TYPE, path, simple(type),
          "an interface or abstract class does not say which properties its values have; use a concrete class or record");
      return new TreeMap<>();
    }
    Map<String, Object> schema = objectSchema(type, path, at, false);
    return schema;
  }

  /** Types with a fixed schema: strings, numbers, booleans and the java.time types. */
  private static Map<String, Object> knownType(String name) {
    return switch (name) {
      case "java.lang.String", "java.lang.CharSequence", "java.lang.Character", "java.net.URI", "java.net.URL",
          "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetTime", "java.time.Period",
          "java.time.ZoneId", "java.time.ZoneOffset", "java.time.Year", "java.time.YearMonth",
          "java.time.MonthDay" -> scalar("string", null);
      case "java.lang.Boolean" -> scalar("boolean", null);
      case "java.lang.Byte", "java.lang.Short", "java.lang.Integer" -> scalar("integer", "int32");
      case "java.lang.Long" -> scalar("integer", "int64");
      case "java.math.BigInteger" -> scalar("integer", null);
      case "java.lang.Float" -> scalar("number", "float");
      case "java.lang.Double" -> scalar("number", "double");
      case "java.math.BigDecimal", "java.time.Duration" -> scalar("number", null);
      case "java.util.UUID" -> scalar("string", "uuid");
      case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.util.Date" ->
          scalar("string", "date-time");
      case "java.time.LocalDate" -> scalar("string", "date");
      default -> null;
    };
  }

  private Map<String, Object> enumSchema(TypeElement element) {
    Map<String, Object> schema = scalar("string", null);
    boolean customValue = ElementFilter.methodsIn(element.getEnclosedElements()).stream()
        .anyMatch(m -> AnnotationReader.find(m, JacksonProperties.JSON_VALUE).isPresent());
    if (customValue) {
      return schema;
    }
    List<Object> values = new ArrayList<>();
    for (VariableElement constant : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String value = AnnotationReader.find(constant, JacksonProperties.JSON_PROPERTY)
          .map(m -> (String) AnnotationReader.value(m, "value").getValue())
          .filter(v -> !v.isEmpty())
          .orElse(constant.getSimpleName().toString());
      values.add(value);
    }
    schema.put("enum", values);
    return schema;
  }

  /** The type argument {@code index} of supertype {@code owner} of {@code type}, if it has that supertype. */
  private Optional<TypeMirror> typeArgument(DeclaredType type, String owner, int index) {
    TypeElement ownerElement = elements.getTypeElement(owner);
    if (ownerElement == null || !types.isSubtype(types.erasure(type), types.erasure(ownerElement.asType()))) {
      return Optional.empty();
    }
    Deque<TypeMirror> todo = new ArrayDeque<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      TypeMirror t = todo.poll();
      if (t instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(owner)) {
        List<? extends TypeMirror> args = d.getTypeArguments();
        if (args.size() <= index) {
          return Optional.of(elements.getTypeElement("java.lang.Object").asType());
        }
        TypeMirror arg = args.get(index);
        if (arg.getKind() == TypeKind.WILDCARD) {
          TypeMirror bound = ((javax.lang.model.type.WildcardType) arg).getExtendsBound();
          return Optional.of(bound != null ? bound : elements.getTypeElement("java.lang.Object").asType());
        }
        return Optional.of(arg);
      }
      todo.addAll(types.directSupertypes(t));
    }
    return Optional.empty();
  }

  private boolean isJsonNode(DeclaredType type) {
    TypeElement node = elements.getTypeElement(JSON_NODE);
    return node != null && types.isSubtype(types.erasure(type), types.erasure(node.asType()));
  }

  private static boolean isEnum(TypeMirror type) {
    return type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
  }

  private static boolean isNamed(TypeMirror type, String name) {
    return type instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(name);
  }

  private static String simple(TypeMirror type) {
    return type.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }

  private static Map<String, Object> scalar(String type, String format) {
    Map<String, Object> s = new TreeMap<>();
    s.put("type", type);
    if (format != null) {
      s.put("format", format);
    }
    return s;
  }

  private static Map<String, Object> object() {
    return scalar("object", null);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    Map<String, Object> s = scalar("array", null);
    s.put("items", items);
    return s;
  }

  private void fail(Element at, Diagnostic diagnostic, Object... args) {
    failed = true;
    diagnostics.error(at, diagnostic, args);
  }
}
