package io.kubegen.runtime.resource;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every failure of a walk over manifests with {@link ResourceBuilder#continueOnError()}, in the
 * order they happened; the message holds each failure's message on its own line. Immutable.
 */
public class ManifestErrors extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ManifestException> errors;

  /** An aggregate of {@code errors} (at least one). */
  public ManifestErrors(List<ManifestException> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
    this.errors.forEach(this::addSuppressed);
  }

  private static String message(List<ManifestException> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an aggregate needs at least one error");
    }
    return errors.size() == 1 ? errors.get(0).getMessage()
        : errors.size() + " errors:\n" + errors.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"));
  }

  /** The failures, in order. */
  public List<ManifestException> errors() { return errors; }
}
