package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.rest.Backoff;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each numbered kubeconfig behaviour, run twice against the same loopback servers: once by the
 * real kubectl ({@link Kubectl#VERSION}, {@code get --raw}) and once by kubegen
 * ({@code KubeConfig.load(...).restConfig()} and a {@link RestClient} GET). Both runs are held to
 * one expectation, written from kubectl's behaviour, on what reached the servers: the request
 * line, {@code Authorization}, {@code Impersonate-*}, TLS server name and client certificate at
 * the API server, and {@code CONNECT} with {@code Proxy-Authorization} at the proxy. Where kubegen
 * deliberately differs (docs/design.md lists why), the scenario holds kubectl to its own
 * expectation, so a change in kubectl shows up too. The kubectl runs are skipped, with a message,
 * when the pinned binary is missing.
 */
@Timeout(120)
class KubectlRequestDifferentialTest {
  private static final String NS_PATH = "/api/v1/namespaces";
  @TempDir static Path dir;
  private static CapturingServer http;
  private static CapturingServer https;
  private static CapturingServer proxy;
  private static final Map<String, String> VARS = new HashMap<>();
  private static final AtomicInteger RUNS = new AtomicInteger();

  enum Side { KUBECTL, KUBEGEN }

  /** Where the request should arrive, or that nothing should. */
  enum Arrival { HTTP, HTTPS, PROXY_ONLY, NOTHING, DIRECT_UNREACHABLE }

  /** What both sides must do. */
  record Expect(Arrival arrival, String path, String authorization, List<String> impersonation, List<String> sni,
      String clientCertificate, String connect, String proxyAuthorization, String kubegenMessage) {

    static Expect at(Arrival arrival) {
      return new Expect(arrival, NS_PATH, null, List.of(), null, null, null, null, null);
    }

    static Expect fails() { return at(Arrival.NOTHING); }

    Expect path(String p) { return new Expect(arrival, p, authorization, impersonation, sni, clientCertificate, connect, proxyAuthorization, kubegenMessage); }
    Expect auth(String a) { return new Expect(arrival, path, a, impersonation, sni, clientCertificate, connect, proxyAuthorization, kubegenMessage); }
    Expect impersonating(String... h) { return new Expect(arrival, path, authorization, List.of(h), sni, clientCertificate, connect, proxyAuthorization, kubegenMessage); }
    Expect sni(String... names) { return new Expect(arrival, path, authorization, impersonation, List.of(names), clientCertificate, connect, proxyAuthorization, kubegenMessage); }
    Expect clientCert(String s) { return new Expect(arrival, path, authorization, impersonation, sni, s, connect, proxyAuthorization, kubegenMessage); }
    Expect connect(String target, String proxyAuth) { return new Expect(arrival, path, authorization, impersonation, sni, clientCertificate, target, proxyAuth, kubegenMessage); }
    Expect message(String m) { return new Expect(arrival, path, authorization, impersonation, sni, clientCertificate, connect, proxyAuthorization, m); }
  }

  /**
   * One kubeconfig and what should happen. {@code kubectl} differs from {@code kubegen} only where
   * kubegen deliberately differs; {@code secret} must then never appear in kubegen's error.
   */
  record Scenario(String name, String yaml, Map<String, String> env, Expect kubegen, Expect kubectl,
      List<String> kubectlArgs, String kubegenPath, String secret) {
    @Override
    public String toString() { return name; }
  }

  private static Scenario scenario(String name, String yaml, Expect expect) {
    return new Scenario(name, yaml, Map.of(), expect, expect, List.of("get", "--raw", NS_PATH), NS_PATH, null);
  }

  private static Scenario scenario(String name, String yaml, Map<String, String> env, Expect expect) {
    return new Scenario(name, yaml, env, expect, expect, List.of("get", "--raw", NS_PATH), NS_PATH, null);
  }

  /** A kubeconfig with current context c, cluster k and user u. */
  private static String config(String cluster, String user) {
    return "current-context: c\n"
        + "clusters: [{name: k, cluster: " + cluster + "}]\n"
        + (user == null ? "" : "users: [{name: u, user: " + user + "}]\n")
        + "contexts: [{name: c, context: {cluster: k, user: u}}]\n";
  }

  private static final String HTTPS_CA = "{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}}";
  private static final String HTTP = "{server: 'http://127.0.0.1:{{HTTP}}'}";
  private static final String CLIENT_CERT = "client-certificate-data: {{CLIENT_CERT}}, client-key-data: {{CLIENT_KEY}}";
  private static final String EXEC = "exec: {apiVersion: client.authentication.k8s.io/v1, command: '{{PLUGIN}}', "
      + "interactiveMode: Never}";

  static Stream<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    // 1. credentials only over TLS
    all.add(scenario("1a token and exec plugin over plain http: nothing sent, plugin not run",
        config(HTTP, "{token: T1, " + EXEC + "}"), Expect.at(Arrival.HTTP)));
    all.add(scenario("1b basic auth over plain http: not sent",
        config(HTTP, "{username: admin, password: pw}"), Expect.at(Arrival.HTTP)));
    all.add(scenario("1c client certificate and a missing token file over plain http: neither used nor read",
        config(HTTP, "{" + CLIENT_CERT + ", tokenFile: /nonexistent/token}"), Expect.at(Arrival.HTTP)));
    all.add(scenario("1d token over https: sent",
        config(HTTPS_CA, "{token: T1}"), Expect.at(Arrival.HTTPS).auth("Bearer T1")));
    all.add(scenario("1e exec plugin over https: run and its token sent",
        config(HTTPS_CA, "{" + EXEC + "}"), Expect.at(Arrival.HTTPS).auth("Bearer exec-token")));
    // 2. a server without a scheme is plain http
    all.add(scenario("2a server without a scheme is http",
        config("{server: '127.0.0.1:{{HTTP}}'}", "{username: admin, password: pw}"), Expect.at(Arrival.HTTP)));
    all.add(scenario("2b server without a scheme is http even with a CA",
        config("{server: '127.0.0.1:{{HTTP}}', certificate-authority-data: {{CA}}}", "{token: T2}"),
        Expect.at(Arrival.HTTP)));
    all.add(scenario("2c server without a scheme must be host:port",
        config("{server: '127.0.0.1:{{HTTP}}/prefix'}", null), Expect.fails().message("bare host:port")));
    // 3. a context naming an undefined user
    all.add(scenario("3a undefined user over http: no credentials, no error",
        "current-context: c\nclusters: [{name: k, cluster: " + HTTP + "}]\ncontexts: [{name: c, context: {cluster: k, user: ghost}}]\n",
        Expect.at(Arrival.HTTP)));
    all.add(new Scenario("3b undefined user over https: kubegen goes on without credentials (kubectl prompts)",
        "current-context: c\nclusters: [{name: k, cluster: " + HTTPS_CA + "}]\ncontexts: [{name: c, context: {cluster: k, user: ghost}}]\n",
        Map.of(), Expect.at(Arrival.HTTPS), Expect.fails(), List.of("get", "--raw", NS_PATH), NS_PATH, null));
    // 4. token beside a token file
    all.add(scenario("4a token and a missing token file: the token",
        config(HTTPS_CA, "{token: T4, tokenFile: /nonexistent/token}"), Expect.at(Arrival.HTTPS).auth("Bearer T4")));
    all.add(scenario("4b token and a readable token file: the file",
        config(HTTPS_CA, "{token: T4, tokenFile: '{{DIR}}/token-file'}"), Expect.at(Arrival.HTTPS).auth("Bearer from-file")));
    all.add(scenario("4c only a missing token file: fails",
        config(HTTPS_CA, "{tokenFile: /nonexistent/token}"), Expect.fails().message("tokenFile")));
    // 5. inline data and file both set
    all.add(scenario("5a CA data and CA file: fails",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, certificate-authority: '{{DIR}}/ca.crt'}", "{token: T5}"),
        Expect.fails().message("certificate-authority-data and certificate-authority")));
    all.add(scenario("5b CA data and a missing CA file: fails",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, certificate-authority: /nonexistent/ca.crt}", "{token: T5}"),
        Expect.fails().message("certificate-authority")));
    all.add(scenario("5c client certificate data and file: fails",
        config(HTTPS_CA, "{" + CLIENT_CERT + ", client-certificate: '{{DIR}}/client.crt'}"),
        Expect.fails().message("client-certificate-data and client-certificate")));
    all.add(scenario("5d client key data and file: fails",
        config(HTTPS_CA, "{" + CLIENT_CERT + ", client-key: '{{DIR}}/client.key'}"),
        Expect.fails().message("client-key-data and client-key")));
    all.add(scenario("5e a missing CA file fails even over http",
        config("{server: 'http://127.0.0.1:{{HTTP}}', certificate-authority: /nonexistent/ca.crt}", null),
        Expect.fails().message("certificate-authority")));
    // 6. empty -data fields are unset
    all.add(scenario("6a empty CA data beside insecure-skip-tls-verify",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: '', insecure-skip-tls-verify: true}",
            "{client-certificate-data: '', client-key-data: '', token: T6}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T6")));
    all.add(scenario("6b empty CA data beside a CA file: the file",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: '', certificate-authority: '{{DIR}}/ca.crt'}",
            "{token: T6}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T6")));
    // 7. partial credentials are ignored
    all.add(scenario("7a client key without a certificate: ignored, its file not even opened",
        config(HTTPS_CA, "{client-key: /nonexistent/key, token: T7}"), Expect.at(Arrival.HTTPS).auth("Bearer T7")));
    all.add(scenario("7b password without a user name: no basic auth",
        config(HTTPS_CA, "{password: pw7, " + CLIENT_CERT + "}"),
        Expect.at(Arrival.HTTPS).clientCert("CN=frank")));
    // 8. a user name with a colon
    all.add(scenario("8 basic auth user name with a colon",
        config(HTTPS_CA, "{username: 'a:b', password: 'c:d'}"),
        Expect.at(Arrival.HTTPS).auth("Basic " + b64("a:b:c:d"))));
    // 9. anchors, aliases, merge keys
    all.add(scenario("9 anchors, aliases and merge keys",
        "current-context: c\n"
            + "base: &base {certificate-authority-data: {{CA}}}\n"
            + "clusters:\n- name: k\n  cluster: &cl\n    <<: *base\n    server: 'https://127.0.0.1:{{HTTPS}}'\n"
            + "- name: k2\n  cluster: *cl\n"
            + "users: [{name: u, user: &usr {token: T9}}, {name: u2, user: *usr}]\n"
            + "contexts: [{name: c, context: {cluster: k2, user: u2}}]\n",
        Expect.at(Arrival.HTTPS).auth("Bearer T9")));
    // 10. validation scope
    all.add(scenario("10a a wrongly typed field in an unused entry fails the file",
        "current-context: c\nclusters: [{name: k, cluster: " + HTTPS_CA + "}, {name: unused, cluster: {server: 5}}]\n"
            + "users: [{name: u, user: {token: T10}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\n",
        Expect.fails().message("clusters[1].cluster.server: expected a string, found a number")));
    all.add(scenario("10b a wrong apiVersion fails the file",
        "apiVersion: v2\n" + config(HTTPS_CA, "{token: T10}"), Expect.fails().message("apiVersion")));
    all.add(scenario("10c a wrong kind fails the file",
        "kind: Configuration\n" + config(HTTPS_CA, "{token: T10}"), Expect.fails().message("kind")));
    all.add(scenario("10d nameless unused entries load",
        "current-context: c\nclusters: [{name: k, cluster: " + HTTPS_CA + "}, {cluster: {server: 'https://x'}}]\n"
            + "users: [{name: u, user: {token: T10}}, {user: {token: X}}]\n"
            + "contexts: [{name: c, context: {cluster: k, user: u}}, {context: {cluster: k}}]\n",
        Expect.at(Arrival.HTTPS).auth("Bearer T10")));
    all.add(scenario("10e unknown and differently cased fields are ignored, a repeated key's last value wins",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, Server: 'https://ignored', unknown: 1}",
            "{token: first, token: T10}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T10")));
    all.add(scenario("10f a second entry of the same name fails the file",
        "current-context: c\nclusters: [{name: k, cluster: " + HTTPS_CA + "}]\n"
            + "users: [{name: u, user: {token: T10}}, {name: u, user: {}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\n",
        Expect.fails().message("duplicate name")));
    // 11. unusual server URLs
    all.add(scenario("11a a leading space in the server URL fails",
        config("{server: ' https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T11}"),
        Expect.fails().message("starts or ends with white space")));
    all.add(new Scenario("11b user info in the server URL is basic auth and wins over the token",
        config("{server: 'https://user:s3cret-11b@127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T11}"),
        Map.of(), Expect.at(Arrival.HTTPS).auth("Basic " + b64("user:s3cret-11b")),
        Expect.at(Arrival.HTTPS).auth("Basic " + b64("user:s3cret-11b")), List.of("get", "--raw", NS_PATH), NS_PATH,
        "s3cret-11b"));
    all.add(scenario("11c user info in a plain http server URL is sent too",
        config("{server: 'http://user:pw@127.0.0.1:{{HTTP}}'}", null), Expect.at(Arrival.HTTP).auth("Basic " + b64("user:pw"))));
    all.add(scenario("11d a query and a fragment in the server URL are dropped",
        config("{server: 'https://127.0.0.1:{{HTTPS}}?access_token=q-secret#frag', certificate-authority-data: {{CA}}}", "{token: T11}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T11")));
    all.add(new Scenario("11e a path prefix is kept, query and fragment dropped, the path cleaned and re-escaped",
        config("{server: 'https://127.0.0.1:{{HTTPS}}/pre%2Ffix/./a%20b//?q=1#frag', certificate-authority-data: {{CA}}}", "{token: T11}"),
        Map.of(), Expect.at(Arrival.HTTPS).path("/pre/fix/a%20b/version").auth("Bearer T11"),
        Expect.at(Arrival.HTTPS).path("/pre/fix/a%20b/version").auth("Bearer T11"), List.of("version", "-o", "json"),
        "/version", null));
    all.add(scenario("11f an upper-case scheme",
        config("{server: 'HTTPS://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T11}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T11")));
    // 12. proxies
    all.add(scenario("12a proxy-url with credentials: Proxy-Authorization on CONNECT",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, proxy-url: 'http://pu%40x:p%3Aw@127.0.0.1:{{PROXY}}'}", "{token: T12}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T12").connect("127.0.0.1:{{HTTPS}}", "Basic " + b64("pu@x:p:w"))));
    all.add(scenario("12b proxy-url with credentials for a plain http server: on the proxied request",
        config("{server: 'http://127.0.0.1:{{HTTP}}', proxy-url: 'http://pu:pw@127.0.0.1:{{PROXY}}'}", null),
        Expect.at(Arrival.PROXY_ONLY).path("http://127.0.0.1:{{HTTP}}" + NS_PATH).connect(null, "Basic " + b64("pu:pw"))));
    all.add(scenario("12c HTTPS_PROXY with credentials",
        config("{server: 'https://api.kubegen.test:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T12}"),
        Map.of("HTTPS_PROXY", "http://eu:ep@127.0.0.1:{{PROXY}}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T12").sni("api.kubegen.test")
            .connect("api.kubegen.test:{{HTTPS}}", "Basic " + b64("eu:ep"))));
    all.add(scenario("12d https_proxy without a scheme",
        config("{server: 'https://api.kubegen.test:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T12}"),
        Map.of("https_proxy", "eu:ep@127.0.0.1:{{PROXY}}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T12").connect("api.kubegen.test:{{HTTPS}}", "Basic " + b64("eu:ep"))));
    all.add(scenario("12e HTTP_PROXY for a plain http server",
        config("{server: 'http://api.kubegen.test:{{HTTP}}'}", null),
        Map.of("HTTP_PROXY", "http://127.0.0.1:{{PROXY}}", "HTTPS_PROXY", "http://wrong.invalid:1"),
        Expect.at(Arrival.PROXY_ONLY).path("http://api.kubegen.test:{{HTTP}}" + NS_PATH)));
    all.add(scenario("12f HTTPS_PROXY is not used for a loopback server",
        config(HTTPS_CA, "{token: T12}"), Map.of("HTTPS_PROXY", "http://127.0.0.1:{{PROXY}}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T12")));
    all.add(scenario("12g NO_PROXY lists the server's domain: a direct connection",
        config("{server: 'https://api.kubegen.onion:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T12}"),
        Map.of("HTTPS_PROXY", "http://127.0.0.1:{{PROXY}}", "NO_PROXY", "example.com, .kubegen.onion"),
        Expect.at(Arrival.DIRECT_UNREACHABLE)));
    all.add(scenario("12h NO_PROXY with another port: still proxied",
        config("{server: 'https://api.kubegen.test:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T12}"),
        Map.of("HTTPS_PROXY", "http://127.0.0.1:{{PROXY}}", "NO_PROXY", "kubegen.test:1"),
        Expect.at(Arrival.HTTPS).auth("Bearer T12").connect("api.kubegen.test:{{HTTPS}}", null)));
    all.add(scenario("12i proxy-url wins over HTTPS_PROXY and over loopback",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, proxy-url: 'http://127.0.0.1:{{PROXY}}'}", "{token: T12}"),
        Map.of("HTTPS_PROXY", "http://wrong.invalid:1", "NO_PROXY", "*"),
        Expect.at(Arrival.HTTPS).auth("Bearer T12").connect("127.0.0.1:{{HTTPS}}", null)));
    // 13. tls-server-name
    all.add(scenario("13a tls-server-name is sent as SNI and checked",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, tls-server-name: kubernetes}", "{token: T13}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T13").sni("kubernetes")));
    all.add(scenario("13b the certificate must name tls-server-name, even when it names the URL's host",
        config("{server: 'https://127.0.0.1:{{HTTPS}}', certificate-authority-data: {{CA}}, tls-server-name: wrong.example}", "{token: T13}"),
        Expect.fails().message("TLS")));
    all.add(scenario("13c tls-server-name stands in for a host the certificate does not name",
        config("{server: 'https://localhost:{{HTTPS}}', certificate-authority-data: {{CA}}, tls-server-name: api.kubegen.test}", "{token: T13}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T13").sni("api.kubegen.test")));
    all.add(scenario("13d without tls-server-name that host fails",
        config("{server: 'https://localhost:{{HTTPS}}', certificate-authority-data: {{CA}}}", "{token: T13}"),
        Expect.fails().message("TLS")));
    // 14. impersonation
    all.add(scenario("14a as, as-uid, as-groups and as-user-extra become Impersonate headers",
        config(HTTP, "{as: jane, as-uid: '42', as-groups: [g1, g2], as-user-extra: {scopes: [a, b], 'acme.com/project': [p1], 'Weird Key%': [v]}}"),
        Expect.at(Arrival.HTTP).impersonating("impersonate-extra-acme.com%2fproject: p1", "impersonate-extra-scopes: a",
            "impersonate-extra-scopes: b", "impersonate-extra-weird%20key%25: v", "impersonate-group: g1",
            "impersonate-group: g2", "impersonate-uid: 42", "impersonate-user: jane")));
    all.add(scenario("14b impersonation goes with the credentials over https",
        config(HTTPS_CA, "{token: T14, as: system:serviceaccount:ns:sa}"),
        Expect.at(Arrival.HTTPS).auth("Bearer T14").impersonating("impersonate-user: system:serviceaccount:ns:sa")));
    all.add(scenario("14c groups without a user to impersonate fail",
        config(HTTP, "{as-groups: [g1]}"), Expect.fails().message("as")));
    // 15. header values
    all.add(new Scenario("15a a non-ASCII token: kubectl sends UTF-8, kubegen refuses it naming the field",
        config(HTTPS_CA, "{token: 'T-\u00fc-s3cret'}"), Map.of(),
        Expect.fails().message("users[0].user.token: contains a character outside US-ASCII"),
        Expect.at(Arrival.HTTPS).auth("Bearer " + latin1("T-\u00fc-s3cret")), List.of("get", "--raw", NS_PATH), NS_PATH,
        "s3cret"));
    all.add(new Scenario("15b a token with a zero-width space: refused without quoting it",
        config(HTTPS_CA, "{token: 'zw\u200bs3cret'}"), Map.of(),
        Expect.fails().message("users[0].user.token: contains a character outside US-ASCII (character 3)"),
        Expect.at(Arrival.HTTPS).auth("Bearer " + latin1("zw\u200bs3cret")), List.of("get", "--raw", NS_PATH), NS_PATH,
        "s3cret"));
    all.add(new Scenario("15c a token with a line break: both refuse it",
        config(HTTPS_CA, "{token: \"line\\ns3cret\"}"), Map.of(),
        Expect.fails().message("users[0].user.token: contains a control character"), Expect.fails(),
        List.of("get", "--raw", NS_PATH), NS_PATH, "s3cret"));
    all.add(scenario("15d a token's trailing space is not sent, a leading one is",
        config(HTTPS_CA, "{token: ' lead trail  '}"), Expect.at(Arrival.HTTPS).auth("Bearer  lead trail")));
    return all.stream();
  }

  static Stream<Arguments> runs() {
    return scenarios().flatMap(s -> Stream.of(Arguments.of(s, Side.KUBECTL), Arguments.of(s, Side.KUBEGEN)));
  }

  @BeforeAll
  static void start() throws IOException {
    TestPki.Issued ca = TestPki.ca("differential-ca");
    TestPki.Issued server = TestPki.serverLeaf(ca, "apiserver", TestPki.ec(), "127.0.0.1", "api.kubegen.test",
        "api.kubegen.onion", "kubernetes");
    TestPki.Issued clientCa = TestPki.ca("client-ca");
    TestPki.Issued client = TestPki.leaf(clientCa, "frank", TestPki.ec(), false);
    http = CapturingServer.http();
    https = CapturingServer.https(TestPki.serverContext(server, ca, clientCa));
    proxy = CapturingServer.proxy();
    Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
    Files.writeString(dir.resolve("client.crt"), client.certificatePem());
    Files.writeString(dir.resolve("client.key"), TestPki.pkcs8Pem(client.keys().getPrivate()));
    Files.writeString(dir.resolve("token-file"), "from-file\n");
    Path plugin = dir.resolve("plugin.sh");
    Files.writeString(plugin, "#!/bin/sh\necho run >> \"$0.ran\"\n"
        + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
        + "\"status\":{\"token\":\"exec-token\"}}'\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    VARS.put("HTTP", Integer.toString(http.port()));
    VARS.put("HTTPS", Integer.toString(https.port()));
    VARS.put("PROXY", Integer.toString(proxy.port()));
    VARS.put("CA", b64(ca.certificatePem()));
    VARS.put("CLIENT_CERT", b64(client.certificatePem()));
    VARS.put("CLIENT_KEY", b64(TestPki.pkcs8Pem(client.keys().getPrivate())));
    VARS.put("DIR", dir.toString());
    VARS.put("PLUGIN", plugin.toString());
  }

  @AfterAll
  static void stop() {
    for (CapturingServer s : new CapturingServer[] {http, https, proxy}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("runs")
  void sameRequestAsKubectl(Scenario scenario, Side side) throws IOException {
    if (side == Side.KUBECTL) {
      Kubectl.assumeInstalled();
    }
    Path home = Files.createDirectories(dir.resolve("home-" + RUNS.incrementAndGet()));
    Path kubeconfig = home.resolve("config");
    Files.writeString(kubeconfig, fill(scenario.yaml()), StandardCharsets.UTF_8);
    Map<String, String> env = new LinkedHashMap<>();
    scenario.env().forEach((k, v) -> env.put(k, fill(v)));
    Path pluginRan = Path.of(VARS.get("PLUGIN") + ".ran");
    Files.deleteIfExists(pluginRan);
    for (CapturingServer s : new CapturingServer[] {http, https, proxy}) {
      s.clear();
    }
    Expect expect = side == Side.KUBECTL ? scenario.kubectl() : scenario.kubegen();
    String failure;
    if (side == Side.KUBECTL) {
      Kubectl.Result result = Kubectl.withKubeconfig(home, kubeconfig, env,
          scenario.kubectlArgs().toArray(new String[0]));
      failure = result.succeeded() ? null : result.stderr();
    } else {
      failure = kubegen(scenario, expect, home, kubeconfig, env);
    }

    String context = side + " " + scenario.name() + (failure == null ? "" : " (failed: " + failure.strip() + ")");
    List<CapturingServer.Exchange> atHttp = http.exchanges();
    List<CapturingServer.Exchange> atHttps = https.exchanges();
    List<CapturingServer.Exchange> atProxy = proxy.exchanges();
    switch (expect.arrival()) {
      case NOTHING, DIRECT_UNREACHABLE -> {
        assertThat(atHttp).as(context).isEmpty();
        assertThat(atHttps).as(context).isEmpty();
        assertThat(atProxy).as(context).isEmpty();
        if (side == Side.KUBECTL || expect.arrival() == Arrival.NOTHING) {
          assertThat(failure).as(context + ": expected a failure").isNotNull();
        }
        if (side == Side.KUBEGEN && expect.kubegenMessage() != null) {
          assertThat(failure).as(context).contains(expect.kubegenMessage());
        }
      }
      case HTTP, HTTPS -> {
        List<CapturingServer.Exchange> origin = expect.arrival() == Arrival.HTTP ? atHttp : atHttps;
        assertThat(expect.arrival() == Arrival.HTTP ? atHttps : atHttp).as(context).isEmpty();
        assertThat(origin).as(context).hasSize(1);
        CapturingServer.Exchange request = origin.get(0);
        assertThat(pathOf(request.requestLine())).as(context).isEqualTo(fill(expect.path()));
        assertRequest(request, expect, context);
        assertThat(request.header("Proxy-Authorization")).as(context + ": Proxy-Authorization must not reach the server").isEmpty();
        if (expect.sni() != null) {
          assertThat(request.serverNames()).as(context + ": SNI").isEqualTo(expect.sni());
        }
        assertThat(request.clientCertificate()).as(context + ": client certificate").isEqualTo(expect.clientCertificate());
        assertProxy(atProxy, expect, context);
      }
      case PROXY_ONLY -> {
        assertThat(atHttp).as(context).isEmpty();
        assertThat(atHttps).as(context).isEmpty();
        assertThat(atProxy).as(context).hasSize(1);
        assertThat(atProxy.get(0).requestLine()).as(context).startsWith("GET " + fill(expect.path()));
        assertRequest(atProxy.get(0), expect, context);
        assertThat(atProxy.get(0).header("Proxy-Authorization")).as(context)
            .isEqualTo(expect.proxyAuthorization() == null ? List.of() : List.of(expect.proxyAuthorization()));
      }
      default -> throw new IllegalStateException();
    }
    boolean pluginExpected = expect.authorization() != null && expect.authorization().equals("Bearer exec-token");
    assertThat(Files.exists(pluginRan)).as(context + ": the exec plugin ran").isEqualTo(pluginExpected);
  }

  private static void assertRequest(CapturingServer.Exchange request, Expect expect, String context) {
    assertThat(request.header("Authorization")).as(context + ": Authorization")
        .isEqualTo(expect.authorization() == null ? List.of() : List.of(expect.authorization()));
    assertThat(request.headersStartingWith("Impersonate-")).as(context + ": Impersonate-*")
        .isEqualTo(expect.impersonation());
  }

  private static void assertProxy(List<CapturingServer.Exchange> atProxy, Expect expect, String context) {
    if (expect.connect() == null) {
      assertThat(atProxy).as(context + ": the proxy was used").isEmpty();
      return;
    }
    assertThat(atProxy).as(context).hasSize(1);
    assertThat(atProxy.get(0).requestLine()).as(context).isEqualTo("CONNECT " + fill(expect.connect()) + " HTTP/1.1");
    assertThat(atProxy.get(0).header("Proxy-Authorization")).as(context + ": Proxy-Authorization on CONNECT")
        .isEqualTo(expect.proxyAuthorization() == null ? List.of() : List.of(expect.proxyAuthorization()));
    assertThat(atProxy.get(0).header("Authorization")).as(context + ": no Authorization on CONNECT").isEmpty();
  }

  /** Runs kubegen; returns its failure message, or null when the request went out. */
  private static String kubegen(Scenario scenario, Expect expect, Path home, Path kubeconfig, Map<String, String> env) {
    Map<String, String> loadEnv = new HashMap<>(env);
    loadEnv.put("KUBECONFIG", kubeconfig.toString());
    loadEnv.put("HOME", home.toString());
    RestConfig config;
    try {
      config = KubeConfig.load(loadEnv).restConfig();
    } catch (KubeConfigException e) {
      assertNoSecret(scenario, e);
      return e.getMessage();
    }
    if (expect.arrival() == Arrival.DIRECT_UNREACHABLE) {
      // a direct connection to a name that does not resolve would ask DNS: only the decision is checked
      assertThat(config.proxyFor(config.servers().get(0))).as(scenario.name()).isEmpty();
      return null;
    }
    try (RestClient client = RestClient.builder(config)
        .retryBackoff(new Backoff(Duration.ofMillis(1), 1.0, 0, 1, Duration.ofMillis(1))).build()) {
      client.get().path(scenario.kubegenPath()).timeout(Duration.ofSeconds(30)).execute(String.class);
      return null;
    } catch (RuntimeException e) {
      assertNoSecret(scenario, e);
      return e.getMessage();
    }
  }

  private static void assertNoSecret(Scenario scenario, Throwable e) {
    if (scenario.secret() == null) {
      return;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).as(scenario.name()).doesNotContain(scenario.secret());
    }
  }

  private static String pathOf(String requestLine) {
    String target = requestLine.split(" ")[1];
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  private static String fill(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> var : VARS.entrySet()) {
      out = out.replace("{{" + var.getKey() + "}}", var.getValue());
    }
    return out;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The UTF-8 bytes of {@code text}, one character per byte, as the capturing server records them. */
  private static String latin1(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
