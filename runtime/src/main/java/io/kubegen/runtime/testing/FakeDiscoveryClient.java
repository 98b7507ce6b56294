package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.ResourceType;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Discovery over the resources an {@link ObjectTracker} serves, for fake clientsets: the groups
 * and versions of the registered types and their resources (with a {@code /status} entry for
 * types with status). Thread-safe; answers reflect registrations at the time of the call.
 */
public final class FakeDiscoveryClient implements DiscoveryClient {
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private final ObjectTracker tracker;

  /** Discovery over {@code tracker}'s registered types. */
  public FakeDiscoveryClient(ObjectTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public VersionInfo serverVersion() {
    return new VersionInfo("1", "31", "v1.31.0-kubegen-fake", "", "clean", "", "", "", "");
  }

  @Override
  public ApiGroupList serverGroups() {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    versions.put("", new LinkedHashSet<>());
    for (ResourceType<?> t : tracker.types()) {
      versions.computeIfAbsent(t.resource().group(), g -> new LinkedHashSet<>()).add(t.resource().version());
    }
    List<ApiGroup> groups = new ArrayList<>();
    versions.forEach((group, vs) -> {
      if (vs.isEmpty()) {
        return;
      }
      List<GroupVersionForDiscovery> list = new ArrayList<>();
      for (String v : vs) {
        list.add(new GroupVersionForDiscovery(group.isEmpty() ? v : group + "/" + v, v));
      }
      groups.add(new ApiGroup(group, list, list.get(0)));
    });
    return new ApiGroupList(groups);
  }

  @Override
  public ApiResourceList serverResourcesForGroupVersion(String groupVersion) {
    List<ApiResource> resources = new ArrayList<>();
    for (ResourceType<?> t : tracker.types()) {
      if (!t.resource().apiVersion().equals(groupVersion)) {
        continue;
      }
      String singular = t.kind().toLowerCase(Locale.ROOT);
      resources.add(new ApiResource(t.resource().resource(), singular, t.namespaced(), null, null, t.kind(), VERBS,
          List.of(), List.of()));
      if (t.hasStatus()) {
        resources.add(new ApiResource(t.resource().resource() + "/status", "", t.namespaced(), null, null, t.kind(),
            List.of("get", "patch", "update"), List.of(), List.of()));
      }
    }
    if (resources.isEmpty()) {
      throw new KubeApiException(Status.failure(404, "NotFound", "the server could not find the requested resource ("
          + groupVersion + ")"));
    }
    return new ApiResourceList(groupVersion, resources);
  }

  @Override
  public void invalidate() {
    // nothing is cached
  }
}
