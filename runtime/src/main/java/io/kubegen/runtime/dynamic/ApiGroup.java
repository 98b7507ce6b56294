package io.kubegen.runtime.dynamic;

import java.util.List;

/**
 * An API group as discovery lists it ({@code APIGroup}); the core group has the name {@code ""}.
 *
 * @param name the group name
 * @param versions the versions served, preferred first as the server orders them
 * @param preferredVersion the version clients should use
 */
public record ApiGroup(String name, List<GroupVersionForDiscovery> versions, GroupVersionForDiscovery preferredVersion) {

  public ApiGroup {
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  /**
   * One version of a group.
   *
   * @param groupVersion {@code group/version}, or {@code version} for core
   * @param version the version
   */
  public record GroupVersionForDiscovery(String groupVersion, String version) {}
}
