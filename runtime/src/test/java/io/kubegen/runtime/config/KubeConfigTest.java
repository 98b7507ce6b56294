package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading and merging kubeconfig files as kubectl does. */
@Timeout(60)
class KubeConfigTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void firstFileToSetAValueWins() throws IOException {
    Path first = write("a/config", """
        current-context: red
        clusters:
        - name: c1
          cluster: {server: "https://first.example:6443"}
        users:
        - name: u
          user: {token: first-token}
        contexts:
        - name: red
          context: {cluster: c1, user: u, namespace: red-ns}
        """);
    Path second = write("b/config", """
        current-context: blue
        clusters:
        - name: c1
          cluster: {server: "https://second.example:6443"}
        - name: c2
          cluster: {server: "https://blue.example"}
        users:
        - name: u
          user: {username: admin, password: pw}
        - name: u2
          user: {username: admin, password: pw}
        contexts:
        - name: red
          context: {cluster: c2, user: u2}
        - name: blue
          context: {cluster: c2, user: u}
        """);
    Path third = write("c/config", """
        current-context: green
        contexts:
        - name: green
          context: {cluster: c1}
        """);

    KubeConfig merged = KubeConfig.load(first, second, third);

    assertThat(merged.files()).containsExactly(first, second, third);
    assertThat(merged.currentContext()).contains("red");
    assertThat(merged.contextNames()).containsExactly("blue", "green", "red");
    assertThat(merged.clusterNames()).containsExactly("c1", "c2");
    assertThat(merged.userNames()).containsExactly("u", "u2");

    RestConfig red = merged.restConfig();
    assertThat(red.servers()).containsExactly(URI.create("https://first.example:6443"));
    assertThat(red.namespace()).isEqualTo("red-ns");
    // user "u" is taken whole from the first file: its token, not the second file's basic auth
    assertThat(red.authorizationHeader()).contains("Bearer first-token");

    RestConfig blue = merged.restConfig("blue");
    assertThat(blue.servers()).containsExactly(URI.create("https://blue.example"));
    assertThat(blue.namespace()).isEqualTo("default");
    assertThat(blue.authorizationHeader()).contains("Bearer first-token");

    RestConfig green = merged.restConfig("green");
    assertThat(green.servers()).containsExactly(URI.create("https://first.example:6443"));
    assertThat(green.authorizationHeader()).isEmpty();

    // the order of the files decides
    KubeConfig reversed = KubeConfig.load(second, first);
    assertThat(reversed.currentContext()).contains("blue");
    assertThat(reversed.restConfig("red").servers()).containsExactly(URI.create("https://blue.example"));
    assertThat(reversed.restConfig("red").authorizationHeader()).hasValueSatisfying(h -> assertThat(h).startsWith("Basic "));
  }

  @Test
  void currentContextComesFromTheFirstFileThatSetsIt() throws IOException {
    Path none = write("none", """
        clusters:
        - name: c
          cluster: {server: "https://c"}
        """);
    Path sets = write("sets", """
        current-context: ctx
        contexts:
        - name: ctx
          context: {cluster: c}
        """);
    KubeConfig merged = KubeConfig.load(none, sets);
    assertThat(merged.currentContext()).contains("ctx");
    assertThat(merged.restConfig().servers()).containsExactly(URI.create("https://c"));
  }

  @Test
  void kubeconfigEnvironmentListIsMergedAndMissingFilesSkipped() throws IOException {
    Path first = write("one.yaml", """
        current-context: one
        contexts:
        - name: one
          context: {cluster: c}
        """);
    Path second = write("two.yaml", """
        current-context: two
        clusters:
        - name: c
          cluster: {server: "https://two:443"}
        """);
    String list = String.join(File.pathSeparator, "", first.toString(), dir.resolve("missing").toString(),
        first.toString(), second.toString());
    KubeConfig merged = KubeConfig.load(Map.of("KUBECONFIG", list, "HOME", dir.toString()));
    assertThat(merged.files()).containsExactly(first, second);
    assertThat(merged.restConfig().servers()).containsExactly(URI.create("https://two:443"));
  }

  @Test
  void homeKubeConfigIsTheDefault() throws IOException {
    write(".kube/config", """
        current-context: home
        clusters: [{name: c, cluster: {server: "https://home:6443"}}]
        contexts: [{name: home, context: {cluster: c, namespace: mine}}]
        """);
    KubeConfig config = KubeConfig.load(Map.of("HOME", dir.toString(), "KUBECONFIG", ""));
    assertThat(config.files()).containsExactly(dir.resolve(".kube/config"));
    assertThat(config.restConfig().namespace()).isEqualTo("mine");
  }

  @Test
  void noKubeConfigGivesAClearError() {
    KubeConfig empty = KubeConfig.load(Map.of("HOME", dir.toString()));
    assertThat(empty.files()).isEmpty();
    assertThat(empty.contextNames()).isEmpty();
    assertThatThrownBy(empty::restConfig)
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("no kubeconfig: $KUBECONFIG is unset and " + dir.resolve(".kube/config") + " does not exist");
  }

  @Test
  void relativePathsResolveAgainstTheDirectoryOfTheFileThatNamedThem() throws Exception {
    TestPki.Issued serverCa = TestPki.ca("server-ca");
    TestPki.Issued clientCa = TestPki.ca("client-ca");
    TestPki.Issued serverCert = TestPki.leaf(serverCa, "apiserver", TestPki.ec(), true);
    TestPki.Issued client = TestPki.leaf(clientCa, "frank", TestPki.rsa(), false);
    write("team/certs/ca.crt", serverCa.certificatePem());
    write("team/certs/client.crt", client.certificatePem());
    write("team/certs/client.key", TestPki.traditionalPem(client.keys()));
    write("other/token", "token-from-other-dir\n");
    try (TestHttpsServer server = new TestHttpsServer(TestPki.serverContext(serverCert, serverCa, clientCa), true)) {
      Path team = write("team/config", """
          current-context: tls
          clusters:
          - name: c
            cluster:
              server: %s
              certificate-authority: certs/ca.crt
          users:
          - name: tls
            user: {client-certificate: certs/client.crt, client-key: ./certs/../certs/client.key}
          contexts:
          - name: tls
            context: {cluster: c, user: tls}
          - name: tok
            context: {cluster: c, user: tok}
          """.formatted(server.url()));
      Path other = write("other/config", """
          users:
          - name: tok
            user: {tokenFile: token}
          """);
      KubeConfig merged = KubeConfig.load(team, other);
      // a real handshake: the CA and the client certificate and key were found next to team/config
      assertThat(TestHttpsServer.get(merged.restConfig())).isEqualTo("CN=frank");
      // the token file was found next to other/config, the file that named it
      assertThat(merged.restConfig("tok").authorizationHeader()).contains("Bearer token-from-other-dir");

      // the same kubeconfig in another directory no longer finds its files
      Path moved = write("elsewhere/config", Files.readString(team));
      assertThatThrownBy(() -> KubeConfig.load(moved).restConfig())
          .isInstanceOf(KubeConfigException.class)
          .hasMessage(moved + ": clusters[0].cluster.certificate-authority: cannot read "
              + dir.resolve("elsewhere/certs/ca.crt") + " (NoSuchFileException)");
    }
  }

  @Test
  void inlineDataIsBase64() {
    TestPki.Issued ca = TestPki.ca("ca");
    TestPki.Issued client = TestPki.leaf(ca, "gina", TestPki.ec(), false);
    String yaml = """
        current-context: x
        clusters:
        - name: c
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority-data: %s
        users:
        - name: u
          user:
            client-certificate-data: %s
            client-key-data: |
              %s
        contexts:
        - name: x
          context: {cluster: c, user: u}
        """.formatted(b64(ca.certificatePem()), b64(client.certificatePem()),
        // line breaks inside base64 are skipped, as Go skips them
        Base64.getMimeEncoder().encodeToString(TestPki.pkcs8Pem(client.keys().getPrivate()).getBytes(StandardCharsets.UTF_8))
            .replace("\r\n", "\n      "));
    RestConfig config = KubeConfig.parse(yaml, dir.resolve("config")).restConfig();
    assertThat(config.authorizationHeader()).isEmpty();
    assertThat(config.toString()).contains("clientCertificate=<redacted>").contains("custom CA");
  }

  @Test
  void inlineDataAndFileTogetherAreRefusedAsKubectlRefusesThem() {
    Path file = dir.resolve("config");
    String ca = b64(TestPki.ca("ca").certificatePem());
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: https://h, certificate-authority-data: %s, certificate-authority: ca.crt}}]
        contexts: [{name: x, context: {cluster: c}}]
        """.formatted(ca), file + ": clusters[0].cluster.certificate-authority-data: both certificate-authority-data and "
        + "certificate-authority are set; remove one (kubectl refuses both too)");
    // an empty -data field is unset
    assertThat(KubeConfig.parse("""
        current-context: x
        clusters: [{name: c, cluster: {server: https://h, certificate-authority-data: '', insecure-skip-tls-verify: true}}]
        contexts: [{name: x, context: {cluster: c}}]
        """, file).restConfig().insecureSkipTlsVerify()).isTrue();
  }

  @Test
  void errorsNameTheFileAndTheField() {
    Path file = dir.resolve("kube/config");
    TestPki.Issued client = TestPki.leaf(TestPki.ca("ca"), "h", TestPki.ec(), false);
    String twoUsers = """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users:
        - name: fine
          user: {}
        - name: u
          user:
            client-certificate-data: %s
            client-key-data: %s
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """;
    assertThatThrownBy(() -> KubeConfig.parse(twoUsers.formatted(b64(client.certificatePem()), b64("garbage")), file)
            .restConfig())
        .isInstanceOf(KubeConfigException.class)
        .hasMessage(file + ": users[1].user.client-key-data: not a PEM private key");
    assertThatThrownBy(() -> KubeConfig.parse(twoUsers.formatted(b64(client.certificatePem()), "not*base64"), file)
            .restConfig())
        .hasMessage(file + ": users[1].user.client-key-data: not valid base64");

    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {}}]
        contexts: [{name: x, context: {cluster: c}}]
        """, file + ": clusters[0].cluster.server: missing");
    assertError(file, """
        current-context: x
        contexts: [{name: x, context: {cluster: nope}}]
        """, file + ": contexts[0].context.cluster: cluster \"nope\" is not defined in " + file);
    // a user that is not defined means no credentials, as in kubectl
    assertThat(KubeConfig.parse("""
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        contexts: [{name: x, context: {cluster: c, user: ghost}}]
        """, file).restConfig().authorizationHeader()).isEmpty();
    assertError(file, """
        current-context: missing
        contexts: [{name: x, context: {cluster: c}}]
        """, "context \"missing\" is not defined in " + file + "; known contexts: [x]");
    assertError(file, """
        clusters: [{name: c, cluster: {server: "https://h"}}]
        """, "no current-context is set in " + file + "; name a context explicitly");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h", insecure-skip-tls-verify: "yes"}}]
        contexts: [{name: x, context: {cluster: c}}]
        """, file + ": clusters[0].cluster.insecure-skip-tls-verify: expected true or false, found a string");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {token: t, username: a, password: b}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """, file + ": users[0].user.username: more than one authentication method (token and basic auth); only one is allowed");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {auth-provider: {name: oidc}}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """, file + ": users[0].user.auth-provider: auth provider plugins are not supported; use an exec credential plugin");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "ftp://h"}}]
        contexts: [{name: x, context: {cluster: c}}]
        """, file + ": clusters[0].cluster.server: scheme must be http or https: ftp://h");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h", proxy-url: "socks5://p:1080"}}]
        contexts: [{name: x, context: {cluster: c}}]
        """, file + ": clusters[0].cluster.proxy-url: only http:// proxies are supported by kubegen's HTTP client (the "
        + "JDK's), got socks5://p:1080");
  }

  @Test
  void credentialsForAPlainHttpServerAreNotSentAndThatIsSaidOnce() throws IOException {
    Path file = write("plain/config", """
        current-context: x
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:8080"}}]
        users: [{name: u, user: {token: not-sent, tokenFile: /nonexistent/token}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """);
    try (LogCapture logs = LogCapture.trace()) {
      for (int i = 0; i < 3; i++) {
        assertThat(KubeConfig.load(file).restConfig().authorizationHeader()).isEmpty();
      }
      assertThat(logs.lines()).filteredOn(l -> l.contains("WARN")).singleElement().asString()
          .contains(file + ": contexts[0].context.cluster: the server http://127.0.0.1:8080 is plain HTTP, so the "
              + "credentials of user \"u\" are not sent, as kubectl does not send them either");
    }
  }

  @Test
  void theNamelessContextIsTheCurrentOneWhenNoneIsSetAsInKubectl() {
    KubeConfig config = KubeConfig.parse("""
        clusters: [{name: c, cluster: {server: "https://h"}}]
        contexts: [{context: {cluster: c, namespace: nameless}}]
        """, dir.resolve("config"));
    assertThat(config.restConfig().namespace()).isEqualTo("nameless");
  }

  @Test
  void structuralErrorsAreReportedWhileParsing() {
    Path file = dir.resolve("config");
    assertThatThrownBy(() -> KubeConfig.parse("clusters:\n- name: a\n- name: a\n", file))
        .hasMessage(file + ": clusters[1].name: duplicate name \"a\" (first defined at clusters[0])");
    // a nameless entry loads (as the name ""), two of them are duplicates
    assertThat(KubeConfig.parse("users:\n- user: {token: t}\n", file).userNames()).containsExactly("");
    assertThatThrownBy(() -> KubeConfig.parse("users:\n- user: {token: t}\n- {}\n", file))
        .hasMessage(file + ": users[1].name: duplicate name \"\" (first defined at users[0])");
    assertThatThrownBy(() -> KubeConfig.parse("contexts: {a: b}\n", file))
        .hasMessage(file + ": contexts: expected a list, found a mapping");
    assertThatThrownBy(() -> KubeConfig.parse("- a\n- b\n", file))
        .hasMessage(file + ": not a kubeconfig: expected a mapping at the top level, found a list");
    assertThatThrownBy(() -> KubeConfig.parse("users:\n  - name: u\n    user: {token: \"secret-value\n", file))
        .isInstanceOf(KubeConfigException.class)
        .hasMessageStartingWith(file + ": not valid YAML at line ")
        .hasMessageNotContaining("secret-value");
    assertThat(KubeConfig.parse("", file).contextNames()).isEmpty();
    assertThatThrownBy(() -> KubeConfig.load(dir.resolve("absent")))
        .hasMessage(dir.resolve("absent") + ": cannot read kubeconfig (NoSuchFileException)");
  }

  @Test
  void execPluginSettingsAreRead() throws IOException {
    Path file = write("k/config", """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: ./bin/get-token
              args: [--cluster, one]
              env: [{name: REGION, value: eu}]
              provideClusterInfo: true
              installHint: install get-token
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """);
    RestConfig config = KubeConfig.load(file).restConfig();
    assertThat(config.toString())
        .contains("command=" + dir.resolve("k/bin/get-token"))
        .contains("env=[REGION]")
        .contains("args=2 value(s)");

    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """, file + ": users[0].user.exec.interactiveMode: missing; required for client.authentication.k8s.io/v1 (Never, IfAvailable or Always)");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: aws}}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """, file + ": users[0].user.exec.apiVersion: \"client.authentication.k8s.io/v1alpha1\" is not supported; use "
        + "client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1");
    assertError(file, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, interactiveMode: Never, args: [1, {a: b}]}}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """, file + ": users[0].user.exec.args[0]: expected a string, found a number");
  }

  private static void assertError(Path file, String yaml, String message) {
    assertThatThrownBy(() -> KubeConfig.parse(yaml, file).restConfig())
        .isInstanceOf(KubeConfigException.class)
        .hasMessage(message);
  }
}
