package io.kubegen.crdgen;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a JSON-like tree ({@link Map}s in their iteration order, {@link List}s, strings, booleans
 * and numbers) as block-style YAML with a two-space indent. The output depends on the tree alone:
 * no timestamps, no line folding, and one quoting rule (a string is written plain only when it
 * cannot be read back as anything but that string, else double-quoted with JSON escapes, which YAML
 * 1.1 and 1.2 read alike). Stateless.
 */
final class YamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*( [A-Za-z0-9_./()-]+)*");
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private YamlWriter() {}

  /** One YAML document for {@code root}, ending in a newline. */
  static String write(Map<String, ?> root) {
    StringBuilder out = new StringBuilder();
    mapping(out, root, 0);
    return out.toString();
  }

  private static void mapping(StringBuilder out, Map<String, ?> map, int indent) {
    for (Map.Entry<String, ?> e : map.entrySet()) {
      pad(out, indent);
      out.append(scalar(e.getKey())).append(':');
      value(out, e.getValue(), indent);
    }
  }

  /** Writes {@code value} after {@code key:} of a mapping at {@code indent}. */
  private static void value(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      mapping(out, cast(m), indent + 2);
    } else if (value instanceof List<?> l && !l.isEmpty()) {
      out.append('\n');
      sequence(out, l, indent);
    } else {
      out.append(' ').append(inline(value)).append('\n');
    }
  }

  /** A sequence under a mapping key; items start at the key's indent, as kubectl writes them. */
  private static void sequence(StringBuilder out, List<?> list, int indent) {
    for (Object item : list) {
      pad(out, indent);
      out.append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        Map<String, ?> map = cast(m);
        boolean first = true;
        for (Map.Entry<String, ?> e : map.entrySet()) {
          if (!first) {
            pad(out, indent + 2);
          }
          first = false;
          out.append(scalar(e.getKey())).append(':');
          value(out, e.getValue(), indent + 2);
        }
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        throw new IllegalArgumentException("nested sequences are not written");
      } else {
        out.append(inline(item)).append('\n');
      }
    }
  }

  private static String inline(Object value) {
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException("not a finite number: " + d);
      }
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    if (value instanceof String s) {
      return scalar(s);
    }
    throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName()));
  }

  /** {@code s} plain when that reads back as the same string, else double-quoted. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        case '\r' -> q.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  private static void pad(StringBuilder out, int indent) {
    out.append(" ".repeat(indent));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }
}
