package io.kubegen.gen.processing;

import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ExtraMethod;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.Pluraliser;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.model.TypeRef;
import io.kubegen.gen.processing.ResourceAnnotations.IndexAnnotation;
import io.kubegen.gen.processing.ResourceAnnotations.MethodAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @GenClient} type into a {@link ResourceDescriptor}: the annotations through
 * {@link AnnotationReader}, every per-type rule through {@link ResourceValidator}, then the
 * descriptor with its resolved verbs and index chains. Used on javac's processing thread.
 */
public final class ResourceModelReader {
  private final Elements elements;
  private final AnnotationReader annotations;
  private final ResourceValidator validator;
  private final Properties properties;
  private final PropertyResolver paths;

  /** A reader over the compiler's elements and types. */
  public ResourceModelReader(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.annotations = new AnnotationReader(elements);
    this.validator = new ResourceValidator(env.getTypeUtils(), elements);
    this.properties = new Properties(elements);
    this.paths = new PropertyResolver(env.getTypeUtils(), elements);
  }

  /**
   * The result of reading one type: a descriptor, or the problems that prevent one.
   *
   * @param descriptor the descriptor, or null when the report has problems
   * @param report every problem found (empty when the descriptor is there)
   */
  public record Result(ResourceDescriptor descriptor, ValidationReport report) {
    /** Whether the type is valid. */
    public boolean isValid() {
      return descriptor != null;
    }
  }

  /** Reads and validates {@code type}, which carries {@code @GenClient}. */
  public Result read(TypeElement type) {
    ResourceAnnotations a = annotations.read(type);
    ValidationReport report = validator.validate(a);
    if (!report.isClean()) {
      return new Result(null, report);
    }
    return new Result(describe(a), report);
  }

  private ResourceDescriptor describe(ResourceAnnotations a) {
    TypeElement type = a.type();
    String kind = a.kind().isEmpty() ? type.getSimpleName().toString() : a.kind();
    String plural = a.plural().isEmpty() ? Pluraliser.resourceName(kind) : a.plural();
    boolean hasStatus = !a.noStatus() && properties.has(type, "status");
    TypeRef self = typeRef(type);
    List<ExtraMethod> methods = new ArrayList<>();
    for (MethodAnnotation m : a.methods()) {
      methods.add(new ExtraMethod(m.name(), m.verb(), m.subresource(), typeRefOr(m.input(), self),
          typeRefOr(m.result(), self)));
    }
    List<IndexDescriptor> indexes = new ArrayList<>();
    for (IndexAnnotation i : a.indexes()) {
      indexes.add(new IndexDescriptor(i.name(), i.path(), paths.resolve(type, i.path()).steps()));
    }
    return new ResourceDescriptor(type, self,
        new ApiGroupVersion(a.groupVersion().group(), a.groupVersion().version()), kind, plural,
        a.namespaced(), hasStatus, VerbResolver.resolve(a, hasStatus), methods, indexes);
  }

  private static TypeRef typeRefOr(TypeMirror t, TypeRef otherwise) {
    return t.getKind() == TypeKind.VOID ? otherwise : typeRef((TypeElement) ((DeclaredType) t).asElement());
  }

  /** The {@link TypeRef} of a declared type, nested types included. */
  public static TypeRef typeRef(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element e = type;
    while (e instanceof TypeElement t) {
      names.add(0, t.getSimpleName().toString());
      e = t.getEnclosingElement();
    }
    String pkg = Objects.requireNonNull(e).getKind().isClass() ? "" : packageName(e);
    return new TypeRef(pkg, names);
  }

  private static String packageName(Element e) {
    return e instanceof javax.lang.model.element.PackageElement p ? p.getQualifiedName().toString() : "";
  }
}
