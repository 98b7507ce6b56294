package io.kubegen.apiserver.internal;

import io.kubegen.apiserver.ResourceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one write request asked for with {@code fieldValidation}, and the unknown fields pruning
 * found: {@code Ignore} drops them silently, {@code Warn} (the default) drops them and answers
 * with a {@code Warning} header per field, {@code Strict} refuses the request with 400
 * BadRequest, as kube-apiserver does. One instance per request; not thread-safe.
 */
final class UnknownFields {
  enum Mode { IGNORE, WARN, STRICT }

  private final Mode mode;
  private final Set<String> warnings = new LinkedHashSet<>();

  private UnknownFields(Mode mode) { this.mode = mode; }

  /** The mode a {@code fieldValidation} query parameter names; absent means Warn. */
  static UnknownFields of(String fieldValidation) {
    if (fieldValidation == null || fieldValidation.isEmpty()) {
      return new UnknownFields(Mode.WARN);
    }
    return switch (fieldValidation) {
      case "Ignore" -> new UnknownFields(Mode.IGNORE);
      case "Warn" -> new UnknownFields(Mode.WARN);
      case "Strict" -> new UnknownFields(Mode.STRICT);
      default -> throw ApiException.badRequest("fieldValidation: Unsupported value: \"" + fieldValidation
          + "\": supported values: \"Ignore\", \"Warn\", \"Strict\"");
    };
  }

  /** Drops unknown fields without a word (writes from inside the server). */
  static UnknownFields ignore() { return new UnknownFields(Mode.IGNORE); }

  /** Records the fields pruning dropped from an object of {@code def}; throws 400 in Strict mode. */
  void dropped(ResourceDefinition def, List<String> paths) {
    if (paths.isEmpty() || mode == Mode.IGNORE) {
      return;
    }
    List<String> messages = new ArrayList<>();
    for (String p : paths) {
      messages.add("unknown field " + FieldError.quote(p));
    }
    if (mode == Mode.STRICT) {
      throw ApiException.badRequest(def.kind() + " in version " + FieldError.quote(def.version())
          + " cannot be handled as a " + def.kind() + ": strict decoding error: " + String.join(", ", messages));
    }
    warnings.addAll(messages);
  }

  /** The warnings to send, in the order found. */
  List<String> warnings() { return List.copyOf(warnings); }
}
