package io.kubegen.runtime.dynamic;

import java.util.List;

/**
 * One resource of a group version as discovery describes it ({@code APIResource}). Subresources
 * appear as names with a slash, such as {@code deployments/status}.
 *
 * @param name the plural name, such as {@code deployments}
 * @param singularName the singular name
 * @param namespaced whether objects live in namespaces
 * @param group the group, when it differs from the list's
 * @param version the version, when it differs from the list's
 * @param kind the kind, such as {@code Deployment}
 * @param verbs the verbs the resource supports
 * @param shortNames short names, such as {@code deploy}
 * @param categories categories, such as {@code all}
 */
public record ApiResource(String name, String singularName, boolean namespaced, String group, String version,
    String kind, List<String> verbs, List<String> shortNames, List<String> categories) {

  public ApiResource {
    verbs = verbs == null ? List.of() : List.copyOf(verbs);
    shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** Whether this entry is a subresource ({@code name} contains a slash). */
  public boolean isSubresource() {
    return name != null && name.contains("/");
  }
}
