package io.kubegen.runtime.api;

import java.util.Objects;

/**
 * A kind in an API group and version. {@code group} is {@code ""} for the core group.
 *
 * @param group the API group, {@code ""} for core
 * @param version the version, such as {@code v1}
 * @param kind the kind, such as {@code ConfigMap}
 */
public record GroupVersionKind(String group, String version, String kind) {

  public GroupVersionKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  /** Splits an {@code apiVersion} such as {@code apps/v1} or {@code v1} and pairs it with {@code kind}. */
  public static GroupVersionKind of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return slash < 0
        ? new GroupVersionKind("", apiVersion, kind)
        : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
  }

  /** The {@code apiVersion} string: {@code group/version}, or just {@code version} for core. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() { return apiVersion() + ", Kind=" + kind; }
}
