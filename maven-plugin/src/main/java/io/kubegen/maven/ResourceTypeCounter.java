package io.kubegen.maven;

import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A processor that only observes: it records the qualified names of the types annotated with
 * {@code @GenClient} so the plugin can report how many resource types it generated for. It
 * never claims the annotation, so the generators after it see the same elements.
 *
 * <p>Used by one compilation at a time.
 */
final class ResourceTypeCounter extends AbstractProcessor {

  static final String GEN_CLIENT = "io.kubegen.annotations.GenClient";

  private final Set<String> types = new TreeSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(GEN_CLIENT);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement genClient = processingEnv.getElementUtils().getTypeElement(GEN_CLIENT);
    if (genClient != null) {
      for (Element element : round.getElementsAnnotatedWith(genClient)) {
        if (element instanceof TypeElement type) {
          types.add(type.getQualifiedName().toString());
        }
      }
    }
    return false;
  }

  /** The annotated types seen so far, sorted. */
  Set<String> types() {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(types));
  }
}
