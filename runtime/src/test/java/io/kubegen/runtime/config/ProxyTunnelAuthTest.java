package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.rest.Backoff;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How kubegen gets the JDK to send proxy credentials on {@code CONNECT}, checked in fresh JVMs
 * (the JDK reads {@code jdk.http.auth.tunneling.disabledSchemes} once per JVM, and the surefire
 * JVM sets it on its command line): when nothing used the JDK's HTTP client before, kubegen's own
 * setting works; when something did, or when the property lists Basic, a warning says what to do.
 * Each child JVM runs {@link #main} against a loopback proxy and server of its own and prints what
 * the proxy saw.
 */
@Timeout(180)
class ProxyTunnelAuthTest {
  @TempDir Path dir;

  @Test
  void kubegenEnablesBasicCredentialsOnConnectInAFreshJvm() throws Exception {
    String out = child("fresh");
    assertThat(out).contains("CONNECT carried: [Basic " + b64("tunnel-user:tunnel-pw") + "]")
        .contains("kubegen sets -Djdk.http.auth.tunneling.disabledSchemes= (empty)")
        .doesNotContain("WARN").doesNotContain("tunnel-pw");
  }

  @Test
  void aJvmThatUsedTheHttpClientBeforeGetsAWarning() throws Exception {
    String out = child("used-before");
    assertThat(out).contains("CONNECT carried: []")
        .contains("WARN io.kubegen.runtime.config.ProxyTunnelAuth - proxy: the proxy URL has credentials, but this "
            + "JVM's HTTP client does not send them on CONNECT")
        .contains("start the JVM with -Djdk.http.auth.tunneling.disabledSchemes= (empty)")
        .doesNotContain("tunnel-pw");
  }

  @Test
  void aPropertyThatListsBasicIsRespectedWithAWarning() throws Exception {
    String out = child("lists-basic", "-Djdk.http.auth.tunneling.disabledSchemes=Digest, Basic");
    assertThat(out).contains("CONNECT carried: []")
        .contains("lists Basic, so the JDK's HTTP client will not send them")
        .doesNotContain("tunnel-pw");
  }

  private static String b64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private String child(String mode, String... jvmArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmArgs));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProxyTunnelAuthTest.class.getName(), mode));
    Path output = dir.resolve(mode + ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not finish: " + Files.readString(output));
    }
    String out = Files.readString(output);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  /** The child JVM: one request through a proxy with credentials; prints the Proxy-Authorization the proxy got. */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("used-before")) {
      HttpClient other = HttpClient.newHttpClient();
      try {
        other.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException expected) {
        // nothing listens there; the client is initialised all the same
      }
    }
    TestPki.Issued ca = TestPki.ca("tunnel-ca");
    TestPki.Issued serverCert = TestPki.serverLeaf(ca, "apiserver", TestPki.ec(), "127.0.0.1");
    try (CapturingServer server = CapturingServer.https(TestPki.serverContext(serverCert, ca, ca));
        CapturingServer proxy = CapturingServer.proxy()) {
      RestConfig config = RestConfig.builder().server("https://127.0.0.1:" + server.port())
          .caData(ca.certificatePem())
          .proxy(URI.create("http://tunnel-user:tunnel-pw@127.0.0.1:" + proxy.port()))
          .proxyEnvironment(java.util.Map.of())
          .build();
      try (RestClient client = RestClient.builder(config)
          .retryBackoff(new Backoff(Duration.ofMillis(1), 1.0, 0, 1, Duration.ofMillis(1))).build()) {
        client.get().path("/version").timeout(Duration.ofSeconds(30)).execute(String.class);
      }
      System.out.println("CONNECT carried: " + proxy.exchanges().get(0).header("Proxy-Authorization"));
    }
  }
}
