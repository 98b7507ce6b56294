package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.rest.Backoff;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a distinct secret in every credential field, every part of server and proxy URLs and the
 * output of exec plugins, drives every error path kubegen has for them (loading, building,
 * plugin runs, requests that fail or are refused), and checks that no planted value appears in
 * any log line (every kubegen logger at TRACE), exception message (causes included) or
 * {@code toString()}.
 */
@Timeout(120)
class RedactionTest {
  private static final String TOKEN = "tok-SECRET-01";
  private static final String TOKEN_FILE = "tokfile-SECRET-02";
  private static final String PASSWORD = "pw-SECRET-03";
  private static final String USERNAME = "user-SECRET-04";
  private static final String EXEC_ARG = "arg-SECRET-05";
  private static final String EXEC_ENV = "env-SECRET-06";
  private static final String EXEC_TOKEN = "exec-SECRET-07";
  private static final String URL_USER = "urluser-SECRET-08";
  private static final String URL_PASSWORD = "urlpw-SECRET-09";
  private static final String URL_QUERY = "urlquery-SECRET-10";
  private static final String URL_FRAGMENT = "urlfrag-SECRET-11";
  private static final String PROXY_USER = "proxyuser-SECRET-12";
  private static final String PROXY_PASSWORD = "proxypw-SECRET-13";
  private static final String ENV_PROXY_PASSWORD = "envproxypw-SECRET-14";
  private static final String AUTH_PROVIDER = "idtoken-SECRET-15";
  private static final String PROXY_QUERY = "proxyquery-SECRET-16";
  private static final String KEY_MARKER = "keymaterial-SECRET-17";
  private static final List<String> SECRETS = List.of(TOKEN, TOKEN_FILE, PASSWORD, USERNAME, EXEC_ARG, EXEC_ENV,
      EXEC_TOKEN, URL_USER, URL_PASSWORD, URL_QUERY, URL_FRAGMENT, PROXY_USER, PROXY_PASSWORD, ENV_PROXY_PASSWORD,
      AUTH_PROVIDER, PROXY_QUERY, KEY_MARKER);

  @TempDir static Path dir;
  private static CapturingServer server;
  private static CapturingServer proxy;
  private static TestPki.Issued ca;
  private static TestPki.Issued client;
  private static List<String> keyLines;

  private final List<Throwable> errors = new ArrayList<>();
  private final List<Object> printed = new ArrayList<>();

  @BeforeAll
  static void start() {
    ca = TestPki.ca("redaction-ca");
    TestPki.Issued serverCert = TestPki.serverLeaf(ca, "apiserver", TestPki.ec(), "127.0.0.1");
    client = TestPki.leaf(TestPki.ca("client-ca"), "ivy", TestPki.ec(), false);
    server = CapturingServer.https(TestPki.serverContext(serverCert, ca, ca));
    proxy = CapturingServer.proxy();
    String keyPem = TestPki.pkcs8Pem(client.keys().getPrivate());
    keyLines = keyPem.lines().filter(l -> !l.startsWith("-----") && l.length() > 16).toList();
  }

  @AfterAll
  static void stop() {
    server.close();
    proxy.close();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The server URL with a secret in each of its parts. */
  private static String secretServer(int port) {
    return "https://" + URL_USER + ":" + URL_PASSWORD + "@127.0.0.1:" + port + "?access_token=" + URL_QUERY
        + "#" + URL_FRAGMENT;
  }

  private static String secretProxy() {
    return "http://" + PROXY_USER + ":" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port() + "/?q=" + PROXY_QUERY;
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static String credential(String token) {
    return "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\""
        + token + "\"}}'\n";
  }

  /**
   * Runs {@code action}, keeps its error if it throws, keeps its result to check its toString
   * otherwise (not header values, which hold credentials by design).
   */
  private void attempt(Supplier<?> action) {
    try {
      Object result = action.get();
      if (result != null && !(result instanceof java.util.Optional)) {
        printed.add(result);
      }
    } catch (Throwable t) {
      errors.add(t);
    }
  }

  private Path kubeconfig(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private RestConfig load(Path file, Map<String, String> env, String context) {
    Map<String, String> all = new HashMap<>(env);
    all.put("KUBECONFIG", file.toString());
    all.put("HOME", dir.toString());
    KubeConfig config = KubeConfig.load(all);
    printed.add(config);
    RestConfig.Builder builder = config.restConfigBuilder(context);
    printed.add(builder);
    RestConfig built = builder.build();
    printed.add(built.toBuilder());
    return built;
  }

  private String request(RestConfig config) {
    try (RestClient client = RestClient.builder(config).sleeper(d -> { })
        .retryBackoff(new Backoff(Duration.ofMillis(1), 1.0, 0, 2, Duration.ofMillis(1))).build()) {
      printed.add(client);
      return client.get().path("/api/v1/namespaces").param("labelSelector", "app=" + URL_QUERY)
          .timeout(Duration.ofSeconds(30)).execute(String.class);
    }
  }

  @Test
  void noPlantedSecretReachesALogLineAMessageOrToString() throws IOException {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, TOKEN_FILE + "\n");
    String keyPem = TestPki.pkcs8Pem(client.keys().getPrivate());
    Path plugin = script("plugin.sh", credential(EXEC_TOKEN));
    String everyUser = """
        current-context: token
        clusters:
        - name: secret
          cluster: {server: '%s', certificate-authority-data: %s, proxy-url: '%s'}
        users:
        - name: token
          user: {token: %s, tokenFile: '%s', as: jane}
        - name: basic
          user: {username: %s, password: %s}
        - name: cert
          user: {client-certificate-data: %s, client-key-data: %s}
        - name: exec
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: '%s'
              args: ['--secret=%s']
              env: [{name: SECRET, value: %s}]
              interactiveMode: Never
              provideClusterInfo: true
        contexts:
        - {name: token, context: {cluster: secret, user: token}}
        - {name: basic, context: {cluster: secret, user: basic}}
        - {name: cert, context: {cluster: secret, user: cert}}
        - {name: exec, context: {cluster: secret, user: exec}}
        """.formatted(secretServer(server.port()), b64(ca.certificatePem()), secretProxy(), TOKEN, tokenFile,
        USERNAME, PASSWORD, b64(client.certificatePem()), b64(keyPem), plugin, EXEC_ARG, EXEC_ENV);
    Path file = kubeconfig("every-user", everyUser);

    String log;
    try (LogCapture logs = LogCapture.trace()) {
      // every user through the proxy, to the server: successes, then the refusals of the server
      for (String context : List.of("token", "basic", "cert", "exec")) {
        for (int status : new int[] {200, 401, 403, 500}) {
          server.answerWith(status);
          attempt(() -> request(load(file, Map.of(), context)));
        }
      }
      server.answerWith(200);
      attempt(() -> load(file, Map.of(), "exec").authorizationHeader());

      loadingErrors();
      urlErrors();
      credentialErrors(tokenFile);
      execErrors();
      requestErrors();
      inCluster();
      log = logs.text();
    }

    // the paths ran: requests were made and logged, and errors were raised
    assertThat(server.exchanges()).isNotEmpty();
    assertThat(log).contains("DEBUG").contains("WARN").contains("401 Unauthorized; refreshing credentials");
    assertThat(errors).hasSizeGreaterThan(30);
    for (String secret : SECRETS) {
      assertThat(log).as("log").doesNotContain(secret);
      for (Throwable error : errors) {
        for (Throwable t = error; t != null; t = t.getCause()) {
          assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(secret);
          assertThat(t.toString()).doesNotContain(secret);
        }
      }
      for (Object object : printed) {
        assertThat(object.toString()).as("toString of %s", object.getClass().getName()).doesNotContain(secret);
      }
    }
    for (String line : keyLines) {
      assertThat(log).doesNotContain(line);
      errors.forEach(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(line));
      printed.forEach(o -> assertThat(o.toString()).doesNotContain(line));
    }
  }

  @Test
  void requestUrlsShowNumbersAndFlagsOfTheApiAndHideEverythingElse() {
    assertThat(Redaction.request("https://u:" + URL_PASSWORD + "@h:6443/api/v1/configmaps?watch=true"
        + "&resourceVersion=17&labelSelector=app%3Dweb&token=" + URL_QUERY + "&" + URL_QUERY + "#" + URL_QUERY))
        .isEqualTo("https://<redacted>@h:6443/api/v1/configmaps?watch=true&resourceVersion=17"
            + "&labelSelector=<redacted>&token=<redacted>&<redacted>#<redacted>");
    assertThat(Redaction.text("https://h/api?resourceVersion=17")).isEqualTo("https://h/api?resourceVersion=<redacted>");
  }

  private void loadingErrors() throws IOException {
    String base = "current-context: x\nclusters: [{name: c, cluster: {server: 'https://h'}}]\n"
        + "contexts: [{name: x, context: {cluster: c, user: u}}]\n";
    for (String user : List.of(
        "{token: \"" + TOKEN + "\n",                         // YAML that does not parse
        "{token: [" + TOKEN + "]}",                         // a list where a string belongs
        "{token: {" + TOKEN + ": " + PASSWORD + "}}",
        "{client-key-data: '" + KEY_MARKER + "'}",           // not base64
        "{client-certificate-data: " + b64(client.certificatePem()) + ", client-key-data: "
            + b64("-----BEGIN PRIVATE KEY-----\n" + b64(KEY_MARKER + KEY_MARKER) + "\n-----END PRIVATE KEY-----\n") + "}",
        "{client-certificate-data: " + b64(client.certificatePem()) + ", client-key-data: " + b64(KEY_MARKER) + "}",
        "{token: " + TOKEN + ", username: " + USERNAME + ", password: " + PASSWORD + "}",
        "{auth-provider: {name: oidc, config: {id-token: " + AUTH_PROVIDER + "}}}",
        "{as-groups: [" + USERNAME + "]}",
        "{token: '" + TOKEN + "\u00fc'}",
        "{token: \"" + TOKEN + "\\r\\nX-Injected: 1\"}",
        "{password: " + PASSWORD + ", username: " + USERNAME + ", exec: {command: x}}")) {
      Path file = kubeconfig("bad-user", base + "users: [{name: u, user: " + user + "}]\n");
      attempt(() -> load(file, Map.of(), "x"));
    }
    attempt(() -> KubeConfig.parse("users:\n- name: u\n  user:\n    token: " + TOKEN + "\n  - broken: [\n", dir.resolve("p")));
    attempt(() -> KubeConfig.parse("users: [{name: u, user: &a {token: " + TOKEN + ", x: *a}}]\n", dir.resolve("p")));
    attempt(() -> KubeConfig.parse("users: [{name: u, user: {token: !!int " + TOKEN + "}}]\n", dir.resolve("p")));
    attempt(() -> KubeConfig.parse("users: [{name: u, user: {token: " + TOKEN + ", <<: " + PASSWORD + "}}]\n", dir.resolve("p")));
    attempt(() -> KubeConfig.parse("users: [{name: dup, user: {token: " + TOKEN + "}}, {name: dup}]\n", dir.resolve("p")));
  }

  private void urlErrors() throws IOException {
    String userinfo = URL_USER + ":" + URL_PASSWORD + "@";
    String query = "?access_token=" + URL_QUERY + "#" + URL_FRAGMENT;
    for (String server : List.of("https://" + userinfo + "h h" + query, "ftp://" + userinfo + "h" + query,
        "https://" + userinfo + "my_host" + query, "https://" + userinfo + "h:port" + query,
        "https://" + userinfo + "[::1" + query, " https://" + userinfo + "h" + query,
        "https://" + userinfo + "h/%zz" + query, userinfo + "h:1/path" + query, "https://%" + userinfo + "h" + query)) {
      attempt(() -> RestConfig.builder().server(server).build());
      Path file = kubeconfig("bad-server", "current-context: x\nclusters: [{name: c, cluster: {server: '" + server
          + "'}}]\ncontexts: [{name: x, context: {cluster: c}}]\n");
      attempt(() -> load(file, Map.of(), "x"));
    }
    String proxyUserinfo = PROXY_USER + ":" + PROXY_PASSWORD + "@";
    for (String proxyUrl : List.of("socks5://" + proxyUserinfo + "p:1080/?q=" + PROXY_QUERY,
        "https://" + proxyUserinfo + "p:1/?q=" + PROXY_QUERY, "ftp://" + proxyUserinfo + "p/?q=" + PROXY_QUERY,
        "http://" + proxyUserinfo + "p:bad/?q=" + PROXY_QUERY, "http://" + proxyUserinfo + "/?q=" + PROXY_QUERY)) {
      Path file = kubeconfig("bad-proxy", "current-context: x\nclusters: [{name: c, cluster: {server: 'https://h', "
          + "proxy-url: '" + proxyUrl + "'}}]\ncontexts: [{name: x, context: {cluster: c}}]\n");
      attempt(() -> load(file, Map.of(), "x"));
      attempt(() -> RestConfig.builder().server("https://h").proxy(URI.create(proxyUrl.replace("p:bad", "p"))).build());
    }
    for (String envProxy : List.of("socks5://u:" + ENV_PROXY_PASSWORD + "@p:1", "http://u:" + ENV_PROXY_PASSWORD + "@p:x y",
        "u:" + ENV_PROXY_PASSWORD + "@p:1", "ftp://u:" + ENV_PROXY_PASSWORD + "@p:1")) {
      attempt(() -> RestConfig.builder().server("https://h").proxyEnvironment(Map.of("HTTPS_PROXY", envProxy)).build());
      attempt(() -> RestConfig.builder().server("http://h").proxyEnvironment(Map.of("HTTP_PROXY", envProxy,
          "REQUEST_METHOD", "GET")).build());
    }
  }

  private void credentialErrors(Path goodTokenFile) throws IOException {
    attempt(() -> RestConfig.builder().server("https://h").bearerToken(TOKEN + "\n").build());
    attempt(() -> RestConfig.builder().server("https://h").bearerToken(TOKEN + "\u200b").build());
    attempt(() -> RestConfig.builder().server("https://h").bearerToken(TOKEN).password(PASSWORD).build());
    attempt(() -> RestConfig.builder().server("https://h").password(PASSWORD).build());
    attempt(() -> RestConfig.builder().server("https://h").username(USERNAME).password(PASSWORD).build());
    attempt(() -> RestConfig.builder().server("https://h").userAgent("agent\n" + TOKEN).build());
    attempt(() -> RestConfig.builder().server("https://h")
        .impersonate(ImpersonationConfig.user("jane").withGroups(List.of(USERNAME + "\u00e9"))).build());
    Path badToken = dir.resolve("bad-token");
    Files.writeString(badToken, TOKEN_FILE + "\u0007" + TOKEN_FILE);
    attempt(() -> RestConfig.builder().server("https://h").bearerTokenFile(badToken).build());
    Path missing = dir.resolve("missing-token");
    attempt(() -> RestConfig.builder().server("https://h").bearerToken(TOKEN).bearerTokenFile(missing).build()
        .authorizationHeader());
    RestConfig rotating = RestConfig.builder().server("https://h").bearerTokenFile(goodTokenFile).build();
    printed.add(rotating);
    Files.writeString(goodTokenFile, TOKEN_FILE + "\n" + TOKEN_FILE);
    attempt(rotating::authorizationHeader);
    Files.delete(goodTokenFile);
    attempt(rotating::authorizationHeader);
    attempt(() -> {
      rotating.refreshCredentials();
      return rotating.authorizationHeader();
    });
    String keyWithMarker = "-----BEGIN RSA PRIVATE KEY-----\n" + b64(KEY_MARKER + KEY_MARKER + KEY_MARKER)
        + "\n-----END RSA PRIVATE KEY-----\n";
    attempt(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
        .clientKeyData(keyWithMarker).build());
    attempt(() -> RestConfig.builder().server("https://h").clientCertData(client.certificatePem())
        .clientKeyData(KEY_MARKER).build());
    attempt(() -> RestConfig.builder().server("https://h").caData(KEY_MARKER).build());
    attempt(() -> RestConfig.builder().server("https://h").clientCertData(KEY_MARKER).clientKeyData(KEY_MARKER).build());
  }

  private void execErrors() throws IOException {
    List<Path> plugins = List.of(
        script("fails.sh", "echo '" + EXEC_TOKEN + "'\necho 'denied' >&2\nexit 1\n"),
        script("broken.sh", "printf '{\"status\":{\"token\":\"" + EXEC_TOKEN + "\"'\n"),
        script("wrong-kind.sh", "echo '{\"kind\":\"" + EXEC_TOKEN + "\",\"apiVersion\":\"" + EXEC_TOKEN
            + "\",\"status\":{\"token\":\"" + EXEC_TOKEN + "\"}}'\n"),
        script("wrong-version.sh", "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + EXEC_TOKEN
            + "\",\"status\":{\"token\":\"" + EXEC_TOKEN + "\"}}'\n"),
        script("bad-expiry.sh", "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"status\":{\"token\":\"" + EXEC_TOKEN + "\",\"expirationTimestamp\":\"" + EXEC_TOKEN + "\"}}'\n"),
        script("line-break.sh", credential(EXEC_TOKEN + "\\u000a" + EXEC_TOKEN)),
        script("non-ascii.sh", credential(EXEC_TOKEN + "\u00e9")),
        script("bad-key.sh", "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"status\":{\"clientCertificateData\":\"" + KEY_MARKER + "\",\"clientKeyData\":\"" + KEY_MARKER + "\"}}'\n"),
        dir.resolve("no-such-plugin"));
    for (Path plugin : plugins) {
      ExecConfig exec = ExecConfig.builder().command(plugin.toString()).arg("--secret=" + EXEC_ARG)
          .env("SECRET", EXEC_ENV).installHint("install it").build();
      printed.add(exec);
      attempt(() -> RestConfig.builder().server(secretServer(1)).exec(exec).build().authorizationHeader());
    }
  }

  private void requestErrors() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    attempt(() -> request(RestConfig.builder().server(secretServer(closedPort)).bearerToken(TOKEN).build()));
    // TLS without trusting the server's CA
    attempt(() -> request(RestConfig.builder().server(secretServer(server.port())).bearerToken(TOKEN).build()));
    attempt(() -> request(RestConfig.builder().server(secretServer(server.port())).caData(ca.certificatePem())
        .tlsServerName("elsewhere.example").bearerToken(TOKEN).build()));
    // through the proxy with credentials, to a closed port and to the server refusing
    attempt(() -> request(RestConfig.builder().server(secretServer(closedPort)).caData(ca.certificatePem())
        .proxy(URI.create(secretProxy())).bearerToken(TOKEN).build()));
    attempt(() -> request(RestConfig.builder().server("http://" + URL_USER + ":" + URL_PASSWORD + "@127.0.0.1:"
        + closedPort + "/?q=" + URL_QUERY).build()));
    attempt(() -> request(RestConfig.builder().server(secretServer(server.port())).caData(ca.certificatePem())
        .proxyEnvironment(Map.of("HTTPS_PROXY", "http://u:" + ENV_PROXY_PASSWORD + "@127.0.0.1:" + closedPort))
        .bearerToken(TOKEN).build()));
  }

  private void inCluster() throws IOException {
    Path sa = Files.createDirectories(dir.resolve("sa"));
    Files.writeString(sa.resolve("token"), TOKEN_FILE);
    Files.writeString(sa.resolve("ca.crt"), KEY_MARKER);
    attempt(() -> RestConfig.inCluster(sa, Map.of("KUBERNETES_SERVICE_HOST", "h", "KUBERNETES_SERVICE_PORT", "1")));
  }
}
