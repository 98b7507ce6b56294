package io.kubegen.crdgen;

import io.kubegen.gen.processing.AnnotationReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The properties of a class or record as Jackson serialises it with kubegen's mapper: record
 * components, public getters ({@code getX()}, {@code isX()} for {@code boolean}), public fields and
 * fields annotated {@code @JsonProperty}; names from {@code @JsonProperty} on any of the field, the
 * getter, the setter or the component; dropped when any of them says {@code @JsonIgnore} or the class
 * lists the name in {@code @JsonIgnoreProperties}; transient fields are not used. Property types are
 * seen from the given (possibly parameterised) type, so type variables are resolved. Annotations are
 * read by name: the processor needs no Jackson on its path. Stateless apart from the compiler's
 * utilities.
 */
final class JacksonProperties {
  static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
  private static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";
  private static final String JSON_IGNORE_PROPERTIES = "com.fasterxml.jackson.annotation.JsonIgnoreProperties";
  private static final String JSON_ANY_GETTER = "com.fasterxml.jackson.annotation.JsonAnyGetter";
  private static final String JSON_ANY_SETTER = "com.fasterxml.jackson.annotation.JsonAnySetter";
  static final String JSON_UNWRAPPED = "com.fasterxml.jackson.annotation.JsonUnwrapped";
  static final String JSON_VALUE = "com.fasterxml.jackson.annotation.JsonValue";

  private final Elements elements;
  private final Types types;

  JacksonProperties(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * One serialised property.
   *
   * @param name the JSON name
   * @param type its Java type, as seen from the owning type
   * @param members the field, getter, setter and record component it is made of (those present),
   *     the getter first: where its annotations and javadoc are looked up, in that order
   * @param owner the class or record declaring it
   */
  record Property(String name, TypeMirror type, List<Element> members, TypeElement owner) {
    /** The element diagnostics point at: the getter, else the field, else the component. */
    Element primary() {
      return members.get(0);
    }

    /** The first annotation named {@code name} on any member. */
    Optional<AnnotationMirror> annotation(String annotationName) {
      for (Element member : members) {
        Optional<AnnotationMirror> found = AnnotationReader.find(member, annotationName);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
  }

  /**
   * What a type serialises as.
   *
   * @param properties the properties, by JSON name in name order
   * @param anyProperties whether it also writes or reads properties it does not name
   *     ({@code @JsonAnyGetter}, {@code @JsonAnySetter})
   * @param jsonValue the {@code @JsonValue} accessor that replaces the object, if any
   */
  record Shape(List<Property> properties, boolean anyProperties, Optional<ExecutableElement> jsonValue) {}

  private static final class Candidate {
    RecordComponentElement component;
    ExecutableElement getter;
    VariableElement field;
    ExecutableElement setter;

    List<Element> members() {
      List<Element> out = new ArrayList<>();
      if (getter != null) {
        out.add(getter);
      }
      if (field != null) {
        out.add(field);
      }
      if (setter != null) {
        out.add(setter);
      }
      if (component != null) {
        out.add(component);
      }
      return out;
    }
  }

  /** The serialised shape of {@code type}, a class or record. */
  Shape shape(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    Map<String, Candidate> byImplicitName = new LinkedHashMap<>();
    boolean any = false;
    ExecutableElement jsonValue = null;
    if (element.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : element.getRecordComponents()) {
        Candidate candidate = byImplicitName.computeIfAbsent(c.getSimpleName().toString(), n -> new Candidate());
        candidate.component = c;
        candidate.getter = c.getAccessor();
      }
    }
    for (TypeElement t = element; t != null; t = superclass(t)) {
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        Set<Modifier> mods = f.getModifiers();
        if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT)) {
          continue;
        }
        if (AnnotationReader.find(f, JSON_ANY_SETTER).isPresent() || AnnotationReader.find(f, JSON_ANY_GETTER).isPresent()) {
          any = true;
          continue;
        }
        Candidate candidate = byImplicitName.computeIfAbsent(f.getSimpleName().toString(), n -> new Candidate());
        if (candidate.field == null) {
          candidate.field = f;
        }
      }
    }
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      Set<Modifier> mods = m.getModifiers();
      TypeElement declaring = (TypeElement) m.getEnclosingElement();
      if (mods.contains(Modifier.STATIC) || !mods.contains(Modifier.PUBLIC)
          || declaring.getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      if (AnnotationReader.find(m, JSON_ANY_GETTER).isPresent() || AnnotationReader.find(m, JSON_ANY_SETTER).isPresent()) {
        any = true;
        continue;
      }
      if (AnnotationReader.find(m, JSON_VALUE).isPresent() && m.getParameters().isEmpty()) {
        jsonValue = m;
        continue;
      }
      String name = m.getSimpleName().toString();
      if (m.getParameters().isEmpty() && m.getReturnType().getKind() != TypeKind.VOID) {
        String implicit = name.startsWith("get") ? beanName(name, 3)
            : name.startsWith("is") && m.getReturnType().getKind() == TypeKind.BOOLEAN ? beanName(name, 2) : null;
        if (implicit != null) {
          Candidate candidate = byImplicitName.computeIfAbsent(implicit, n -> new Candidate());
          if (candidate.getter == null) {
            candidate.getter = m;
          }
        }
      } else if (m.getParameters().size() == 1 && name.startsWith("set")) {
        String implicit = beanName(name, 3);
        if (implicit != null) {
          Candidate candidate = byImplicitName.computeIfAbsent(implicit, n -> new Candidate());
          if (candidate.setter == null) {
            candidate.setter = m;
          }
        }
      }
    }
    Set<String> ignoredNames = ignoredNames(element);
    Map<String, Property> properties = new java.util.TreeMap<>();
    for (Map.Entry<String, Candidate> e : byImplicitName.entrySet()) {
      Candidate c = e.getValue();
      boolean fieldVisible = c.field != null
          && (c.field.getModifiers().contains(Modifier.PUBLIC) || AnnotationReader.find(c.field, JSON_PROPERTY).isPresent());
      if (c.getter == null && !fieldVisible) {
        continue;
      }
      List<Element> members = c.members();
      if (members.stream().anyMatch(JacksonProperties::ignored)) {
        continue;
      }
      String name = explicitName(members).orElse(e.getKey());
      if (ignoredNames.contains(name)) {
        continue;
      }
      TypeMirror propertyType = c.getter != null
          ? ((ExecutableType) types.asMemberOf(type, c.getter)).getReturnType()
          : types.asMemberOf(type, c.field);
      properties.putIfAbsent(name, new Property(name, propertyType, members, element));
    }
    return new Shape(List.copyOf(properties.values()), any, Optional.ofNullable(jsonValue));
  }

  /** Jackson's default bean name: the part after the prefix, its leading upper-case run lowered. */
  private static String beanName(String method, int prefix) {
    if (method.length() <= prefix) {
      return null;
    }
    String rest = method.substring(prefix);
    if (!Character.isUpperCase(rest.charAt(0))) {
      return null;
    }
    int upper = 0;
    while (upper < rest.length() && Character.isUpperCase(rest.charAt(upper))) {
      upper++;
    }
    return rest.substring(0, upper).toLowerCase(Locale.ROOT) + rest.substring(upper);
  }

  private static boolean ignored(Element member) {
    return AnnotationReader.find(member, JSON_IGNORE)
        .map(m -> !Boolean.FALSE.equals(AnnotationReader.value(m, "value").getValue()))
        .orElse(false);
  }

  private static Optional<String> explicitName(List<Element> members) {
    for (Element member : members) {
      Optional<AnnotationMirror> p = AnnotationReader.find(member, JSON_PROPERTY);
      if (p.isPresent()) {
        String value = (String) AnnotationReader.value(p.get(), "value").getValue();
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  private Set<String> ignoredNames(TypeElement element) {
    Set<String> out = new TreeSet<>();
    for (TypeElement t = element; t != null; t = superclass(t)) {
      AnnotationReader.find(t, JSON_IGNORE_PROPERTIES).ifPresent(m -> {
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> names = (List<? extends AnnotationValue>) AnnotationReader.value(m, "value").getValue();
        names.forEach(v -> out.add((String) v.getValue()));
      });
    }
    return out;
  }

  private static TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    if (s.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement e = (TypeElement) ((DeclaredType) s).asElement();
    return e.getQualifiedName().contentEquals("java.lang.Object") ? null : e;
  }
}
