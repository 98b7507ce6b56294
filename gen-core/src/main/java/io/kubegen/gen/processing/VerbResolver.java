package io.kubegen.gen.processing;

import io.kubegen.annotations.Verb;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code readonly}, {@code noVerbs}, {@code onlyVerbs}, {@code skipVerbs} and status
 * presence into one verb set, and finds the contradictions between them. Stateless.
 */
public final class VerbResolver {
  /** The verbs {@code readonly} keeps. */
  public static final Set<Verb> READ_VERBS = EnumSet.of(Verb.GET, Verb.LIST, Verb.WATCH);
  /** The verbs that need a {@code status} property. */
  public static final Set<Verb> STATUS_VERBS = EnumSet.of(Verb.UPDATE_STATUS, Verb.APPLY_STATUS);

  private VerbResolver() {}

  /**
   * One contradiction: what is wrong and which {@code @GenClient} attribute to point at.
   *
   * @param attribute the attribute, such as {@code onlyVerbs}
   * @param message what is wrong
   */
  public record Conflict(String attribute, String message) {}

  /** The contradictions between the verb attributes of {@code a}. */
  public static List<Conflict> conflicts(ResourceAnnotations a, boolean hasStatus) {
    List<Conflict> out = new ArrayList<>();
    int set = (a.readonly() ? 1 : 0) + (a.noVerbs() ? 1 : 0) + (a.onlyVerbs().isEmpty() ? 0 : 1);
    if (set > 1) {
      String attribute = a.onlyVerbs().isEmpty() ? "noVerbs" : "onlyVerbs";
      out.add(new Conflict(attribute, "set at most one of readonly, noVerbs and onlyVerbs"));
    }
    if (a.noVerbs() && !a.skipVerbs().isEmpty()) {
      out.add(new Conflict("skipVerbs", "skipVerbs has no effect together with noVerbs; remove one"));
    }
    for (Verb v : a.onlyVerbs()) {
      if (a.skipVerbs().contains(v)) {
        out.add(new Conflict("skipVerbs", v + " is in both onlyVerbs and skipVerbs"));
      }
      if (STATUS_VERBS.contains(v) && !hasStatus) {
        out.add(new Conflict("onlyVerbs", "onlyVerbs names " + v + ", but the type has no status property"
            + (a.noStatus() ? " (noStatus = true)" : "")));
      }
    }
    return out;
  }

  /** The resolved verb set; status verbs only when {@code hasStatus}. */
  public static Set<Verb> resolve(ResourceAnnotations a, boolean hasStatus) {
    Set<Verb> verbs;
    if (a.noVerbs()) {
      verbs = EnumSet.noneOf(Verb.class);
    } else if (a.readonly()) {
      verbs = EnumSet.copyOf(READ_VERBS);
    } else if (!a.onlyVerbs().isEmpty()) {
      verbs = EnumSet.copyOf(a.onlyVerbs());
    } else {
      verbs = EnumSet.allOf(Verb.class);
    }
    a.skipVerbs().forEach(verbs::remove);
    if (!hasStatus) {
      verbs.removeAll(STATUS_VERBS);
    }
    return verbs;
  }
}
