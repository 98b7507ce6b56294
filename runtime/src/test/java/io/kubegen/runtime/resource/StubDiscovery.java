package io.kubegen.runtime.resource;

import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.dynamic.ApiGroup;
import io.kubegen.runtime.dynamic.ApiGroup.GroupVersionForDiscovery;
import io.kubegen.runtime.dynamic.ApiGroupList;
import io.kubegen.runtime.dynamic.ApiResource;
import io.kubegen.runtime.dynamic.ApiResourceList;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.dynamic.VersionInfo;
import io.kubegen.runtime.rest.KubeApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A discovery client whose answers the test sets: core v1 (configmaps, secrets, namespaces),
 * apps with v1 preferred and v1beta1, and whatever {@link #add} adds later. Counts group reads.
 * Thread-safe.
 */
final class StubDiscovery implements DiscoveryClient {
  private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");

  private final Map<String, List<ApiResource>> resources = new LinkedHashMap<>();
  private final Map<String, String> preferred = new LinkedHashMap<>();
  private final Map<String, List<String>> versions = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failing = new LinkedHashMap<>();
  final AtomicInteger groupReads = new AtomicInteger();
  final AtomicInteger invalidations = new AtomicInteger();

  StubDiscovery() {
    add("", "v1", "configmaps", "ConfigMap", true, "cm");
    add("", "v1", "secrets", "Secret", true);
    add("", "v1", "namespaces", "Namespace", false, "ns");
    add("", "v1", "events", "Event", true, "ev");
    add("apps", "v1beta1", "deployments", "Deployment", true, "deploy");
    add("apps", "v1", "deployments", "Deployment", true, "deploy");
    add("apps", "v1beta1", "controllerrevisions", "ControllerRevision", true);
    add("events.k8s.io", "v1", "events", "Event", true, "ev");
    preferred.put("apps", "v1");
  }

  /** Serves {@code plural} of {@code kind} in {@code group}/{@code version}, plus its status subresource. */
  synchronized StubDiscovery add(String group, String version, String plural, String kind, boolean namespaced,
      String... shortNames) {
    String gv = group.isEmpty() ? version : group + "/" + version;
    versions.computeIfAbsent(group, g -> new ArrayList<>());
    if (!versions.get(group).contains(version)) {
      versions.get(group).add(version);
    }
    List<ApiResource> list = resources.computeIfAbsent(gv, k -> new ArrayList<>());
    list.add(new ApiResource(plural, "", namespaced, null, null, kind, VERBS, List.of(shortNames), List.of()));
    list.add(new ApiResource(plural + "/status", "", namespaced, null, null, kind, List.of("get"), List.of(), List.of()));
    return this;
  }

  /** Makes {@code groupVersion}'s resource list fail with {@code e}. */
  synchronized void fail(String groupVersion, RuntimeException e) {
    failing.put(groupVersion, e);
  }

  @Override
  public VersionInfo serverVersion() {
    return new VersionInfo("1", "32", "v1.32.0", "", "", "", "", "", "");
  }

  @Override
  public synchronized ApiGroupList serverGroups() {
    groupReads.incrementAndGet();
    List<ApiGroup> groups = new ArrayList<>();
    versions.forEach((group, vs) -> {
      List<GroupVersionForDiscovery> list = vs.stream()
          .map(v -> new GroupVersionForDiscovery(group.isEmpty() ? v : group + "/" + v, v)).toList();
      String pref = preferred.getOrDefault(group, vs.get(0));
      groups.add(new ApiGroup(group, list, list.stream().filter(v -> v.version().equals(pref)).findFirst().orElseThrow()));
    });
    return new ApiGroupList(groups);
  }

  @Override
  public synchronized ApiResourceList serverResourcesForGroupVersion(String groupVersion) {
    RuntimeException failure = failing.get(groupVersion);
    if (failure != null) {
      throw failure;
    }
    List<ApiResource> list = resources.get(groupVersion);
    if (list == null) {
      throw new KubeApiException(Status.failure(404, "NotFound", "no " + groupVersion));
    }
    return new ApiResourceList(groupVersion, list);
  }

  @Override
  public void invalidate() {
    invalidations.incrementAndGet();
  }
}
