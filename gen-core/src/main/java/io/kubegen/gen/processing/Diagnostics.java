package io.kubegen.gen.processing;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints kubegen's diagnostics through the compiler's {@link Messager}, each distinct message once
 * per instance: the one {@link KubegenProcessor} of a compilation owns one, so a rule that two
 * generator steps apply (such as the lister index names) is still printed once. No state is
 * shared between instances. Used on javac's processing thread only.
 */
public final class Diagnostics {
  private final Messager messager;
  private final Set<String> printed = new HashSet<>();
  private boolean errors;

  /** Diagnostics printed through {@code messager}. */
  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Prints every problem of {@code report} as an error; true if there was any. */
  public boolean report(ValidationReport report) {
    report.problems().forEach(this::print);
    return !report.isClean();
  }

  /** Prints one problem as an error. */
  public void print(Problem p) {
    print(Kind.ERROR, p.element(), p.annotation(), p.value(), p.message());
  }

  /** Prints an error from the catalogue on {@code element}. */
  public void error(Element element, Diagnostic diagnostic, Object... args) {
    print(Kind.ERROR, element, null, null, diagnostic.format(args));
  }

  /** Prints an error from the catalogue that belongs to no element (such as a failed write). */
  public void error(Diagnostic diagnostic, Object... args) {
    print(Kind.ERROR, null, null, null, diagnostic.format(args));
  }

  /** Prints an already formatted message of the catalogue as an error that belongs to no element. */
  public void error(String message) {
    print(Kind.ERROR, null, null, null, message);
  }

  /** Prints a warning from the catalogue that belongs to no element. */
  public void warning(Diagnostic diagnostic, Object... args) {
    print(Kind.WARNING, null, null, null, diagnostic.format(args));
  }

  /** Whether this instance printed (or would have printed, if not a duplicate) an error. */
  public boolean hasErrors() {
    return errors;
  }

  private void print(Kind kind, Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    if (kind == Kind.ERROR) {
      errors = true;
    }
    if (!printed.add(kind + "|" + element + "|" + annotation + "|" + value + "|" + message)) {
      return;
    }
    if (element == null) {
      messager.printMessage(kind, message);
    } else if (value != null) {
      messager.printMessage(kind, message, element, annotation, value);
    } else if (annotation != null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element);
    }
  }
}
