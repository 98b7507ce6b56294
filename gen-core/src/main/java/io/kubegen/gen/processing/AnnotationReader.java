package io.kubegen.gen.processing;

import io.kubegen.annotations.Verb;
import io.kubegen.gen.processing.ResourceAnnotations.GroupVersionAnnotation;
import io.kubegen.gen.processing.ResourceAnnotations.IndexAnnotation;
import io.kubegen.gen.processing.ResourceAnnotations.MethodAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The one place that reads kubegen's annotations, through annotation mirrors (so class values
 * and types from other modules work without loading classes). Stateless apart from the
 * compiler's {@link Elements}; used on javac's processing thread.
 */
public final class AnnotationReader {
  /** {@code io.kubegen.annotations.GenClient}. */
  public static final String GEN_CLIENT = "io.kubegen.annotations.GenClient";
  /** {@code io.kubegen.annotations.GroupVersion}. */
  public static final String GROUP_VERSION = "io.kubegen.annotations.GroupVersion";
  private static final String METHOD = GEN_CLIENT + ".Method";
  private static final String METHODS = GEN_CLIENT + ".Methods";
  private static final String GEN_INDEX = "io.kubegen.annotations.GenIndex";
  private static final String GEN_INDEX_LIST = GEN_INDEX + ".List";

  private final Elements elements;

  /** A reader over the compiler's elements. */
  public AnnotationReader(Elements elements) {
    this.elements = elements;
  }

  /** Whether {@code element} carries {@code @GenClient}. */
  public static boolean hasGenClient(Element element) {
    return find(element, GEN_CLIENT).isPresent();
  }

  /** Reads the annotations of a {@code @GenClient} type. */
  public ResourceAnnotations read(TypeElement type) {
    AnnotationMirror genClient = find(type, GEN_CLIENT)
        .orElseThrow(() -> new IllegalArgumentException(type + " has no @GenClient"));
    List<MethodAnnotation> methods = new ArrayList<>();
    for (AnnotationMirror m : nestedMirrors(genClient, "methods")) {
      methods.add(method(m));
    }
    for (AnnotationMirror m : repeated(type, METHOD, METHODS)) {
      methods.add(method(m));
    }
    List<IndexAnnotation> indexes = new ArrayList<>();
    for (AnnotationMirror m : repeated(type, GEN_INDEX, GEN_INDEX_LIST)) {
      indexes.add(new IndexAnnotation(m, string(m, "name"), string(m, "path")));
    }
    return new ResourceAnnotations(type, genClient, groupVersion(type),
        string(genClient, "kind"), string(genClient, "plural"), bool(genClient, "namespaced"),
        bool(genClient, "noStatus"), bool(genClient, "readonly"), bool(genClient, "noVerbs"),
        verbs(genClient, "onlyVerbs"), verbs(genClient, "skipVerbs"), methods, indexes);
  }

  /** The effective {@code @GroupVersion}: the type's, else its package's; null if neither. */
  public GroupVersionAnnotation groupVersion(TypeElement type) {
    Optional<AnnotationMirror> own = find(type, GROUP_VERSION);
    Element owner = type;
    if (own.isEmpty()) {
      PackageElement pkg = elements.getPackageOf(type);
      own = find(pkg, GROUP_VERSION);
      owner = pkg;
    }
    if (own.isEmpty()) {
      return null;
    }
    AnnotationMirror m = own.get();
    return new GroupVersionAnnotation(owner, m, string(m, "group"), string(m, "version"));
  }

  private MethodAnnotation method(AnnotationMirror m) {
    return new MethodAnnotation(m, string(m, "name"), verb(value(m, "verb")), string(m, "subresource"),
        (TypeMirror) value(m, "input").getValue(), (TypeMirror) value(m, "result").getValue());
  }

  /** Direct annotations named {@code single} plus those inside the container {@code container}. */
  private static List<AnnotationMirror> repeated(Element element, String single, String container) {
    List<AnnotationMirror> out = new ArrayList<>();
    find(element, single).ifPresent(out::add);
    find(element, container).ifPresent(c -> out.addAll(nestedMirrors(c, "value")));
    return out;
  }

  private static List<AnnotationMirror> nestedMirrors(AnnotationMirror m, String attribute) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (Object o : list(m, attribute)) {
      out.add((AnnotationMirror) ((AnnotationValue) o).getValue());
    }
    return out;
  }

  /** The annotation on {@code element} whose type has the canonical name {@code name}. */
  public static Optional<AnnotationMirror> find(Element element, String name) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement t = (TypeElement) m.getAnnotationType().asElement();
      if (t.getQualifiedName().contentEquals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value of {@code attribute}, with the declared default when not written. */
  public static AnnotationValue value(AnnotationMirror m, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : withDefaults(m).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException(m + " has no attribute " + attribute);
  }

  private static Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults(AnnotationMirror m) {
    Map<ExecutableElement, AnnotationValue> out = new java.util.LinkedHashMap<>();
    TypeElement type = (TypeElement) m.getAnnotationType().asElement();
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof ExecutableElement method && method.getDefaultValue() != null) {
        out.put(method, method.getDefaultValue());
      }
    }
    out.putAll(m.getElementValues());
    return out;
  }

  private static String string(AnnotationMirror m, String attribute) {
    return (String) value(m, attribute).getValue();
  }

  private static boolean bool(AnnotationMirror m, String attribute) {
    return (Boolean) value(m, attribute).getValue();
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> list(AnnotationMirror m, String attribute) {
    return (List<? extends AnnotationValue>) value(m, attribute).getValue();
  }

  private static List<Verb> verbs(AnnotationMirror m, String attribute) {
    List<Verb> out = new ArrayList<>();
    for (AnnotationValue v : list(m, attribute)) {
      out.add(verb(v));
    }
    return out;
  }

  private static Verb verb(AnnotationValue v) {
    return Verb.valueOf(((VariableElement) v.getValue()).getSimpleName().toString());
  }
}
