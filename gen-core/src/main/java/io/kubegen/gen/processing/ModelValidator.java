package io.kubegen.gen.processing;

import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ResourceDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * The rules that span types: one plural and one kind per name in a group version, distinct
 * package segments per group, and the base output package (the {@code kubegen.outputPackage}
 * option, else the types' common package root plus {@code .generated}). Stateless.
 */
public final class ModelValidator {
  /** The processor option naming the base output package. */
  public static final String OUTPUT_PACKAGE_OPTION = "kubegen.outputPackage";

  private ModelValidator() {}

  /**
   * The outcome of the cross-type checks.
   *
   * @param valid the resources without cross-type problems
   * @param report the problems, on the offending types
   * @param basePackage the base output package, or null when it could not be decided
   * @param derived whether the base package was derived from the types (no option given)
   */
  public record Outcome(List<ResourceDescriptor> valid, ValidationReport report, String basePackage,
      boolean derived) {}

  /** Checks {@code resources} together; {@code outputPackageOption} may be null. */
  public static Outcome validate(Collection<ResourceDescriptor> resources, String outputPackageOption) {
    ValidationReport report = new ValidationReport();
    Set<ResourceDescriptor> bad = new LinkedHashSet<>();
    Map<String, ResourceDescriptor> byPlural = new HashMap<>();
    Map<String, ResourceDescriptor> byKind = new HashMap<>();
    Map<String, Map<String, List<ResourceDescriptor>>> groupsBySegment = new TreeMap<>();
    for (ResourceDescriptor r : resources) {
      ApiGroupVersion gv = r.groupVersion();
      ResourceDescriptor samePlural = byPlural.putIfAbsent(gv + "|" + r.plural(), r);
      if (samePlural != null) {
        conflict(report, bad, Diagnostic.PLURAL_CONFLICT, samePlural, r, r.plural());
      }
      ResourceDescriptor sameKind = byKind.putIfAbsent(gv + "|" + r.kind(), r);
      if (sameKind != null) {
        conflict(report, bad, Diagnostic.KIND_CONFLICT, sameKind, r, r.kind());
      }
      groupsBySegment.computeIfAbsent(gv.groupSegment(), s -> new TreeMap<>())
          .computeIfAbsent(gv.group(), g -> new ArrayList<>()).add(r);
    }
    groupsBySegment.forEach((segment, groups) -> groupConflicts(report, bad, segment, groups));
    List<ResourceDescriptor> valid = new ArrayList<>();
    for (ResourceDescriptor r : resources) {
      if (!bad.contains(r)) {
        valid.add(r);
      }
    }
    String base = basePackage(valid, outputPackageOption, report);
    boolean derived = outputPackageOption == null || outputPackageOption.isBlank();
    return new Outcome(base == null ? List.of() : valid, report, base, derived);
  }

  /**
   * Reports every type of groups that share the package segment {@code segment}, naming the first
   * type (by name) of another such group: the same messages whatever the order of the input.
   */
  private static void groupConflicts(ValidationReport report, Set<ResourceDescriptor> bad, String segment,
      Map<String, List<ResourceDescriptor>> groups) {
    if (groups.size() < 2) {
      return;
    }
    Map<String, ResourceDescriptor> firstOfGroup = new TreeMap<>();
    groups.forEach((group, types) -> firstOfGroup.put(group, types.stream()
        .min(Comparator.comparing(t -> t.type().canonicalName())).orElseThrow()));
    List<ResourceDescriptor> all = new ArrayList<>();
    groups.values().forEach(all::addAll);
    all.sort(Comparator.comparing(t -> t.type().canonicalName()));
    for (ResourceDescriptor r : all) {
      String group = r.groupVersion().group();
      String other = firstOfGroup.keySet().stream().filter(g -> !g.equals(group)).findFirst().orElseThrow();
      ResourceDescriptor otherType = firstOfGroup.get(other);
      report.error(r.element(), Diagnostic.GROUP_CONFLICT, r.type().canonicalName(), group,
          otherType.type().canonicalName(), other, segment);
      bad.add(r);
    }
  }

  private static void conflict(ValidationReport report, Set<ResourceDescriptor> bad, Diagnostic d,
      ResourceDescriptor first, ResourceDescriptor second, String name) {
    String a = first.type().canonicalName();
    String b = second.type().canonicalName();
    String gv = first.groupVersion().toString();
    if (bad.add(first)) {
      report.error(first.element(), d, a, b, name, gv);
    }
    if (bad.add(second)) {
      report.error(second.element(), d, a, b, name, gv);
    }
  }

  private static String basePackage(List<ResourceDescriptor> valid, String option, ValidationReport report) {
    if (option != null && !option.isBlank()) {
      if (!SourceVersion.isName(option.trim())) {
        valid.forEach(r -> report.error(r.element(), Diagnostic.INVALID_OUTPUT_PACKAGE, option));
        return null;
      }
      return option.trim();
    }
    if (valid.isEmpty()) {
      return "";
    }
    Set<String> packages = new TreeSet<>();
    valid.forEach(r -> packages.add(r.type().packageName()));
    String root = commonRoot(packages);
    if (root.isEmpty()) {
      valid.forEach(r -> report.error(r.element(), Diagnostic.OUTPUT_PACKAGE_REQUIRED, String.join(", ", packages)));
      return null;
    }
    return root + ".generated";
  }

  /** The longest common dotted prefix of package names, {@code ""} when there is none. */
  static String commonRoot(Collection<String> packages) {
    String[] common = null;
    int length = 0;
    for (String p : packages) {
      String[] parts = p.isEmpty() ? new String[0] : p.split("\\.");
      if (common == null) {
        common = parts;
        length = parts.length;
        continue;
      }
      int i = 0;
      while (i < length && i < parts.length && common[i].equals(parts[i])) {
        i++;
      }
      length = i;
    }
    return common == null ? "" : String.join(".", java.util.Arrays.copyOf(common, length));
  }
}
