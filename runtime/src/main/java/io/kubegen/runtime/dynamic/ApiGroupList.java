package io.kubegen.runtime.dynamic;

import java.util.List;

/**
 * The API groups a server serves ({@code APIGroupList}).
 *
 * @param groups the groups; the core group, when served, comes first
 */
public record ApiGroupList(List<ApiGroup> groups) {

  public ApiGroupList {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
