package io.kubegen.gen.model;

import java.util.Locale;
import java.util.Map;

/**
 * Pluralises kinds the way Kubernetes' generators do: {@code -s}, {@code -x}, {@code -z},
 * {@code -ch} and {@code -sh} take {@code -es}; a consonant before {@code -y} makes {@code -ies};
 * {@code -fe} makes {@code -ves}; a few words are irregular ({@code Endpoints} and
 * {@code Metrics} stay as they are, {@code Leaf} → {@code Leaves}, {@code Person} → {@code People}),
 * also at the end of a compound kind ({@code PodMetrics}). The case of the input is kept: {@code NetworkPolicy} →
 * {@code NetworkPolicies}; {@link #resourceName} gives the lower-case URL form. Stateless.
 */
public final class Pluraliser {

  /** Kinds whose plural is not made by the rules, keyed by kind. */
  private static final Map<String, String> EXCEPTIONS = Map.of(
      "Endpoints", "Endpoints",
      "SecurityContextConstraints", "SecurityContextConstraints",
      "ResourceClaimParameters", "ResourceClaimParameters",
      "ResourceClassParameters", "ResourceClassParameters",
      "Metrics", "Metrics",
      "Leaf", "Leaves",
      "Shelf", "Shelves",
      "Person", "People",
      "Child", "Children");

  private Pluraliser() {}

  /** The plural of {@code kind} in the kind's own case, such as {@code NetworkPolicies}. */
  public static String pluralise(String kind) {
    String exception = EXCEPTIONS.get(kind);
    if (exception != null) {
      return exception;
    }
    for (Map.Entry<String, String> e : EXCEPTIONS.entrySet()) {
      // Compound kinds end with an irregular word: FooEndpoints, TeamPerson.
      if (kind.endsWith(e.getKey()) && kind.length() > e.getKey().length()
          && Character.isUpperCase(e.getKey().charAt(0))) {
        return kind.substring(0, kind.length() - e.getKey().length()) + e.getValue();
      }
    }
    if (kind.length() < 2) {
      return kind + "s";
    }
    char last = Character.toLowerCase(kind.charAt(kind.length() - 1));
    char before = Character.toLowerCase(kind.charAt(kind.length() - 2));
    switch (last) {
      case 's', 'x', 'z':
        return kind + "es";
      case 'h':
        return before == 'c' || before == 's' ? kind + "es" : kind + "s";
      case 'y':
        return isVowel(before) ? kind + "s" : kind.substring(0, kind.length() - 1) + "ies";
      case 'e':
        return before == 'f' ? kind.substring(0, kind.length() - 2) + "ves" : kind + "s";
      default:
        return kind + "s";
    }
  }

  /** The lower-case plural used in URLs, such as {@code networkpolicies}. */
  public static String resourceName(String kind) {
    return pluralise(kind).toLowerCase(Locale.ROOT);
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
