package io.kubegen.gen.processing;

import io.kubegen.annotations.Verb;
import io.kubegen.gen.processing.ResourceAnnotations.GroupVersionAnnotation;
import io.kubegen.gen.processing.ResourceAnnotations.IndexAnnotation;
import io.kubegen.gen.processing.ResourceAnnotations.MethodAnnotation;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @GenClient} type against every rule of a resource type and returns all its
 * problems at once (see {@link Diagnostic} for the rules). Used on javac's processing thread.
 */
public final class ResourceValidator {
  /** The interface every resource type implements. */
  public static final String KUBERNETES_OBJECT = "io.kubegen.runtime.api.KubernetesObject";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][a-z0-9]*");
  private static final Set<Verb> METHOD_VERBS =
      EnumSet.of(Verb.GET, Verb.CREATE, Verb.UPDATE, Verb.PATCH, Verb.LIST, Verb.DELETE);
  /** Names of the standard typed-client methods, which extra methods must not reuse. */
  public static final Set<String> CLIENT_METHOD_NAMES = Set.of("create", "update", "updateStatus", "delete",
      "deleteCollection", "get", "list", "watch", "patch", "apply", "applyStatus");
  /** Names of the standard lister methods, which index names must not reuse. */
  public static final Set<String> LISTER_METHOD_NAMES = Set.of("list", "get");

  private final Types types;
  private final Properties properties;
  private final PropertyResolver paths;

  /** A validator over the compiler's types and elements. */
  public ResourceValidator(Types types, Elements elements) {
    this.types = types;
    this.properties = new Properties(elements);
    this.paths = new PropertyResolver(types, elements);
  }

  /** Every problem of the type read into {@code a}. */
  public ValidationReport validate(ResourceAnnotations a) {
    ValidationReport report = new ValidationReport();
    TypeElement type = a.type();
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      return report.error(type, Diagnostic.NOT_A_CLASS, type.getSimpleName(), describe(type.getKind()));
    }
    checkShape(type, report);
    checkGroupVersion(a, report);
    checkNames(a, report);
    boolean hasStatus = !a.noStatus() && properties.has(type, "status");
    for (VerbResolver.Conflict c : VerbResolver.conflicts(a, hasStatus)) {
      report.error(type, a.genClient(), a.value(c.attribute()), Diagnostic.VERB_CONFLICT, type.getSimpleName(),
          c.message());
    }
    Set<Verb> verbs = VerbResolver.resolve(a, hasStatus);
    checkMethods(a, report);
    checkIndexes(a, verbs, report);
    return report;
  }

  private void checkShape(TypeElement type, ValidationReport report) {
    Name name = new Name(type);
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        report.error(type, Diagnostic.NOT_PUBLIC, name);
        break;
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(type, Diagnostic.INNER_CLASS, name);
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(type, Diagnostic.ABSTRACT_TYPE, name);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(type, Diagnostic.GENERIC_TYPE, name);
    }
    if (!implementsKubernetesObject(type.asType())) {
      report.error(type, Diagnostic.NOT_A_RESOURCE, name);
    } else if (!hasWritableMetadata(type)) {
      report.error(type, Diagnostic.MISSING_METADATA, name);
    }
    if (type.getKind() == ElementKind.CLASS && !type.getModifiers().contains(Modifier.ABSTRACT)
        && !hasPublicNoArgConstructor(type)) {
      report.error(type, Diagnostic.NO_DEFAULT_CONSTRUCTOR, name);
    }
  }

  private void checkGroupVersion(ResourceAnnotations a, ValidationReport report) {
    GroupVersionAnnotation gv = a.groupVersion();
    if (gv == null) {
      report.error(a.type(), Diagnostic.MISSING_GROUP_VERSION, a.type().getSimpleName());
      return;
    }
    if (!isGroup(gv.group())) {
      report.error(gv.owner(), gv.mirror(), gv.value("group"), Diagnostic.INVALID_GROUP, gv.group());
    }
    if (!VERSION.matcher(gv.version()).matches()) {
      report.error(gv.owner(), gv.mirror(), gv.value("version"), Diagnostic.INVALID_VERSION, gv.version());
    }
  }

  private void checkNames(ResourceAnnotations a, ValidationReport report) {
    TypeElement type = a.type();
    if (!a.kind().isEmpty() && !KIND.matcher(a.kind()).matches()) {
      report.error(type, a.genClient(), a.value("kind"), Diagnostic.INVALID_KIND, a.kind());
    } else if (a.kind().isEmpty() && !KIND.matcher(type.getSimpleName()).matches()) {
      report.error(type, a.genClient(), null, Diagnostic.INVALID_KIND, type.getSimpleName());
    }
    if (!a.plural().isEmpty() && !RESOURCE_NAME.matcher(a.plural()).matches()) {
      report.error(type, a.genClient(), a.value("plural"), Diagnostic.INVALID_PLURAL, a.plural());
    }
  }

  private void checkMethods(ResourceAnnotations a, ValidationReport report) {
    Set<String> seen = new HashSet<>();
    for (MethodAnnotation m : a.methods()) {
      String problem = methodProblem(m, seen);
      if (problem != null) {
        report.error(a.type(), m.mirror(), null, Diagnostic.INVALID_METHOD, m.name(), problem);
      }
    }
  }

  private String methodProblem(MethodAnnotation m, Set<String> seen) {
    if (!SourceVersion.isIdentifier(m.name()) || SourceVersion.isKeyword(m.name())) {
      return "the name is not a Java method name";
    }
    if (CLIENT_METHOD_NAMES.contains(m.name()) || !seen.add(m.name())) {
      return "the name clashes with another method of the client; choose another name";
    }
    if (!METHOD_VERBS.contains(m.verb())) {
      return "verb " + m.verb() + " is not supported for extra methods; use GET, CREATE, UPDATE, PATCH, LIST or DELETE";
    }
    boolean hasSub = !m.subresource().isEmpty();
    if (hasSub && !RESOURCE_NAME.matcher(m.subresource()).matches()) {
      return "subresource \"" + m.subresource() + "\" is not a lower-case resource name";
    }
    if (m.verb() == Verb.LIST && hasSub) {
      return "LIST goes to the collection and takes no subresource";
    }
    if (m.verb() != Verb.LIST && !hasSub) {
      return m.verb() + " without a subresource repeats the standard " + m.verb().name().toLowerCase()
          + " verb; name the subresource, such as subresource = \"scale\"";
    }
    if ((m.verb() == Verb.PATCH || m.verb() == Verb.LIST) && m.result().getKind() != TypeKind.VOID) {
      return m.verb() + " returns the resource itself; leave result unset";
    }
    boolean hasInput = m.input().getKind() != TypeKind.VOID;
    if (hasInput && m.verb() != Verb.CREATE && m.verb() != Verb.UPDATE) {
      return "only CREATE and UPDATE send a body, so input must not be set for " + m.verb();
    }
    String inputProblem = typeProblem("input", m.input());
    if (inputProblem != null) {
      return inputProblem;
    }
    return typeProblem("result", m.result());
  }

  private static String typeProblem(String attribute, TypeMirror t) {
    if (t.getKind() == TypeKind.VOID) {
      return null;
    }
    if (t.getKind() != TypeKind.DECLARED) {
      return attribute + " " + t + " is not a class";
    }
    if (!((TypeElement) ((DeclaredType) t).asElement()).getTypeParameters().isEmpty()) {
      return attribute + " " + t + " is generic; use a non-generic class";
    }
    return null;
  }

  private void checkIndexes(ResourceAnnotations a, Set<Verb> verbs, ValidationReport report) {
    Set<String> seen = new HashSet<>();
    boolean listWatch = verbs.contains(Verb.LIST) && verbs.contains(Verb.WATCH);
    for (IndexAnnotation index : a.indexes()) {
      String nameProblem = !SourceVersion.isIdentifier(index.name()) || SourceVersion.isKeyword(index.name())
          ? "it is not a Java method name"
          : LISTER_METHOD_NAMES.contains(index.name()) ? "it clashes with a lister method; choose another name"
          : !seen.add(index.name()) ? "another @GenIndex has the same name" : null;
      if (nameProblem != null) {
        report.error(a.type(), index.mirror(), index.value("name"), Diagnostic.INVALID_INDEX, index.name(),
            a.type().getSimpleName(), nameProblem);
      }
      PropertyResolver.Resolution r = paths.resolve(a.type(), index.path());
      if (!r.resolved()) {
        report.error(a.type(), index.mirror(), index.value("path"), Diagnostic.INDEX_PATH, index.path(),
            a.type().getSimpleName(), r.error());
      }
      if (!listWatch) {
        report.error(a.type(), index.mirror(), null, Diagnostic.INDEX_NEEDS_LIST_WATCH, index.name(),
            a.type().getSimpleName());
      }
    }
  }

  private boolean implementsKubernetesObject(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    if (((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(KUBERNETES_OBJECT)) {
      return true;
    }
    for (TypeMirror s : types.directSupertypes(t)) {
      if (implementsKubernetesObject(s)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasWritableMetadata(TypeElement type) {
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : type.getRecordComponents()) {
        if (c.getSimpleName().contentEquals("metadata")) {
          return true;
        }
      }
      return false;
    }
    return properties.hasSetter(type, "setMetadata") || properties.hasField(type, "metadata");
  }

  private static boolean hasPublicNoArgConstructor(TypeElement type) {
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGroup(String group) {
    if (group.isEmpty()) {
      return true;
    }
    if (group.length() > 253) {
      return false;
    }
    for (String label : group.split("\\.", -1)) {
      if (label.length() > 63 || !DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String describe(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase();
    };
  }

  /** Prints a type as its canonical name in messages. */
  private record Name(TypeElement type) {
    @Override
    public String toString() {
      return type.getQualifiedName().toString();
    }
  }
}
