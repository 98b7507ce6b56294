package io.kubegen.runtime.dynamic;

import java.util.List;

/**
 * The resources of one group version ({@code APIResourceList}).
 *
 * @param groupVersion {@code group/version}, or {@code v1} for core
 * @param resources the resources, subresources included
 */
public record ApiResourceList(String groupVersion, List<ApiResource> resources) {

  public ApiResourceList {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
