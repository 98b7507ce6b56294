package io.kubegen.gen.processing;

import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One problem found in the user's model, with the place to report it: the element, and when
 * known the annotation and the annotation value that are wrong.
 *
 * @param diagnostic the catalogue entry
 * @param message the full message, starting with {@code [kubegen.xxx]}
 * @param element the element to point at
 * @param annotation the annotation to point at, or null
 * @param value the annotation value to point at, or null
 */
public record Problem(Diagnostic diagnostic, String message, Element element, AnnotationMirror annotation,
    AnnotationValue value) {

  public Problem {
    Objects.requireNonNull(diagnostic, "diagnostic");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(element, "element");
  }
}
