package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, passwords, keys and exec plugin output never reach toString(), exception messages or logs. */
@Timeout(60)
class RedactionTest {
  private static final String TOKEN = "tok-SECRET-1111";
  private static final String PASSWORD = "pw-SECRET-2222";
  private static final String EXEC_TOKEN = "exec-SECRET-3333";
  private static final String ENV_SECRET = "env-SECRET-4444";
  private static final String ARG_SECRET = "arg-SECRET-5555";
  private static final String PROXY_PASSWORD = "proxy-SECRET-6666";
  private static final List<String> SECRETS = List.of(TOKEN, PASSWORD, EXEC_TOKEN, ENV_SECRET, ARG_SECRET, PROXY_PASSWORD);

  @TempDir Path dir;

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertClean(String text) {
    for (String secret : SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }

  /** The message of the exception and of every cause. */
  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
    }
    return all.toString();
  }

  private Path script(String body) throws IOException {
    Path file = Files.createTempFile(dir, "plugin", ".sh");
    Files.writeString(file, body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  @Test
  void toStringShowsNoCredentials() throws IOException {
    TestPki.Issued client = TestPki.leaf(TestPki.ca("ca"), "ivy", TestPki.ec(), false);
    String keyPem = TestPki.pkcs8Pem(client.keys().getPrivate());
    String keyBody = keyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    ExecConfig exec = ExecConfig.builder().command("get-token").arg("--secret=" + ARG_SECRET).env("SECRET", ENV_SECRET).build();

    RestConfig.Builder builder = RestConfig.builder()
        .server("https://127.0.0.1:6443")
        .bearerToken(TOKEN)
        .clientCertData(client.certificatePem())
        .clientKeyData(keyPem)
        .exec(exec)
        .proxy(URI.create("http://user:" + PROXY_PASSWORD + "@proxy:3128"));
    RestConfig tokenConfig = builder.build();
    RestConfig basicConfig = RestConfig.builder().server("https://h").username("admin").password(PASSWORD).build();
    Files.writeString(dir.resolve("token"), TOKEN);
    RestConfig fileConfig = RestConfig.builder().server("https://h").bearerTokenFile(dir.resolve("token")).build();
    RestConfig execConfig = RestConfig.builder().server("https://h").exec(exec).build();

    for (Object o : List.of(tokenConfig, basicConfig, fileConfig, execConfig, builder, tokenConfig.toBuilder(), exec)) {
      assertClean(o.toString());
      assertThat(o.toString()).doesNotContain(keyBody);
    }
    assertThat(tokenConfig.toString()).contains("proxy=http://<redacted>@proxy:3128");
    assertThat(basicConfig.toString()).contains("basic auth user admin password <redacted>");
    assertThat(exec.toString()).contains("env=[SECRET]");
    // the values themselves are still there for the HTTP client
    assertThat(tokenConfig.authorizationHeader()).contains("Bearer " + TOKEN);
    assertThat(tokenConfig.proxy()).hasValueSatisfying(p -> assertThat(p.getUserInfo()).contains(PROXY_PASSWORD));

    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, """
        current-context: x
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {token: %s}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        """.formatted(TOKEN));
    assertClean(KubeConfig.load(kubeconfig).toString());
  }

  @Test
  void exceptionsCarryNoCredentials() throws IOException {
    List<Throwable> errors = new ArrayList<>();
    Path kubeconfig = dir.resolve("config");
    // key material that does not parse, holding a marker
    String badKey = "-----BEGIN RSA PRIVATE KEY-----\n" + b64(TOKEN + TOKEN + TOKEN) + "\n-----END RSA PRIVATE KEY-----\n";
    TestPki.Issued client = TestPki.leaf(TestPki.ca("ca"), "jo", TestPki.ec(), false);
    errors.add(catchError(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
        .clientKeyData(badKey).build()));
    errors.add(catchError(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
        .clientKeyData(TOKEN).build()));
    errors.add(catchError(() -> RestConfig.builder().server("https://h").bearerToken(TOKEN + "\n").build()));
    errors.add(catchError(() -> RestConfig.builder().server("https://h").bearerToken(TOKEN).password(PASSWORD).build()));
    errors.add(catchError(() -> RestConfig.builder().server("https://user:" + PASSWORD + "@h").build()));
    errors.add(catchError(() -> RestConfig.builder().server("https://user:" + PASSWORD + "@h h").build()));
    errors.add(catchError(() -> RestConfig.builder().server("https://h")
        .proxy(URI.create("socks5://u:" + PROXY_PASSWORD + "@p:1080")).build()));
    // YAML that does not parse, around a token
    errors.add(catchError(() -> KubeConfig.parse("users:\n- name: u\n  user: {token: \"" + TOKEN + "\n", kubeconfig)));
    errors.add(catchError(() -> KubeConfig.parse("users:\n- name: u\n  user: {token: [" + TOKEN + "]}\n"
        + "clusters: [{name: c, cluster: {server: https://h}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n",
        kubeconfig).restConfig("x")));
    errors.add(catchError(() -> KubeConfig.parse("users:\n- name: u\n  user: {client-key-data: \"" + TOKEN + "\"}\n"
        + "clusters: [{name: c, cluster: {server: https://h}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n",
        kubeconfig).restConfig("x")));
    // exec plugins: failing with the token on stdout, printing broken or unexpected output
    Path failing = script("#!/bin/sh\necho '" + EXEC_TOKEN + "'\necho 'denied' >&2\nexit 1\n");
    errors.add(catchError(() -> RestConfig.builder().server("https://h")
        .exec(ExecConfig.builder().command(failing.toString()).arg(ARG_SECRET).env("S", ENV_SECRET).build())
        .build().authorizationHeader()));
    Path broken = script("#!/bin/sh\nprintf '{\"status\":{\"token\":\"" + EXEC_TOKEN + "\"'\n");
    errors.add(catchError(() -> RestConfig.builder().server("https://h").exec(ExecConfig.of(broken.toString()))
        .build().authorizationHeader()));
    Path wrongKind = script("#!/bin/sh\necho '{\"kind\":\"" + EXEC_TOKEN + "\",\"apiVersion\":\"" + EXEC_TOKEN
        + "\",\"status\":{\"token\":\"" + EXEC_TOKEN + "\",\"expirationTimestamp\":\"" + EXEC_TOKEN + "\"}}'\n");
    errors.add(catchError(() -> RestConfig.builder().server("https://h").exec(ExecConfig.of(wrongKind.toString()))
        .build().authorizationHeader()));
    Path badExpiry = script("#!/bin/sh\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + ExecConfig.V1
        + "\",\"status\":{\"token\":\"" + EXEC_TOKEN + "\",\"expirationTimestamp\":\"" + EXEC_TOKEN + "\"}}'\n");
    errors.add(catchError(() -> RestConfig.builder().server("https://h").exec(ExecConfig.of(badExpiry.toString()))
        .build().authorizationHeader()));

    assertThat(errors).hasSize(14).allSatisfy(e -> {
      assertThat(e).isInstanceOf(KubeConfigException.class);
      assertClean(messages(e));
      assertThat(messages(e)).doesNotContain(b64(TOKEN + TOKEN + TOKEN));
    });
  }

  @Test
  void logLinesCarryNoCredentials() throws IOException {
    // slf4j-simple writes to System.err unless configured for System.out: capture both
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      Path token = dir.resolve("token");
      Files.writeString(token, TOKEN);
      RestConfig config = RestConfig.builder().server("https://h").bearerTokenFile(token).build();
      Files.delete(token);
      assertThat(config.authorizationHeader()).contains("Bearer " + TOKEN);

      Files.writeString(dir.resolve("sa-token"), TOKEN);
      Files.move(dir.resolve("sa-token"), Files.createDirectories(dir.resolve("sa")).resolve("token"));
      RestConfig.inCluster(dir.resolve("sa"), Map.of("KUBERNETES_SERVICE_HOST", "h", "KUBERNETES_SERVICE_PORT", "1"));

      KubeConfig.parse("""
          current-context: x
          clusters: [{name: c, cluster: {server: "https://h", tls-server-name: other}}]
          users: [{name: u, user: {username: admin, password: %s}}]
          contexts: [{name: x, context: {cluster: c, user: u}}]
          """.formatted(PASSWORD), dir.resolve("config")).restConfig();

      Path plugin = script("#!/bin/sh\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + ExecConfig.V1
          + "\",\"status\":{\"token\":\"" + EXEC_TOKEN + "\"}}'\n");
      assertThat(RestConfig.builder().server("https://h").exec(ExecConfig.of(plugin.toString(), ARG_SECRET)).build()
          .authorizationHeader()).contains("Bearer " + EXEC_TOKEN);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    // the warnings were written (so the capture works) and name files, not secrets
    assertThat(log).contains("keeping the previous bearer token").contains(dir.resolve("token").toString())
        .contains("no service account CA").contains("tls-server-name");
    assertClean(log);
  }

  private static Throwable catchError(Runnable action) {
    try {
      action.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected an error");
  }
}
