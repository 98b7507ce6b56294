package io.kubegen.runtime.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A parsed Kubernetes label selector with the full grammar: {@code key=value},
 * {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)},
 * {@code key} (exists), {@code !key} (does not exist), and {@code key>n} / {@code key<n},
 * comma-separated and all required. Immutable and thread-safe.
 *
 * <p>{@link #toString()} gives the canonical form (requirements sorted by key, set values
 * sorted), which parses back to an equal selector.
 */
public final class LabelSelector {
  private static final LabelSelector EVERYTHING = new LabelSelector(List.of());
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    this.requirements = List.copyOf(sorted);
  }

  /** The selector that matches every label set; its string form is {@code ""}. */
  public static LabelSelector everything() { return EVERYTHING; }

  /**
   * Parses a selector string; {@code ""} (or null) matches everything.
   *
   * @throws LabelSelectorParseException naming the position of the first error
   */
  public static LabelSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    return new LabelSelector(new Parser(selector).parse());
  }

  /** A selector requiring each key to equal its value (client-go's {@code SelectorFromSet}). */
  public static LabelSelector of(Map<String, String> labels) {
    List<Requirement> reqs = new ArrayList<>();
    labels.forEach((k, v) -> reqs.add(new Requirement(k, Operator.EQUALS, List.of(v))));
    reqs.forEach(LabelSelector::validate);
    return new LabelSelector(reqs);
  }

  /** Whether every requirement holds for {@code labels} (null means no labels). */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> set = labels == null ? Map.of() : labels;
    for (Requirement r : requirements) {
      if (!r.matches(set)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector has no requirements and so matches everything. */
  public boolean isEmpty() { return requirements.isEmpty(); }

  /** The requirements, sorted by key. */
  public List<Requirement> requirements() { return requirements; }

  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector s && requirements.equals(s.requirements);
  }

  @Override
  public int hashCode() { return requirements.hashCode(); }

  /** Selector operators. */
  public enum Operator {
    EQUALS("="), DOUBLE_EQUALS("=="), NOT_EQUALS("!="), IN(" in "), NOT_IN(" notin "),
    EXISTS(""), DOES_NOT_EXIST("!"), GREATER_THAN(">"), LESS_THAN("<");

    private final String symbol;

    Operator(String symbol) { this.symbol = symbol; }
  }

  /**
   * One requirement: a key, an operator and its values (sorted; empty for exists/does-not-exist).
   *
   * @param key the label key
   * @param operator the operator
   * @param values the values, sorted
   */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(new TreeSet<>(values));
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      boolean has = labels.containsKey(key);
      return switch (operator) {
        case EQUALS, DOUBLE_EQUALS, IN -> has && values.contains(value);
        case NOT_EQUALS, NOT_IN -> !has || !values.contains(value);
        case EXISTS -> has;
        case DOES_NOT_EXIST -> !has;
        case GREATER_THAN, LESS_THAN -> has && compares(value);
      };
    }

    private boolean compares(String value) {
      try {
        long actual = Long.parseLong(value);
        long bound = Long.parseLong(values.get(0));
        return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return switch (operator) {
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
        case IN, NOT_IN -> key + operator.symbol + "(" + String.join(",", values) + ")";
        default -> key + operator.symbol + values.get(0);
      };
    }
  }

  private static void validate(Requirement r) {
    validateKey(r.key(), -1, r.key());
    for (String v : r.values()) {
      if (!v.isEmpty() && (v.length() > 63 || !NAME.matcher(v).matches())) {
        throw new LabelSelectorParseException("invalid label value \"" + v
            + "\": at most 63 characters, alphanumerics, '-', '_' or '.', starting and ending alphanumeric", -1, v);
      }
    }
  }

  private static void validateKey(String key, int position, String input) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        throw new LabelSelectorParseException("invalid label key \"" + key
            + "\": the prefix must be a DNS subdomain", position, input);
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      throw new LabelSelectorParseException("invalid label key \"" + key
          + "\": the name must be 1-63 characters, alphanumerics, '-', '_' or '.', starting and ending alphanumeric",
          position, input);
    }
  }

  /** Recursive-descent parser over a small lexer, after apimachinery's labels parser. */
  private static final class Parser {
    private final String input;
    private int pos;

    Parser(String input) { this.input = input; }

    List<Requirement> parse() {
      List<Requirement> out = new ArrayList<>();
      while (true) {
        out.add(requirement());
        skipSpace();
        if (pos == input.length()) {
          return out;
        }
        expect(",");
      }
    }

    private Requirement requirement() {
      skipSpace();
      if (peekSymbol("!") && !peekSymbol("!=")) {
        pos++;
        int keyAt = pos;
        String key = identifier("a label key after '!'");
        validateKey(key, keyAt, input);
        skipSpace();
        if (pos < input.length() && input.charAt(pos) != ',') {
          throw error("expected ',' or end of selector after '!" + key + "'");
        }
        return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
      }
      int keyAt = skipSpaceAndMark();
      String key = identifier("a label key");
      validateKey(key, keyAt, input);
      skipSpace();
      if (pos == input.length() || input.charAt(pos) == ',') {
        return new Requirement(key, Operator.EXISTS, List.of());
      }
      Operator op = operator();
      Requirement r;
      if (op == Operator.IN || op == Operator.NOT_IN) {
        r = new Requirement(key, op, valueSet());
        if (r.values().isEmpty()) {
          throw error("'" + op.symbol.trim() + "' needs at least one value");
        }
      } else {
        skipSpace();
        int valueAt = pos;
        String value = pos == input.length() || input.charAt(pos) == ',' ? "" : identifier("a value");
        if ((op == Operator.GREATER_THAN || op == Operator.LESS_THAN) && !value.matches("-?[0-9]+")) {
          pos = valueAt;
          throw error("'" + op.symbol + "' needs an integer value, got \"" + value + "\"");
        }
        r = new Requirement(key, op, List.of(value));
      }
      for (String v : r.values()) {
        if (!v.isEmpty() && (v.length() > 63 || !NAME.matcher(v).matches()) && !v.matches("-?[0-9]+")) {
          throw new LabelSelectorParseException("invalid label value \"" + v
              + "\": at most 63 characters, alphanumerics, '-', '_' or '.', starting and ending alphanumeric",
              pos, input);
        }
      }
      return r;
    }

    private Operator operator() {
      if (peekSymbol("==")) { pos += 2; return Operator.DOUBLE_EQUALS; }
      if (peekSymbol("=")) { pos += 1; return Operator.EQUALS; }
      if (peekSymbol("!=")) { pos += 2; return Operator.NOT_EQUALS; }
      if (peekSymbol(">")) { pos += 1; return Operator.GREATER_THAN; }
      if (peekSymbol("<")) { pos += 1; return Operator.LESS_THAN; }
      int at = pos;
      String word = pos < input.length() && !isSpecial(input.charAt(pos)) ? identifier("an operator") : "";
      if (word.equals("in")) { return Operator.IN; }
      if (word.equals("notin")) { return Operator.NOT_IN; }
      pos = at;
      throw error("expected an operator ('=', '==', '!=', 'in', 'notin', '>', '<'), ',' or end of selector");
    }

    private List<String> valueSet() {
      skipSpace();
      expect("(");
      List<String> values = new ArrayList<>();
      skipSpace();
      if (peekSymbol(")")) {
        pos++;
        return values;
      }
      while (true) {
        skipSpace();
        values.add(pos < input.length() && !isSpecial(input.charAt(pos)) ? identifier("a value") : "");
        skipSpace();
        if (peekSymbol(")")) {
          pos++;
          return values;
        }
        expect(",");
      }
    }

    private String identifier(String what) {
      int start = pos;
      while (pos < input.length() && !isSpecial(input.charAt(pos)) && !Character.isWhitespace(input.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected " + what);
      }
      return input.substring(start, pos);
    }

    private static boolean isSpecial(char c) {
      return c == ',' || c == '(' || c == ')' || c == '=' || c == '!' || c == '<' || c == '>';
    }

    private boolean peekSymbol(String symbol) { return input.startsWith(symbol, pos); }

    private void expect(String symbol) {
      if (!peekSymbol(symbol)) {
        throw error("expected '" + symbol + "'");
      }
      pos += symbol.length();
    }

    private void skipSpace() {
      while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
        pos++;
      }
    }

    private int skipSpaceAndMark() {
      skipSpace();
      return pos;
    }

    private LabelSelectorParseException error(String message) {
      return new LabelSelectorParseException(message, pos, input);
    }
  }
}
