package io.kubegen.runtime.resource;

import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.dynamic.DiscoveryClient;

/**
 * Maps kinds and resource names to the resources that serve them, from what the API server's
 * discovery documents say (client-go's {@code meta.RESTMapper} with kubectl's short-name
 * expansion). Discovery is read on first use and kept; a lookup that finds nothing reads it once
 * more (a CustomResourceDefinition created a moment ago is then found) before it fails with a
 * {@link NoMatchException}. Failures to reach the server are the discovery client's
 * {@code KubeClientException}s.
 *
 * <p>Implementations are thread-safe.
 */
public interface RestMapper {

  /**
   * The mapping of {@code gvk}. An empty version means the version the server prefers: the
   * group's preferred version when it serves the kind, else the first version that does, in the
   * server's order.
   *
   * @throws NoMatchException with kubectl's {@code no matches for kind "X" in version "Y"}
   */
  RestMapping mapping(GroupVersionKind gvk);

  /** The mapping of {@code kind} in {@code group} at the version the server prefers. */
  default RestMapping mapping(String group, String kind) {
    return mapping(new GroupVersionKind(group, "", kind));
  }

  /**
   * The kind that {@code gvr} serves; the resource may be the plural, the singular or a short name
   * (case-insensitive), and an empty version means the preferred one.
   *
   * @throws NoMatchException if no served resource matches
   */
  GroupVersionKind kindFor(GroupVersionResource gvr);

  /**
   * The mapping of a resource argument as kubectl reads one: a plural ({@code configmaps}), a
   * singular ({@code configmap}), a short name ({@code cm}, {@code deploy}) or a kind
   * ({@code ConfigMap}), optionally qualified by group ({@code deployments.apps}) or by version and
   * group ({@code deployments.v1.apps}).
   *
   * @throws NoMatchException with kubectl's {@code the server doesn't have a resource type "X"}
   */
  RestMapping mappingFor(String resourceOrKind);

  /** Forgets what discovery said, so the next lookup reads it again. */
  void reset();

  /** A mapper over {@code discovery}; pass a cached discovery client to share kubectl's disk cache. */
  static RestMapper create(DiscoveryClient discovery) {
    return new DiscoveryRestMapper(discovery);
  }
}
