package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link RestConfig#inCluster(Path, Map)} over a fake service-account directory. */
@Timeout(30)
class InClusterConfigTest {
  @TempDir Path dir;

  private static final Map<String, String> ENV = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");

  @Test
  void readsTokenCaNamespaceAndServer() throws IOException {
    Files.writeString(dir.resolve("token"), "sa-token-1\n");
    Files.writeString(dir.resolve("ca.crt"), TestPki.ca("cluster-ca").certificatePem());
    Files.writeString(dir.resolve("namespace"), "team-a");

    RestConfig config = RestConfig.inCluster(dir, ENV);

    assertThat(config.servers()).containsExactly(URI.create("https://10.96.0.1:443"));
    assertThat(config.namespace()).isEqualTo("team-a");
    assertThat(config.authorizationHeader()).contains("Bearer sa-token-1");
    assertThat(config.toString()).contains("custom CA").doesNotContain("sa-token-1");

    // the kubelet rotates the token
    Files.writeString(dir.resolve("token"), "sa-token-2-longer\n");
    assertThat(config.authorizationHeader()).contains("Bearer sa-token-2-longer");
  }

  @Test
  void podNamespaceVariableWinsAndIpv6HostsAreBracketed() throws IOException {
    Files.writeString(dir.resolve("token"), "t");
    Files.writeString(dir.resolve("namespace"), "from-file");
    RestConfig config = RestConfig.inCluster(dir, Map.of(
        "KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443", "POD_NAMESPACE", "from-env"));
    assertThat(config.servers()).containsExactly(URI.create("https://[fd00::1]:6443"));
    assertThat(config.namespace()).isEqualTo("from-env");
  }

  @Test
  void namespaceDefaultsWhenTheFileIsMissing() throws IOException {
    Files.writeString(dir.resolve("token"), "t");
    assertThat(RestConfig.inCluster(dir, ENV).namespace()).isEqualTo("default");
  }

  @Test
  void outsideAClusterTheErrorSaysSo() throws IOException {
    Files.writeString(dir.resolve("token"), "t");
    assertThatThrownBy(() -> RestConfig.inCluster(dir, Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")))
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set");
  }

  @Test
  void missingTokenIsNamed() {
    assertThatThrownBy(() -> RestConfig.inCluster(dir, ENV))
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("in-cluster service account: cannot read token file " + dir.resolve("token") + " (NoSuchFileException)");
  }

  @Test
  void caThatIsNotPemIsLoggedAndTheJdkTrustStoreUsedAsClientGoDoes() throws IOException {
    Files.writeString(dir.resolve("token"), "t");
    Files.writeString(dir.resolve("ca.crt"), "garbage");
    Files.setLastModifiedTime(dir.resolve("ca.crt"), FileTime.from(Instant.now()));
    RestConfig config;
    String log;
    try (LogCapture logs = LogCapture.trace()) {
      config = RestConfig.inCluster(dir, ENV);
      log = logs.text();
    }
    assertThat(config.toString()).contains("tls=JDK trust");
    assertThat(config.authorizationHeader()).contains("Bearer t");
    assertThat(log).contains("ERROR io.kubegen.runtime.config.InClusterConfig - expected to load the service account CA from "
        + dir.resolve("ca.crt") + ", but it holds no valid PEM certificate; trusting the JDK's default CAs");
  }

  @Test
  void missingCaIsLoggedToo() throws IOException {
    Files.writeString(dir.resolve("token"), "t");
    try (LogCapture logs = LogCapture.trace()) {
      assertThat(RestConfig.inCluster(dir, ENV).toString()).contains("tls=JDK trust");
      assertThat(logs.text()).contains("but it cannot be read (NoSuchFileException)");
    }
  }
}
