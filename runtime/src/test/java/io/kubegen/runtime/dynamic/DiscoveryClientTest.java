package io.kubegen.runtime.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class DiscoveryClientTest {
  private final FaultServer server = FaultServer.start();
  private RestClient client;
  @TempDir Path cacheDir;
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock = new Clock() {
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @BeforeEach
  void start() {
    server.route("/version").always(Reply.json(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.2\",\"platform\":\"linux/amd64\"}"));
    server.route("/api").always(Reply.json(200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}"));
    server.route("/apis").always(Reply.json(200, "{\"kind\":\"APIGroupList\",\"groups\":[{\"name\":\"apps\","
        + "\"versions\":[{\"groupVersion\":\"apps/v1\",\"version\":\"v1\"}],"
        + "\"preferredVersion\":{\"groupVersion\":\"apps/v1\",\"version\":\"v1\"}}]}"));
    server.route("/api/v1").always(Reply.json(200, "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
        + "{\"name\":\"configmaps\",\"singularName\":\"configmap\",\"namespaced\":true,\"kind\":\"ConfigMap\","
        + "\"verbs\":[\"get\",\"list\",\"watch\"],\"shortNames\":[\"cm\"]},"
        + "{\"name\":\"pods/status\",\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"get\"]}]}"));
    server.route("/apis/apps/v1").always(Reply.json(200, "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\","
        + "\"resources\":[{\"name\":\"deployments\",\"namespaced\":true,\"kind\":\"Deployment\",\"verbs\":[\"get\"]}]}"));
    client = RestClient.create(RestConfig.builder().server(server.url().toString()).qps(-1).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private DiscoveryClient cached() {
    return new CachedDiscoveryClient(DiscoveryClient.create(client), cacheDir, client.currentServer(),
        Duration.ofMinutes(10), clock);
  }

  @Test
  void readsVersionGroupsAndResources() {
    DiscoveryClient discovery = DiscoveryClient.create(client);
    VersionInfo version = discovery.serverVersion();
    assertThat(version.major()).isEqualTo("1");
    assertThat(version.gitVersion()).isEqualTo("v1.31.2");

    ApiGroupList groups = discovery.serverGroups();
    assertThat(groups.groups()).extracting(ApiGroup::name).containsExactly("", "apps");
    assertThat(groups.groups().get(0).preferredVersion().groupVersion()).isEqualTo("v1");

    ApiResourceList core = discovery.serverResourcesForGroupVersion("v1");
    assertThat(core.resources()).extracting(ApiResource::name).containsExactly("configmaps", "pods/status");
    assertThat(core.resources().get(0).shortNames()).containsExactly("cm");
    assertThat(core.resources().get(1).isSubresource()).isTrue();
    assertThat(discovery.serverResourcesForGroupVersion("apps/v1").resources().get(0).kind()).isEqualTo("Deployment");

    assertThatThrownBy(() -> discovery.serverResourcesForGroupVersion("a/b/c")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCacheAnswersFromMemoryAndDiskUntilTheTtlPasses() {
    DiscoveryClient first = cached();
    first.serverGroups();
    first.serverResourcesForGroupVersion("apps/v1");
    first.serverGroups();
    first.serverResourcesForGroupVersion("apps/v1");
    assertThat(server.requests()).hasSize(3); // /api, /apis, /apis/apps/v1
    Path hostDir = cacheDir.resolve("127.0.0.1_" + server.url().getPort());
    assertThat(hostDir.resolve("servergroups.json")).exists();
    assertThat(hostDir.resolve("apps/v1/serverresources.json")).exists();

    // a second client (another process) reads the files
    DiscoveryClient second = cached();
    assertThat(second.serverGroups().groups()).extracting(ApiGroup::name).containsExactly("", "apps");
    assertThat(second.serverResourcesForGroupVersion("apps/v1").resources()).hasSize(1);
    assertThat(server.requests()).hasSize(3);

    now = now.plus(Duration.ofMinutes(11));
    second.serverResourcesForGroupVersion("apps/v1");
    assertThat(server.requests("/apis/apps/v1")).hasSize(2);
  }

  @Test
  void thePublicFactoryCachesUnderTheServersFolder() {
    DiscoveryClient discovery = DiscoveryClient.cached(client, cacheDir, Duration.ofHours(6));
    discovery.serverGroups();
    discovery.serverGroups();
    assertThat(server.requests("/apis")).hasSize(1);
    assertThat(cacheDir.resolve("127.0.0.1_" + server.url().getPort()).resolve("servergroups.json")).exists();
    assertThat(discovery.serverVersion().minor()).isEqualTo("31");
    discovery.serverVersion();
    assertThat(server.requests("/version")).as("the version is never cached").hasSize(2);
  }

  @Test
  void invalidateAndUnreadableFilesLeadBackToTheServer() throws Exception {
    DiscoveryClient discovery = cached();
    discovery.serverResourcesForGroupVersion("v1");
    discovery.invalidate();
    assertThat(cacheDir.resolve("127.0.0.1_" + server.url().getPort())).doesNotExist();
    discovery.serverResourcesForGroupVersion("v1");
    assertThat(server.requests("/api/v1")).hasSize(2);

    Path file = cacheDir.resolve("127.0.0.1_" + server.url().getPort()).resolve("v1/serverresources.json");
    Files.writeString(file, "{not json");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(now));
    assertThat(cached().serverResourcesForGroupVersion("v1").resources()).hasSize(2);
    assertThat(server.requests("/api/v1")).hasSize(3);
  }
}
