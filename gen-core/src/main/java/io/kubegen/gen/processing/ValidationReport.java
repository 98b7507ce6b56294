package io.kubegen.gen.processing;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The problems found for one element, collected so they are reported together and generation is
 * skipped for that element only. Not thread-safe; one per validated element.
 */
public final class ValidationReport {
  private final List<Problem> problems = new ArrayList<>();

  /** Adds a problem on {@code element}. */
  public ValidationReport error(Element element, Diagnostic diagnostic, Object... args) {
    return error(element, null, null, diagnostic, args);
  }

  /** Adds a problem on an annotation (and value, may be null) of {@code element}. */
  public ValidationReport error(Element element, AnnotationMirror annotation, AnnotationValue value,
      Diagnostic diagnostic, Object... args) {
    problems.add(new Problem(diagnostic, diagnostic.format(args), element, annotation, value));
    return this;
  }

  /** Adds every problem of {@code other}. */
  public ValidationReport addAll(ValidationReport other) {
    problems.addAll(other.problems);
    return this;
  }

  /** Whether nothing is wrong. */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /** The problems in the order found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
