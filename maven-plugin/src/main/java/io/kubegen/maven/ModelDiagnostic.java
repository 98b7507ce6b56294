package io.kubegen.maven;

import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One message from the compiler or a processor, flattened for the Maven log: where it points
 * ({@code /path/Foo.java:12}, or empty when it has no source position, as for types read from
 * class files) and the message text, which carries kubegen's {@code [kubegen.xxx]} id.
 *
 * @param kind error, warning or note
 * @param location {@code file:line}, or {@code ""}
 * @param message the message text
 */
record ModelDiagnostic(Diagnostic.Kind kind, String location, String message) {

  /** Flattens a javac diagnostic. */
  static ModelDiagnostic of(Diagnostic<? extends JavaFileObject> diagnostic) {
    String location = "";
    JavaFileObject source = diagnostic.getSource();
    if (source != null) {
      String path = source.toUri().getScheme() != null && source.toUri().getScheme().equals("file")
          ? java.nio.file.Path.of(source.toUri()).toString()
          : source.getName();
      location = diagnostic.getLineNumber() == Diagnostic.NOPOS
          ? path
          : path + ":" + diagnostic.getLineNumber();
    }
    return new ModelDiagnostic(diagnostic.getKind(), location, diagnostic.getMessage(Locale.ROOT));
  }

  /** Whether this is an error. */
  boolean isError() {
    return kind == Diagnostic.Kind.ERROR;
  }

  /** Whether this is a warning of any kind. */
  boolean isWarning() {
    return kind == Diagnostic.Kind.WARNING || kind == Diagnostic.Kind.MANDATORY_WARNING;
  }

  /** {@code location: message}, or the message alone. */
  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
