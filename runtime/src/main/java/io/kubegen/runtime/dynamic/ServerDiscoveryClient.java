package io.kubegen.runtime.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The uncached {@link DiscoveryClient}: every call is a GET. Thread-safe (stateless over the
 * thread-safe {@link RestClient}).
 */
final class ServerDiscoveryClient implements DiscoveryClient {
  private final RestClient client;

  ServerDiscoveryClient(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public VersionInfo serverVersion() {
    return client.get().path("/version").execute(VersionInfo.class);
  }

  @Override
  public ApiGroupList serverGroups() {
    List<ApiGroup> groups = new ArrayList<>();
    try {
      JsonNode versions = client.get().path("/api").execute(JsonNode.class);
      List<ApiGroup.GroupVersionForDiscovery> core = new ArrayList<>();
      if (versions != null) {
        for (JsonNode v : versions.path("versions")) {
          core.add(new ApiGroup.GroupVersionForDiscovery(v.asText(), v.asText()));
        }
      }
      if (!core.isEmpty()) {
        groups.add(new ApiGroup("", core, core.get(0)));
      }
    } catch (KubeApiException e) {
      if (!e.isNotFound() && e.code() != 403) {
        throw e;
      }
    }
    ApiGroupList named = client.get().path("/apis").execute(ApiGroupList.class);
    if (named != null) {
      groups.addAll(named.groups());
    }
    return new ApiGroupList(groups);
  }

  @Override
  public ApiResourceList serverResourcesForGroupVersion(String groupVersion) {
    String path = pathOf(groupVersion);
    ApiResourceList list = client.get().path(path).execute(ApiResourceList.class);
    return list == null ? new ApiResourceList(groupVersion, List.of()) : list;
  }

  static String pathOf(String groupVersion) {
    if (groupVersion == null || groupVersion.isBlank() || groupVersion.startsWith("/") || groupVersion.endsWith("/")
        || groupVersion.chars().filter(c -> c == '/').count() > 1) {
      throw new IllegalArgumentException("a group version is \"v1\" or \"group/version\": " + groupVersion);
    }
    return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
  }

  @Override
  public void invalidate() { }
}
