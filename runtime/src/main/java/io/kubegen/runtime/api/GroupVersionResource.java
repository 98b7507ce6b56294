package io.kubegen.runtime.api;

import java.util.Objects;

/**
 * A resource (the plural name used in URLs) in an API group and version.
 *
 * @param group the API group, {@code ""} for core
 * @param version the version, such as {@code v1}
 * @param resource the lower-case plural, such as {@code configmaps}
 */
public record GroupVersionResource(String group, String version, String resource) {

  public GroupVersionResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(resource, "resource");
  }

  /** The {@code apiVersion} string: {@code group/version}, or just {@code version} for core. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The URL prefix of the group version: {@code /api/v1} for core, else {@code /apis/<group>/<version>}. */
  public String apiPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  @Override
  public String toString() { return (group.isEmpty() ? "" : group + "/") + version + ", Resource=" + resource; }
}
