package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real TLS handshakes on loopback with the {@link RestConfig#sslContext()}. */
@Timeout(60)
class TlsTest {
  private static TestPki.Issued serverCa;
  private static TestPki.Issued clientCa;
  private static TestPki.Issued serverCert;
  private static TestPki.Issued serverCertWithoutSan;

  @BeforeAll
  static void pki() {
    serverCa = TestPki.ca("server-ca");
    clientCa = TestPki.ca("client-ca");
    serverCert = TestPki.leaf(serverCa, "apiserver", TestPki.ec(), true);
    serverCertWithoutSan = TestPki.leaf(serverCa, "elsewhere", TestPki.ec(), false);
  }

  static Stream<Arguments> keyFormats() {
    KeyPair rsa = TestPki.rsa();
    KeyPair ec = TestPki.ec();
    return Stream.of(
        Arguments.of("PKCS#1 RSA", rsa, (Function<KeyPair, String>) TestPki::traditionalPem, "RSA PRIVATE KEY"),
        Arguments.of("PKCS#8 RSA", rsa, (Function<KeyPair, String>) k -> TestPki.pkcs8Pem(k.getPrivate()), "BEGIN PRIVATE KEY"),
        Arguments.of("SEC1 EC", ec, (Function<KeyPair, String>) TestPki::traditionalPem, "EC PRIVATE KEY"),
        Arguments.of("PKCS#8 EC", ec, (Function<KeyPair, String>) k -> TestPki.pkcs8Pem(k.getPrivate()), "BEGIN PRIVATE KEY"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyFormats")
  void clientCertificateIsPresentedInTheHandshake(String format, KeyPair keys, Function<KeyPair, String> writer,
      String marker) throws Exception {
    TestPki.Issued client = TestPki.leaf(clientCa, "alice-" + format.replaceAll("\\W", ""), keys, false);
    String keyPem = writer.apply(keys);
    assertThat(keyPem).contains(marker);
    assertSameKey(Pem.privateKey(keyPem, "test"), keys.getPrivate());

    try (TestHttpsServer server = new TestHttpsServer(TestPki.serverContext(serverCert, serverCa, clientCa), true)) {
      RestConfig config = RestConfig.builder()
          .server(server.url().toString())
          .caData(serverCa.certificatePem())
          .clientCertData(client.certificatePem())
          .clientKeyData(keyPem)
          .build();
      assertThat(TestHttpsServer.get(config)).isEqualTo(client.certificate().getSubjectX500Principal().getName());
    }
  }

  @Test
  void clientCertificateAndKeyFromFiles(@TempDir Path dir) throws Exception {
    TestPki.Issued client = TestPki.leaf(clientCa, "bob", TestPki.ec(), false);
    Files.writeString(dir.resolve("ca.crt"), serverCa.certificatePem());
    Files.writeString(dir.resolve("client.crt"), client.certificatePem());
    Files.writeString(dir.resolve("client.key"), TestPki.traditionalPem(client.keys()));
    try (TestHttpsServer server = new TestHttpsServer(TestPki.serverContext(serverCert, serverCa, clientCa), true)) {
      RestConfig config = RestConfig.builder()
          .server(server.url().toString())
          .caFile(dir.resolve("ca.crt"))
          .clientCertFile(dir.resolve("client.crt"))
          .clientKeyFile(dir.resolve("client.key"))
          .build();
      assertThat(TestHttpsServer.get(config)).isEqualTo("CN=bob");
    }
  }

  @Test
  void caBundleIsTheOnlyTrust() throws Exception {
    TestPki.Issued otherCa = TestPki.ca("other-ca");
    try (TestHttpsServer server = new TestHttpsServer(TestPki.serverContext(serverCert, serverCa, clientCa), false)) {
      String bundle = otherCa.certificatePem() + serverCa.certificatePem();
      RestConfig trusting = RestConfig.builder().server(server.url().toString()).caData(bundle).build();
      assertThat(TestHttpsServer.get(trusting)).isEqualTo("anonymous");

      RestConfig wrongCa = RestConfig.builder().server(server.url().toString()).caData(otherCa.certificatePem()).build();
      assertThatThrownBy(() -> TestHttpsServer.get(wrongCa)).isInstanceOf(IOException.class);

      RestConfig jdkTrust = RestConfig.builder().server(server.url().toString()).build();
      assertThatThrownBy(() -> TestHttpsServer.get(jdkTrust)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void hostNameIsCheckedUnlessInsecure() throws Exception {
    try (TestHttpsServer server = new TestHttpsServer(
        TestPki.serverContext(serverCertWithoutSan, serverCa, clientCa), false)) {
      RestConfig verified = RestConfig.builder().server(server.url().toString()).caData(serverCa.certificatePem()).build();
      assertThatThrownBy(() -> TestHttpsServer.get(verified)).isInstanceOf(IOException.class);

      RestConfig insecure = RestConfig.builder().server(server.url().toString()).insecureSkipTlsVerify(true).build();
      assertThat(insecure.insecureSkipTlsVerify()).isTrue();
      assertThat(TestHttpsServer.get(insecure)).isEqualTo("anonymous");
    }
  }

  @Test
  void insecureStillPresentsClientCertificate() throws Exception {
    TestPki.Issued client = TestPki.leaf(clientCa, "carol", TestPki.rsa(), false);
    try (TestHttpsServer server = new TestHttpsServer(TestPki.serverContext(serverCert, serverCa, clientCa), true)) {
      RestConfig config = RestConfig.builder()
          .server(server.url().toString())
          .insecureSkipTlsVerify(true)
          .clientCertData(client.certificatePem())
          .clientKeyData(TestPki.pkcs8Pem(client.keys().getPrivate()))
          .build();
      assertThat(TestHttpsServer.get(config)).isEqualTo("CN=carol");
    }
  }

  @Test
  void keyThatDoesNotBelongToTheCertificateIsRejected() {
    TestPki.Issued client = TestPki.leaf(clientCa, "dave", TestPki.ec(), false);
    RestConfig.Builder builder = RestConfig.builder()
        .server("https://127.0.0.1:6443")
        .clientCertData(client.certificatePem())
        .clientKeyData(TestPki.traditionalPem(TestPki.ec()));
    assertThatThrownBy(builder::build)
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("clientKeyData: the private key does not belong to the certificate in clientCertData");
  }

  @Test
  void badPemIsNamedByItsSetting(@TempDir Path dir) throws IOException {
    TestPki.Issued client = TestPki.leaf(clientCa, "erin", TestPki.ec(), false);
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
            .clientKeyData("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n").build())
        .isInstanceOf(KubeConfigException.class)
        .hasMessageStartingWith("clientKeyData: not a PEM private key");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
            .clientKeyData(client.certificatePem()).build())
        .hasMessage("clientKeyData: not a PEM private key");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").caData("hello").build())
        .hasMessage("caData: not a PEM certificate (no CERTIFICATE block found)");
    Path missing = dir.resolve("nope.crt");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").caFile(missing).build())
        .hasMessage("caFile: cannot read " + missing + " (NoSuchFileException)");
    Files.writeString(dir.resolve("key.pem"), "not pem");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
            .clientKeyFile(dir.resolve("key.pem")).build())
        .hasMessage("clientKeyFile (" + dir.resolve("key.pem") + "): not a PEM private key");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem()).build())
        .hasMessage("clientCertData: a client certificate needs a client key");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").caData(serverCa.certificatePem())
            .insecureSkipTlsVerify(true).build())
        .hasMessage("caData: cannot be combined with insecure-skip-tls-verify; remove one of them");
  }

  /** Same key material (encodings of one EC key differ in optional fields). */
  private static void assertSameKey(PrivateKey actual, PrivateKey expected) {
    assertThat(actual.getAlgorithm()).isEqualTo(expected.getAlgorithm());
    if (expected instanceof ECPrivateKey ec) {
      assertThat(((ECPrivateKey) actual).getS()).isEqualTo(ec.getS());
      assertThat(((ECPrivateKey) actual).getParams().getOrder()).isEqualTo(ec.getParams().getOrder());
    } else {
      assertThat(actual.getEncoded()).isEqualTo(expected.getEncoded());
    }
  }

  @Test
  void ecKeyWithParametersBlockIsRead() {
    KeyPair keys = TestPki.ec();
    String pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + TestPki.traditionalPem(keys);
    assertSameKey(Pem.privateKey(pem, "test"), keys.getPrivate());
  }
}
