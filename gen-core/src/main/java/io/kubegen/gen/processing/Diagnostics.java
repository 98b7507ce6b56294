package io.kubegen.gen.processing;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints kubegen's diagnostics through the compiler's {@link Messager}.
 *
 * <p>client-gen, lister-gen and informer-gen validate the same types; when they run in one
 * compilation (they share one {@code Messager}) each problem is printed once, by whichever
 * processor reports it first. Thread-safe, though processors call it from javac's one thread.
 */
public final class Diagnostics {
  /** Messages already printed, per compilation (keyed weakly by its messager). */
  private static final Map<Messager, Set<String>> PRINTED = Collections.synchronizedMap(new WeakHashMap<>());

  private final Messager messager;
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
    error(p.element(), p.annotation(), p.value(), p.message());
  }

  /** Prints an error from the catalogue on {@code element}. */
  public void error(Element element, Diagnostic diagnostic, Object... args) {
    error(element, null, null, diagnostic.format(args));
  }

  /** Prints an error from the catalogue that belongs to no element (such as a failed write). */
  public void error(Diagnostic diagnostic, Object... args) {
    String message = diagnostic.format(args);
    errors = true;
    if (printed().add("|" + message)) {
      messager.printMessage(Kind.ERROR, message);
    }
  }

  /** Whether this instance printed (or would have printed, if not a duplicate) an error. */
  public boolean hasErrors() {
    return errors;
  }

  private Set<String> printed() {
    synchronized (PRINTED) {
      return PRINTED.computeIfAbsent(messager, m -> Collections.synchronizedSet(new HashSet<>()));
    }
  }

  private void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    errors = true;
    String key = element + "|" + annotation + "|" + value + "|" + message;
    if (!printed().add(key)) {
      return;
    }
    if (value != null) {
      messager.printMessage(Kind.ERROR, message, element, annotation, value);
    } else if (annotation != null) {
      messager.printMessage(Kind.ERROR, message, element, annotation);
    } else {
      messager.printMessage(Kind.ERROR, message, element);
    }
  }
}
