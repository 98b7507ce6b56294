package io.kubegen.crdgen;

import java.util.Map;
import java.util.Optional;

/** Looks up simple JSON paths ({@code .spec.replicas}) in a schema tree. Stateless. */
final class SchemaPaths {
  private SchemaPaths() {}

  /** The schema of the property at {@code path} (dot-separated names), if every step exists. */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> at(Map<String, Object> schema, String path) {
    if (!path.startsWith(".") || path.length() < 2) {
      return Optional.empty();
    }
    Map<String, Object> current = schema;
    for (String segment : path.substring(1).split("\\.", -1)) {
      Object properties = current.get("properties");
      if (!(properties instanceof Map<?, ?> p) || !(p.get(segment) instanceof Map<?, ?> next)) {
        return Optional.empty();
      }
      current = (Map<String, Object>) next;
    }
    return Optional.of(current);
  }
}
