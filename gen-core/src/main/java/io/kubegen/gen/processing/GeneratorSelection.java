package io.kubegen.gen.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@link GeneratorStep}s run, from the steps on the processor path and the
 * {@code kubegen.generators} option: all of them when the option is not given, else the named ones,
 * each of which must be there and have the steps it requires selected too. Stateless.
 */
final class GeneratorSelection {
  /** The processor option naming the steps, comma-separated, such as {@code client,lister}. */
  static final String OPTION = "kubegen.generators";

  private GeneratorSelection() {}

  /**
   * The outcome.
   *
   * @param steps the steps to run, every step after the ones it requires
   * @param problems what is wrong with the selection (then nothing runs), each a message of the
   *     catalogue
   */
  record Outcome(List<GeneratorStep> steps, List<String> problems) {}

  static Outcome select(Collection<GeneratorStep> available, String option) {
    Map<String, GeneratorStep> byId = new LinkedHashMap<>();
    available.forEach(step -> byId.putIfAbsent(step.id(), step));
    List<String> problems = new ArrayList<>();
    Set<String> wanted = new LinkedHashSet<>();
    if (option == null || option.isBlank()) {
      wanted.addAll(byId.keySet());
      if (wanted.isEmpty()) {
        problems.add(Diagnostic.NO_GENERATOR.format());
      }
    } else {
      for (String part : option.split(",")) {
        String id = part.trim().toLowerCase(Locale.ROOT);
        if (id.isEmpty()) {
          continue;
        }
        if (byId.containsKey(id)) {
          wanted.add(id);
        } else {
          problems.add(Diagnostic.UNKNOWN_GENERATOR.format(id, byId.isEmpty() ? "none" : String.join(", ", byId.keySet())));
        }
      }
    }
    for (String id : wanted) {
      GeneratorStep step = byId.get(id);
      Set<String> missing = new TreeSet<>(step.requires());
      missing.removeAll(wanted);
      if (missing.isEmpty()) {
        continue;
      }
      List<String> absent = missing.stream().filter(m -> !byId.containsKey(m)).toList();
      if (absent.isEmpty()) {
        Set<String> fixed = new TreeSet<>(wanted);
        fixed.addAll(missing);
        problems.add(Diagnostic.GENERATOR_NEEDS.format(id, String.join(", ", missing), String.join(",", fixed)));
      } else {
        problems.add(Diagnostic.GENERATOR_MISSING.format(id, String.join(", ", absent),
            String.join(", ", absent.stream().map(a -> "io.kubegen:kubegen-" + a + "-gen").toList())));
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome(List.of(), List.copyOf(problems));
    }
    List<GeneratorStep> steps = new ArrayList<>();
    wanted.forEach(id -> steps.add(byId.get(id)));
    steps.sort(Comparator.comparingInt((GeneratorStep s) -> depth(s, byId, 0)).thenComparing(GeneratorStep::id));
    return new Outcome(List.copyOf(steps), List.of());
  }

  /** How many steps lie below {@code step} on its longest chain of requirements. */
  private static int depth(GeneratorStep step, Map<String, GeneratorStep> byId, int guard) {
    int depth = 0;
    if (guard > byId.size()) {
      return depth;
    }
    for (String required : step.requires()) {
      GeneratorStep r = byId.get(required);
      if (r != null) {
        depth = Math.max(depth, 1 + depth(r, byId, guard + 1));
      }
    }
    return depth;
  }
}
