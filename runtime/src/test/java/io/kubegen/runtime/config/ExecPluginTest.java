package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec credential plugins: a shell script that counts its runs in a file and prints an
 * ExecCredential whose token names the run, its first argument and an environment variable.
 */
@Timeout(60)
class ExecPluginTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PLUGIN = """
      #!/bin/sh
      dir="$(dirname "$0")"
      n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
      echo $n > "$dir/count"
      printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/exec-info.json"
      exp=$(cat "$dir/expiry" 2>/dev/null)
      if [ -n "$exp" ]; then expfield=",\\"expirationTimestamp\\":\\"$exp\\""; else expfield=""; fi
      printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"tok-%s-%s-%s"%s}}\\n' \\
        "$API" "$n" "$1" "$REGION" "$expfield"
      """;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private int runs() throws IOException {
    return Integer.parseInt(Files.readString(dir.resolve("count")).strip());
  }

  private RestConfig config(ExecConfig exec) {
    return RestConfig.builder().server("https://127.0.0.1:6443").exec(exec).clock(clock).build();
  }

  private ExecConfig plugin(String apiVersion, String printedApiVersion) throws IOException {
    return ExecConfig.builder()
        .command(script("plugin.sh", PLUGIN).toString())
        .arg("eu-west")
        .env("REGION", "r1")
        .env("API", printedApiVersion)
        .apiVersion(apiVersion)
        .interactiveMode(ExecConfig.InteractiveMode.NEVER)
        .build();
  }

  @Test
  void tokenIsCachedUntilItExpiresAndAfterRefresh() throws IOException {
    Files.writeString(dir.resolve("expiry"), "2026-01-01T00:10:00Z");
    RestConfig config = config(plugin(ExecConfig.V1, ExecConfig.V1));

    assertThat(config.authorizationHeader()).contains("Bearer tok-1-eu-west-r1");
    assertThat(config.authorizationHeader()).contains("Bearer tok-1-eu-west-r1");
    assertThat(runs()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(9));
    assertThat(config.authorizationHeader()).contains("Bearer tok-1-eu-west-r1");
    assertThat(runs()).isEqualTo(1);

    Files.writeString(dir.resolve("expiry"), "2026-01-01T01:00:00Z");
    clock.advance(Duration.ofMinutes(1));
    assertThat(config.authorizationHeader()).contains("Bearer tok-2-eu-west-r1");
    assertThat(runs()).isEqualTo(2);

    config.refreshCredentials();
    assertThat(runs()).isEqualTo(2);
    assertThat(config.authorizationHeader()).contains("Bearer tok-3-eu-west-r1");
    assertThat(config.authorizationHeader()).contains("Bearer tok-3-eu-west-r1");
    assertThat(runs()).isEqualTo(3);
  }

  @Test
  void tokenWithoutExpiryIsKeptUntilRefresh() throws IOException {
    RestConfig config = config(plugin(ExecConfig.V1BETA1, ExecConfig.V1BETA1));
    assertThat(config.authorizationHeader()).contains("Bearer tok-1-eu-west-r1");
    clock.advance(Duration.ofDays(30));
    assertThat(config.authorizationHeader()).contains("Bearer tok-1-eu-west-r1");
    config.refreshCredentials();
    assertThat(config.authorizationHeader()).contains("Bearer tok-2-eu-west-r1");
  }

  @Test
  void concurrentCallersRunThePluginOnce() throws Exception {
    RestConfig config = config(plugin(ExecConfig.V1, ExecConfig.V1));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<String>>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return config.authorizationHeader();
      }));
    }
    start.countDown();
    for (Future<Optional<String>> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).contains("Bearer tok-1-eu-west-r1");
    }
    assertThat(runs()).isEqualTo(1);
  }

  @Test
  void pluginLearnsTheClusterWhenAsked() throws IOException {
    String ca = TestPki.ca("exec-ca").certificatePem();
    ExecConfig exec = ExecConfig.builder()
        .command(script("plugin.sh", PLUGIN).toString())
        .env("API", ExecConfig.V1)
        .provideClusterInfo(true)
        .build();
    RestConfig config = RestConfig.builder().server("https://10.0.0.1:6443").caData(ca).exec(exec).build();
    assertThat(config.authorizationHeader()).contains("Bearer tok-1--");

    JsonNode info = Json.mapper().readTree(Files.readString(dir.resolve("exec-info.json")));
    assertThat(info.path("apiVersion").asText()).isEqualTo(ExecConfig.V1);
    assertThat(info.path("kind").asText()).isEqualTo("ExecCredential");
    assertThat(info.path("spec").path("interactive").asBoolean(true)).isFalse();
    assertThat(info.path("spec").path("cluster").path("server").asText()).isEqualTo("https://10.0.0.1:6443");
    assertThat(new String(java.util.Base64.getDecoder().decode(
        info.path("spec").path("cluster").path("certificate-authority-data").asText()))).isEqualTo(ca);
  }

  @Test
  void pluginWithoutClusterInfoGetsOnlyTheSpec() throws IOException {
    RestConfig config = config(plugin(ExecConfig.V1, ExecConfig.V1));
    config.authorizationHeader();
    JsonNode info = Json.mapper().readTree(Files.readString(dir.resolve("exec-info.json")));
    assertThat(info.path("spec").has("cluster")).isFalse();
  }

  @Test
  void failingPluginGivesExitCodeAndStandardError() throws IOException {
    Path failing = script("failing.sh", """
        #!/bin/sh
        echo "partial-token-on-stdout"
        echo "cannot reach the token service" >&2
        exit 3
        """);
    RestConfig config = config(ExecConfig.of(failing.toString()));
    assertThatThrownBy(config::authorizationHeader)
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("exec: plugin \"" + failing + "\" failed with exit code 3; its standard error ends with: "
            + "cannot reach the token service")
        .hasNoCause();
  }

  @Test
  void wrongApiVersionIsRejected() throws IOException {
    RestConfig config = config(plugin(ExecConfig.V1, ExecConfig.V1BETA1));
    assertThatThrownBy(config::authorizationHeader)
        .hasMessageEndingWith("printed apiVersion \"client.authentication.k8s.io/v1beta1\", but the kubeconfig asks for "
            + "client.authentication.k8s.io/v1");
  }

  @Test
  void brokenOutputIsNotEchoed() throws IOException {
    Path broken = script("broken.sh", """
        #!/bin/sh
        printf '{"status": {"token": "leaked-secret-token"'
        """);
    RestConfig config = config(ExecConfig.of(broken.toString()));
    assertThatThrownBy(config::authorizationHeader)
        .hasMessageStartingWith("exec: plugin \"" + broken + "\": its output is not valid JSON (line 1")
        .hasMessageNotContaining("leaked-secret-token")
        .hasNoCause();

    Path noToken = script("no-token.sh", """
        #!/bin/sh
        echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}'
        """);
    assertThatThrownBy(() -> config(ExecConfig.of(noToken.toString())).authorizationHeader())
        .hasMessageEndingWith("the ExecCredential has no status.token and no client certificate");
  }

  @Test
  void missingCommandShowsTheInstallHint() {
    ExecConfig exec = ExecConfig.builder()
        .command(dir.resolve("no-such-plugin").toString())
        .installHint("Install it with: apt-get install no-such-plugin")
        .build();
    assertThatThrownBy(() -> config(exec).authorizationHeader())
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("exec: plugin \"" + dir.resolve("no-such-plugin")
            + "\" cannot be started (error=2, No such file or directory); Install it with: apt-get install no-such-plugin");
  }

  @Test
  void interactivePluginIsRefused() throws IOException {
    ExecConfig exec = ExecConfig.builder()
        .command(script("plugin.sh", PLUGIN).toString())
        .interactiveMode(ExecConfig.InteractiveMode.ALWAYS)
        .build();
    assertThatThrownBy(() -> config(exec).authorizationHeader())
        .hasMessageContaining("needs interactive mode");
    assertThat(Files.exists(dir.resolve("count"))).isFalse();
  }

  @Test
  void staticCredentialsWinOverThePlugin() throws IOException {
    RestConfig config = RestConfig.builder().server("https://h").bearerToken("static-token")
        .exec(plugin(ExecConfig.V1, ExecConfig.V1)).build();
    assertThat(config.authorizationHeader()).contains("Bearer static-token");
    assertThat(Files.exists(dir.resolve("count"))).isFalse();
  }

  private static final String CAT_PLUGIN = """
      #!/bin/sh
      dir="$(dirname "$0")"
      n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
      echo $n > "$dir/count"
      cat "$dir/credential.json"
      """;

  private void credential(String certPem, String keyPem) throws IOException {
    ObjectNode credential = Json.mapper().createObjectNode()
        .put("apiVersion", ExecConfig.V1).put("kind", "ExecCredential");
    credential.putObject("status")
        .put("clientCertificateData", certPem)
        .put("clientKeyData", keyPem)
        .put("expirationTimestamp", "2026-01-01T00:10:00Z");
    Files.writeString(dir.resolve("credential.json"), Json.write(credential));
  }

  @Test
  void pluginClientCertificateIsPresentedInTheHandshake() throws Exception {
    TestPki.Issued serverCa = TestPki.ca("server-ca");
    TestPki.Issued clientCa = TestPki.ca("client-ca");
    TestPki.Issued serverCert = TestPki.leaf(serverCa, "apiserver", TestPki.ec(), true);
    TestPki.Issued first = TestPki.leaf(clientCa, "plugin-user-1", TestPki.rsa(), false);
    TestPki.Issued second = TestPki.leaf(clientCa, "plugin-user-2", TestPki.ec(), false);
    credential(first.certificatePem(), TestPki.traditionalPem(first.keys()));
    ExecConfig exec = ExecConfig.of(script("cat.sh", CAT_PLUGIN).toString());

    try (TestHttpsServer server = new TestHttpsServer(TestPki.serverContext(serverCert, serverCa, clientCa), true)) {
      RestConfig config = RestConfig.builder().server(server.url().toString()).caData(serverCa.certificatePem())
          .exec(exec).clock(clock).build();
      // the handshake runs the plugin itself when nothing is cached yet
      assertThat(TestHttpsServer.get(config)).isEqualTo("CN=plugin-user-1");
      assertThat(config.authorizationHeader()).isEmpty();
      assertThat(runs()).isEqualTo(1);

      // after expiry, new connections present the new certificate
      credential(second.certificatePem(), TestPki.pkcs8Pem(second.keys().getPrivate()));
      clock.advance(Duration.ofMinutes(10));
      assertThat(config.authorizationHeader()).isEmpty();
      assertThat(runs()).isEqualTo(2);
      assertThat(TestHttpsServer.get(config)).isEqualTo("CN=plugin-user-2");
    }
  }

  @Test
  void pluginCertificateWithTheWrongKeyIsRejected() throws IOException {
    TestPki.Issued client = TestPki.leaf(TestPki.ca("ca"), "x", TestPki.ec(), false);
    credential(client.certificatePem(), TestPki.traditionalPem(TestPki.ec()));
    Path plugin = script("cat.sh", CAT_PLUGIN);
    RestConfig config = config(ExecConfig.of(plugin.toString()));
    assertThatThrownBy(config::authorizationHeader)
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("exec: plugin \"" + plugin + "\": status.clientKeyData: the private key does not belong to the "
            + "certificate in exec: plugin \"" + plugin + "\": status.clientCertificateData");
  }

  @Test
  void kubeconfigExecUserRunsThePlugin() throws IOException {
    Files.createDirectories(dir.resolve("bin"));
    script("bin/plugin.sh", PLUGIN.replace("$(dirname \"$0\")", "$(dirname \"$0\")/.."));
    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              interactiveMode: Never
              command: ./bin/plugin.sh
              args: [from-kubeconfig]
              env: [{name: API, value: client.authentication.k8s.io/v1}, {name: REGION, value: r9}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """);
    assertThat(KubeConfig.load(kubeconfig).restConfig().authorizationHeader())
        .contains("Bearer tok-1-from-kubeconfig-r9");
  }
}
