package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class EmbeddedApiServerTest {
  @TempDir
  Path dir;

  @Test
  void httpsWithTokenWritesAUsableKubeconfigAndNeverPrintsTheToken() throws Exception {
    EmbeddedApiServer.Builder builder = EmbeddedApiServer.builder().https(true).bearerToken("very-secret-token");
    assertThat(builder.toString()).doesNotContain("very-secret-token");
    try (EmbeddedApiServer server = builder.build().start()) {
      assertThat(server.url().getScheme()).isEqualTo("https");
      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.toString()).doesNotContain("very-secret-token");
      assertThat(server.restConfig().toString()).doesNotContain("very-secret-token");
      Path file = server.writeKubeconfig(dir.resolve("sub/kubeconfig.yaml"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      JsonNode config = Json.yamlMapper().readTree(file.toFile());
      assertThat(config.at("/current-context").asText()).isEqualTo("kubegen");
      assertThat(config.at("/clusters/0/cluster/server").asText()).isEqualTo(server.url().toString());
      assertThat(config.at("/users/0/user/token").asText()).isEqualTo("very-secret-token");
      String ca = new String(Base64.getDecoder().decode(config.at("/clusters/0/cluster/certificate-authority-data").asText()));
      assertThat(ca).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(server.caCertificatePem());
    }
  }

  @Test
  void plainHttpNeedsNoCredentials() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      assertThat(server.caCertificatePem()).isNull();
      JsonNode config = Json.yamlMapper().readTree(server.writeKubeconfig(dir.resolve("k.yaml")).toFile());
      assertThat(config.at("/users/0/user").isEmpty()).isTrue();
      assertThat(new Http(server.url()).get("/version").text("/gitVersion")).startsWith("v1.32");
    }
  }

  @Test
  void closeIsIdempotentAndFreesThePort() throws Exception {
    EmbeddedApiServer server = EmbeddedApiServer.start();
    int port = server.port();
    server.close();
    server.close();
    try (EmbeddedApiServer again = EmbeddedApiServer.builder().port(port).build().start()) {
      assertThat(again.port()).isEqualTo(port);
    }
  }

  @Test
  void badConfigurationIsRejectedClearly() {
    assertThatThrownBy(() -> EmbeddedApiServer.builder().port(70000)).hasMessageContaining("port must be 0..65535");
    assertThatThrownBy(() -> EmbeddedApiServer.builder().bearerToken(" ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> ResourceDefinition.of("Example.com", "v1", "Foo", "foos", true)).hasMessageContaining("invalid group");
    assertThatThrownBy(() -> ResourceDefinition.of("example.com", "1", "Foo", "foos", true)).hasMessageContaining("invalid version");
    assertThatThrownBy(() -> ResourceDefinition.of("example.com", "v1", "foo bar", "foos", true)).hasMessageContaining("invalid kind");
    assertThatThrownBy(() -> ResourceDefinition.of("example.com", "v1", "Foo", "Foos", true)).hasMessageContaining("invalid plural");
  }

  @Test
  void discoveryListsRegisteredResources() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      server.register(ResourceDefinition.of("example.com", "v1", "Widget", "widgets", false).withStatusSubresource());
      Http http = new Http(server.url());
      assertThat(http.get("/apis").body().path("groups").findValuesAsText("name"))
          .contains("apps", "coordination.k8s.io", "apiextensions.k8s.io", "example.com");
      JsonNode resources = http.get("/apis/example.com/v1").body().path("resources");
      assertThat(resources.findValuesAsText("name")).containsExactly("widgets", "widgets/status");
      assertThat(resources.get(0).path("namespaced").asBoolean()).isFalse();
      assertThat(http.get("/api/v1").body().path("resources").findValuesAsText("name"))
          .contains("namespaces", "nodes", "configmaps", "secrets", "pods", "services", "events");
      java.net.http.HttpResponse<String> aggregated = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(server.url().resolve("/apis")).header("Accept",
              "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json").build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(aggregated.headers().firstValue("Content-Type")).hasValue(
          "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
      JsonNode groups = Json.mapper().readTree(aggregated.body());
      assertThat(groups.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
      assertThat(groups.path("items").findValuesAsText("resource")).contains("deployments", "widgets");
      assertThat(groups.path("items").findValuesAsText("subresource")).contains("status");
      assertThat(http.get("/openapi/v3").body().at("/paths/apis~1example.com~1v1/serverRelativeURL").asText())
          .startsWith("/openapi/v3/apis/example.com/v1?hash=");
    }
  }
}
