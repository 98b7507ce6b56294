package io.kubegen.runtime.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed field selector: comma-separated {@code path=value}, {@code path==value} and
 * {@code path!=value} terms, all required, such as {@code metadata.name=foo,status.phase!=Running}.
 * A backslash escapes {@code ,}, {@code =}, {@code !} and itself in values. A missing field
 * reads as the empty string, as in Kubernetes. Immutable and thread-safe.
 */
public final class FieldSelector {
  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) { this.terms = List.copyOf(terms); }

  /** The selector that matches every object. */
  public static FieldSelector everything() { return EVERYTHING; }

  /**
   * Parses a field selector; {@code ""} (or null) matches everything.
   *
   * @throws LabelSelectorParseException naming the position of the first error
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= selector.length(); i++) {
      if (i == selector.length() || (selector.charAt(i) == ',' && !escaped(selector, i))) {
        terms.add(term(selector, start, i));
        start = i + 1;
      }
    }
    return new FieldSelector(terms);
  }

  private static Term term(String s, int from, int to) {
    String text = s.substring(from, to);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped(text, i)) {
        continue;
      }
      if (c == '!' && text.startsWith("!=", i)) {
        return new Term(field(text.substring(0, i), s, from), false, unescape(text.substring(i + 2)));
      }
      if (c == '=') {
        int valueAt = text.startsWith("==", i) ? i + 2 : i + 1;
        return new Term(field(text.substring(0, i), s, from), true, unescape(text.substring(valueAt)));
      }
    }
    throw new LabelSelectorParseException("expected 'field=value', 'field==value' or 'field!=value'", from, s);
  }

  private static String field(String field, String input, int at) {
    String trimmed = field.trim();
    if (trimmed.isEmpty()) {
      throw new LabelSelectorParseException("missing field name", at, input);
    }
    return trimmed;
  }

  private static boolean escaped(String s, int i) {
    int backslashes = 0;
    for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static String unescape(String v) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        c = v.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace("!", "\\!");
  }

  /** Whether every term holds, reading field values through {@code fieldValue} (null reads as ""). */
  public boolean matches(Function<String, String> fieldValue) {
    for (Term t : terms) {
      String actual = fieldValue.apply(t.field());
      boolean equal = (actual == null ? "" : actual).equals(t.value());
      if (equal != t.equals()) {
        return false;
      }
    }
    return true;
  }

  /** The terms in order. */
  public List<Term> terms() { return terms; }

  /** Whether this selector matches everything. */
  public boolean isEmpty() { return terms.isEmpty(); }

  @Override
  public String toString() {
    return terms.stream().map(t -> t.field() + (t.equals() ? "=" : "!=") + escape(t.value()))
        .collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) { return o instanceof FieldSelector f && terms.equals(f.terms); }

  @Override
  public int hashCode() { return terms.hashCode(); }

  /**
   * One term.
   *
   * @param field the dotted field path, such as {@code metadata.name}
   * @param equals true for {@code =}/{@code ==}, false for {@code !=}
   * @param value the value compared with
   */
  public record Term(String field, boolean equals, String value) {}
}
