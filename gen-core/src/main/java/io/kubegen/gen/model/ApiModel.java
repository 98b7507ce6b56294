package io.kubegen.gen.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * All valid resource types of one compilation and the base package generated code goes to.
 * Resources are sorted by group, version and kind, so generated files are deterministic.
 *
 * @param basePackage the base output package ({@code -Akubegen.outputPackage} or derived)
 * @param resources the resources, sorted
 */
public record ApiModel(String basePackage, List<ResourceDescriptor> resources) {

  private static final Comparator<ResourceDescriptor> ORDER =
      Comparator.comparing(ResourceDescriptor::groupVersion).thenComparing(ResourceDescriptor::kind);

  public ApiModel {
    Objects.requireNonNull(basePackage, "basePackage");
    List<ResourceDescriptor> sorted = new ArrayList<>(resources);
    sorted.sort(ORDER);
    resources = List.copyOf(sorted);
  }

  /** The resources grouped by group version, both in order. */
  public SortedMap<ApiGroupVersion, List<ResourceDescriptor>> byGroupVersion() {
    SortedMap<ApiGroupVersion, List<ResourceDescriptor>> out = new TreeMap<>();
    for (ResourceDescriptor r : resources) {
      out.computeIfAbsent(r.groupVersion(), gv -> new ArrayList<>()).add(r);
    }
    out.replaceAll((gv, list) -> List.copyOf(list));
    return out;
  }

  /**
   * The group versions grouped by group package segment (for {@code factory.<g>().<v>()}), both
   * in order.
   */
  public SortedMap<String, List<ApiGroupVersion>> groupVersionsBySegment() {
    SortedMap<String, List<ApiGroupVersion>> out = new TreeMap<>();
    for (ApiGroupVersion gv : byGroupVersion().keySet()) {
      out.computeIfAbsent(gv.groupSegment(), g -> new ArrayList<>()).add(gv);
    }
    out.replaceAll((g, list) -> List.copyOf(list));
    return out;
  }

  /** The resources that can be listed and watched (listers, informers). */
  public List<ResourceDescriptor> listWatchable() {
    return resources.stream().filter(ResourceDescriptor::isListWatchable).toList();
  }

  /** {@code <base>.<tree>}, such as {@code com.example.generated.clientset}. */
  public String treePackage(String tree) {
    return Naming.subPackage(basePackage, tree);
  }

  /** {@code <base>.<tree>.<g>.<v>}. */
  public String groupVersionPackage(String tree, ApiGroupVersion gv) {
    return Naming.groupVersionPackage(basePackage, tree, gv);
  }

  /** Whether there is nothing to generate. */
  public boolean isEmpty() {
    return resources.isEmpty();
  }
}
