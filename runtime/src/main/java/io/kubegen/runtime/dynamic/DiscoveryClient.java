package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.rest.RestClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the API server serves, as client-go's {@code discovery.DiscoveryInterface}: its version,
 * its API groups and the resources of each group version. Failures are
 * {@code KubeApiException}s. Implementations are thread-safe.
 */
public interface DiscoveryClient {

  /** {@code GET /version}. */
  VersionInfo serverVersion();

  /** The groups from {@code /api} (the core group, named {@code ""}, first) and {@code /apis}. */
  ApiGroupList serverGroups();

  /** The resources of {@code groupVersion}: {@code "v1"} for core, else {@code "group/version"}. */
  ApiResourceList serverResourcesForGroupVersion(String groupVersion);

  /** Forgets anything cached, so the next calls ask the server; a no-op without a cache. */
  void invalidate();

  /** A discovery client that asks the server every time. */
  static DiscoveryClient create(RestClient client) {
    return new ServerDiscoveryClient(client);
  }

  /**
   * A discovery client that keeps answers in {@code cacheDir} (one folder per cluster, named
   * after its first server, like kubectl's {@code ~/.kube/cache/discovery}) and in memory, and
   * uses them while younger than {@code ttl}.
   */
  static DiscoveryClient cached(RestClient client, Path cacheDir, Duration ttl) {
    return new CachedDiscoveryClient(new ServerDiscoveryClient(client), cacheDir, client.config().servers().get(0), ttl,
        java.time.Clock.systemUTC());
  }
}
