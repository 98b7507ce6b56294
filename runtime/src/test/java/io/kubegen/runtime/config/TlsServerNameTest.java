package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.rest.Backoff;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tls-server-name}: the certificate is checked against it as Go's {@code VerifyHostname}
 * checks a name, it is sent as SNI whatever the URL's host, and exec plugins learn it.
 */
@Timeout(60)
class TlsServerNameTest {
  @TempDir Path dir;

  private static final X509Certificate CERT = TestPki.serverLeaf(TestPki.ca("names-ca"), "CN-is-never-used",
      TestPki.ec(), "api.example.com", "*.apps.example.com", "UPPER.example.com", "a*.example.com", "10.0.0.1",
      "fd00::1").certificate();

  @ParameterizedTest(name = "{0} matches: {1}")
  @CsvSource({
      "api.example.com, true", "API.Example.COM, true", "api.example.com., true", "upper.example.com, true",
      "x.apps.example.com, true", "apps.example.com, false", "x.y.apps.example.com, false",
      // a wildcard that is not a whole left-most label matches only literally
      "ab.example.com, false", "a*.example.com, true",
      "10.0.0.1, true", "[10.0.0.1], true", "10.0.0.2, false", "fd00::1, true", "[fd00::1], true", "fd00::2, false",
      "CN-is-never-used, false", "example.com, false", "'', false"})
  void namesMatchAsInGo(String name, boolean matches) {
    if (matches) {
      assertThatCode(() -> ServerNameVerifier.verifyName(CERT, name)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> ServerNameVerifier.verifyName(CERT, name))
          .isInstanceOf(CertificateException.class)
          .hasMessageContaining("; it names api.example.com, *.apps.example.com");
    }
  }

  @Test
  void theNameIsSentAsSniAndCheckedWhateverTheUrlNames() {
    TestPki.Issued ca = TestPki.ca("sni-ca");
    TestPki.Issued server = TestPki.serverLeaf(ca, "apiserver", TestPki.ec(), "kubernetes.default.svc");
    try (CapturingServer https = CapturingServer.https(TestPki.serverContext(server, ca, ca))) {
      // the URL's host (localhost) is not in the certificate: only the name makes this work
      RestConfig.Builder builder = RestConfig.builder().server("https://localhost:" + https.port())
          .caData(ca.certificatePem());
      assertThat(get(builder.tlsServerName("kubernetes.default.svc").build())).isNull();
      assertThat(https.exchanges()).singleElement()
          .satisfies(e -> assertThat(e.serverNames()).containsExactly("kubernetes.default.svc"));
      assertThat(get(builder.tlsServerName(null).build())).contains("TLS handshake failed");
      // with verification off, the name is still the SNI
      https.clear();
      assertThat(get(RestConfig.builder().server("https://127.0.0.1:" + https.port()).insecureSkipTlsVerify(true)
          .tlsServerName("some.name.").build())).isNull();
      assertThat(https.exchanges()).singleElement()
          .satisfies(e -> assertThat(e.serverNames()).containsExactly("some.name"));
      // an IP address is no SNI, as in Go
      https.clear();
      assertThat(get(RestConfig.builder().server("https://localhost:" + https.port()).insecureSkipTlsVerify(true)
          .tlsServerName("10.1.2.3").build())).isNull();
      assertThat(https.exchanges()).singleElement().satisfies(e -> assertThat(e.serverNames()).isEmpty());
    }
  }

  @Test
  void aCertificateMustNameItsHostInASubjectAlternativeNameAsKubectlRequires() throws IOException {
    TestPki.Issued ca = TestPki.ca("cn-ca");
    // the common name is the host, but there is no subject alternative name: Go (and so kubectl) refuses it
    TestPki.Issued cnOnly = TestPki.serverLeaf(ca, "127.0.0.1", TestPki.ec());
    try (CapturingServer https = CapturingServer.https(TestPki.serverContext(cnOnly, ca, ca))) {
      String server = "https://127.0.0.1:" + https.port();
      assertThat(get(RestConfig.builder().server(server).caData(ca.certificatePem()).build()))
          .contains("TLS handshake failed").contains("the certificate is not valid for 127.0.0.1; it names no DNS or IP names");
      assertThat(https.exchanges()).isEmpty();

      Kubectl.assumeInstalled();
      Path kubeconfig = dir.resolve("config");
      Files.writeString(kubeconfig, "current-context: c\nclusters: [{name: k, cluster: {server: '" + server
          + "', certificate-authority-data: " + java.util.Base64.getEncoder().encodeToString(
              ca.certificatePem().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          + "}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\n");
      Kubectl.Result result = Kubectl.withKubeconfig(dir, kubeconfig, java.util.Map.of(), "get", "--raw", "/version");
      assertThat(result.succeeded()).isFalse();
      assertThat(result.stderr()).contains("x509");
      assertThat(https.exchanges()).isEmpty();
    }
  }

  @Test
  void execPluginsLearnTheName() throws IOException {
    Path plugin = dir.resolve("plugin.sh");
    Files.writeString(plugin, "#!/bin/sh\necho \"$KUBERNETES_EXEC_INFO\" > \"$0.info\"\n"
        + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\"}}'\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    RestConfig config = RestConfig.builder().server("https://10.0.0.1:6443").tlsServerName("kubernetes")
        .insecureSkipTlsVerify(true)
        .exec(ExecConfig.builder().command(plugin.toString()).provideClusterInfo(true).build()).build();
    assertThat(config.authorizationHeader()).contains("Bearer t");
    assertThat(Files.readString(Path.of(plugin + ".info")))
        .contains("\"server\":\"https://10.0.0.1:6443\"").contains("\"tls-server-name\":\"kubernetes\"");
  }

  /** GETs /version; null when it worked, the error message otherwise. */
  private static String get(RestConfig config) {
    try (RestClient client = RestClient.builder(config)
        .retryBackoff(new Backoff(Duration.ofMillis(1), 1.0, 0, 1, Duration.ofMillis(1))).build()) {
      client.get().path("/version").timeout(Duration.ofSeconds(20)).execute(String.class);
      return null;
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
