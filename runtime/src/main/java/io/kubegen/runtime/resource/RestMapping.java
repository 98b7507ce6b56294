package io.kubegen.runtime.resource;

import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import java.util.Objects;

/**
 * Where objects of one kind live on the API server, as client-go's {@code meta.RESTMapping}:
 * the resource (URL path) that serves the kind in one version, and whether its objects live in
 * namespaces. Made by a {@link RestMapper}.
 *
 * @param resource the group, version and plural resource name, such as {@code apps/v1 deployments}
 * @param kind the group, version and kind, such as {@code apps/v1 Deployment}
 * @param namespaced whether objects of this resource live in namespaces
 */
public record RestMapping(GroupVersionResource resource, GroupVersionKind kind, boolean namespaced) {

  public RestMapping {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(kind, "kind");
    if (!resource.group().equals(kind.group()) || !resource.version().equals(kind.version())) {
      throw new IllegalArgumentException("resource " + resource + " and kind " + kind + " are not in one group version");
    }
  }

  /**
   * How kubectl names an object of this mapping in its output: the lower-case kind, then
   * {@code .group} for named groups, then {@code /name}, such as {@code configmap/settings} or
   * {@code deployment.apps/web}.
   */
  public String displayName(String name) {
    String kindName = kind.kind().toLowerCase(java.util.Locale.ROOT);
    return (kind.group().isEmpty() ? kindName : kindName + "." + kind.group()) + "/" + name;
  }
}
