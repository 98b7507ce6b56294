package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import io.kubegen.runtime.testserver.SelfSignedCertificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client over HTTPS: the config's TLS context is used, and a failed handshake is not retried. */
@Timeout(30)
class TlsRestClientTest {
  private static final SelfSignedCertificate CERT = SelfSignedCertificate.create();
  private static FaultServer server;

  @BeforeAll
  static void start() {
    server = FaultServer.startTls(CERT);
    server.route("/version").always(Reply.json(200, "{\"major\":\"1\"}"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void trustsTheConfiguredCa() {
    RestConfig config = RestConfig.builder().server(server.url().toString()).caData(CERT.certificatePem()).qps(-1).build();
    try (RestClient client = RestClient.create(config)) {
      assertThat(client.get().path("/version").execute(String.class)).contains("\"major\"");
    }
  }

  @Test
  void insecureSkipTlsVerifyAcceptsAnyCertificate() {
    RestConfig config = RestConfig.builder().server(server.url().toString()).insecureSkipTlsVerify(true).qps(-1).build();
    try (RestClient client = RestClient.create(config)) {
      assertThat(client.get().path("/version").execute(String.class)).contains("\"major\"");
    }
  }

  @Test
  void hostNamesAreCheckedUnlessVerificationIsSkipped() {
    SelfSignedCertificate otherHost = SelfSignedCertificate.forHost("elsewhere.example");
    try (FaultServer wrongName = FaultServer.startTls(otherHost)) {
      wrongName.route("/version").always(Reply.json(200, "{\"major\":\"1\"}"));
      RestConfig trusting = RestConfig.builder().server(wrongName.url().toString()).caData(otherHost.certificatePem())
          .qps(-1).build();
      try (RestClient client = RestClient.builder(trusting).sleeper(d -> {
        throw new AssertionError("a host name mismatch is not retried");
      }).build()) {
        assertThatThrownBy(() -> client.get().path("/version").execute(String.class))
            .isInstanceOf(KubeClientException.class)
            .hasMessageContaining("TLS handshake failed: the server's certificate does not name the host")
            .hasMessageContaining("it names elsewhere.example");
      }
      RestConfig insecure = RestConfig.builder().server(wrongName.url().toString()).insecureSkipTlsVerify(true)
          .qps(-1).build();
      try (RestClient client = RestClient.create(insecure)) {
        assertThat(client.get().path("/version").execute(String.class)).contains("\"major\"");
      }
    }
  }

  @Test
  void anUntrustedServerFailsAtOnceWithoutRetries() {
    List<Duration> sleeps = new ArrayList<>();
    int before = server.requests().size();
    RestConfig config = RestConfig.builder().server(server.url().toString()).qps(-1).build();
    try (RestClient client = RestClient.builder(config).sleeper(sleeps::add).build()) {
      assertThatThrownBy(() -> client.get().path("/version").execute(String.class))
          .isInstanceOf(KubeClientException.class)
          .hasMessageContaining("TLS handshake failed: the server's certificate is not trusted")
          .hasMessageContaining("check the CA");
    }
    assertThat(sleeps).isEmpty();
    assertThat(server.requests()).hasSize(before);
  }
}
