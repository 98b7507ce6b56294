package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} as kubectl (Go's
 * {@code httpproxy}) reads them: a table of hosts against one {@code NO_PROXY} list with every kind
 * of entry, the variables' precedence and forms, and decisions checked against the real kubectl,
 * which either opens a tunnel through a loopback proxy or connects directly (to hosts that never
 * reach the network: {@code .onion} names, which Go does not look up, and {@code 0.0.0.0}, which
 * is this machine).
 */
@Timeout(120)
class ProxyEnvironmentTest {
  private static final String NO_PROXY = "foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, "
      + "192.168.1.3:80, 10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, "
      + "2002:db8:a::45/64, :1, ExAmple.ORG";

  @TempDir static Path dir;
  private static CapturingServer proxy;
  private static int closedPort;

  @BeforeAll
  static void start() throws IOException {
    proxy = CapturingServer.proxy();
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // nothing listens there once the test runs
    }
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  private static RestConfig config(String server, Map<String, String> env) {
    return RestConfig.builder().server(server).proxyEnvironment(env).build();
  }

  private static Optional<URI> proxyFor(String target, Map<String, String> env) {
    return config(target, env).proxyFor(URI.create(target));
  }

  @ParameterizedTest(name = "{0} proxied: {1}")
  @CsvSource({
      "localhost, false", "127.0.0.1, false", "127.0.0.2, false", "[::1], false", "[::ffff:127.0.0.1], false",
      "[::2], true",
      "192.168.1.1, false", "192.168.1.2, true", "192.168.1.3, false", "192.168.1.4, true",
      "10.0.0.2, false", "10.0.0.4, true",
      "[2001:db8::52:0:1], false", "[2001:db8::52:0:2], true", "[2001:db8::52:0:3], false",
      "[2002:db8:a::123], false", "[fe80::424b:c8be:1643:a1b6], true",
      "barbaz.net, true", "www.barbaz.net, false", "foobar.com, false", "www.foobar.com, false",
      "foofoobar.com, true", "baz.com, true", "localhost.net, true", "local.localhost, true",
      "barbarbaz.net, true", "wildcard.io, true", "nested.wildcard.io, false", "awildcard.io, true",
      "example.org, false", "EXAMPLE.org, false", "sub.example.org, false"})
  void noProxyMatchesAsGo(String host, boolean proxied) {
    // the URL's port is 80, as in Go's own table
    Map<String, String> env = Map.of("HTTP_PROXY", "http://proxy.example:3128", "NO_PROXY", NO_PROXY);
    assertThat(proxyFor("http://" + host + ":80/", env).isPresent()).isEqualTo(proxied);
  }

  @Test
  void starTurnsProxiesOffAndPortsDefaultByScheme() {
    assertThat(proxyFor("https://any.example", Map.of("HTTPS_PROXY", "p:1", "no_proxy", "*"))).isEmpty();
    Map<String, String> env = Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "a.example:443, b.example:80");
    assertThat(proxyFor("https://a.example", env)).isEmpty();
    assertThat(proxyFor("https://b.example", env)).isPresent();
    assertThat(proxyFor("https://a.example:6443", env)).isPresent();
  }

  @Test
  void variablesAndTheirForms() {
    // the upper-case variable wins; the lower-case one is read when it is unset or empty
    assertThat(proxyFor("https://h", Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:1")))
        .contains(URI.create("http://upper:1"));
    assertThat(proxyFor("https://h", Map.of("HTTPS_PROXY", "", "https_proxy", "http://lower:1")))
        .contains(URI.create("http://lower:1"));
    // a value without a scheme is http://; credentials are kept for Proxy-Authorization
    RestConfig withCredentials = config("https://h", Map.of("HTTPS_PROXY", "u%40x:p%3Aw@p.example:3128"));
    assertThat(withCredentials.proxyFor(URI.create("https://h"))).hasValueSatisfying(p -> {
      assertThat(p.getHost()).isEqualTo("p.example");
      assertThat(p.getPort()).isEqualTo(3128);
    });
    assertThat(withCredentials.proxyAuthorizationHeader(URI.create("https://h")))
        .contains(ServerUrl.basic("u@x", "p:w"));
    // each scheme has its own variable
    Map<String, String> httpOnly = Map.of("HTTP_PROXY", "http://p:1");
    assertThat(proxyFor("https://h", httpOnly)).isEmpty();
    assertThat(proxyFor("http://h", httpOnly)).contains(URI.create("http://p:1"));
    // an explicit proxy takes every request, loopback ones too, and the environment is not read
    RestConfig explicit = RestConfig.builder().server("https://127.0.0.1:6443").proxy(URI.create("http://p:1"))
        .proxyEnvironment(Map.of("NO_PROXY", "*")).build();
    assertThat(explicit.proxyFor(URI.create("https://127.0.0.1:6443"))).contains(URI.create("http://p:1"));
    // no settings: the JDK's own selection stays in charge
    assertThat(config("https://h", Map.of()).hasProxySettings()).isFalse();
  }

  @Test
  void proxiesKubegenCannotUseAreRefusedWhenTheyWouldBeUsed() {
    assertThatThrownBy(() -> config("https://h", Map.of("HTTPS_PROXY", "socks5://u:secret@p:1080")))
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("$HTTPS_PROXY: only http:// proxies are supported by kubegen's HTTP client (the JDK's), got "
            + "socks5://<redacted>@p:1080");
    // not used for this server: no error
    assertThat(config("https://h", Map.of("HTTPS_PROXY", "socks5://p:1080", "NO_PROXY", "h")).servers()).hasSize(1);
    assertThat(config("http://h", Map.of("HTTPS_PROXY", "socks5://p:1080")).servers()).hasSize(1);
    // Go refuses HTTP_PROXY for plain http in a CGI process
    assertThatThrownBy(() -> config("http://h", Map.of("HTTP_PROXY", "p:1", "REQUEST_METHOD", "GET")))
        .hasMessageContaining("CGI environment");
  }

  @Test
  void aProxyVariableThatIsNoUrlIsIgnoredWithAWarning() {
    try (LogCapture logs = LogCapture.trace()) {
      // a control character fails Go's parser with and without an added scheme
      assertThat(proxyFor("https://h", Map.of("HTTPS_PROXY", "http://u:pw@p:1\u0007"))).isEmpty();
      // a bad port does not: Go then reads "http://" + the value, whose host is "http"
      assertThat(proxyFor("https://h", Map.of("HTTPS_PROXY", "http://u:pw@p:1 2"))).contains(URI.create("http://http"));
      assertThat(logs.text()).contains("$HTTPS_PROXY: not a URL (").contains("ignored, as kubectl ignores it")
          .doesNotContain("pw");
    }
  }

  /** NO_PROXY values and hosts whose direct connections stay on this machine. */
  static Stream<Arguments> decisions() {
    return Stream.of(
        Arguments.of("api.kubegen.onion", "kubegen.onion", false),
        Arguments.of("api.kubegen.onion", ".kubegen.onion", false),
        Arguments.of("kubegen.onion", ".kubegen.onion", true),
        Arguments.of("kubegen.onion", "kubegen.onion", false),
        Arguments.of("xkubegen.onion", "kubegen.onion", true),
        Arguments.of("api.kubegen.onion", "*.kubegen.onion", false),
        Arguments.of("api.kubegen.onion", "kubegen.onion:1", true),
        Arguments.of("api.kubegen.onion", "KUBEGEN.ONION , other", false),
        Arguments.of("api.kubegen.onion", "onion", false),
        Arguments.of("0.0.0.0", "", true),
        Arguments.of("0.0.0.0", "0.0.0.0/8", false),
        Arguments.of("0.0.0.0", "0.0.0.0:1", true),
        Arguments.of("0.0.0.0", "0.0.0.0", false));
  }

  @ParameterizedTest(name = "{0} with NO_PROXY={1}: proxied {2}")
  @MethodSource("decisions")
  void sameDecisionAsKubectl(String host, String noProxy, boolean proxied) throws IOException {
    String server = "https://" + host + ":" + closedPort;
    Map<String, String> env = new HashMap<>(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()));
    if (!noProxy.isEmpty()) {
      env.put("NO_PROXY", noProxy);
    }
    assertThat(config(server, env).proxyFor(URI.create(server)).isPresent()).as("kubegen").isEqualTo(proxied);

    Kubectl.assumeInstalled();
    Path kubeconfig = dir.resolve("config");
    // with credentials, so that kubectl does not stop to ask for them
    Files.writeString(kubeconfig, "current-context: c\nclusters: [{name: k, cluster: {server: '" + server
        + "', insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: t}}]\n"
        + "contexts: [{name: c, context: {cluster: k, user: u}}]\n");
    proxy.clear();
    Kubectl.Result result = Kubectl.withKubeconfig(dir, kubeconfig, env, "get", "--raw", "/version",
        "--request-timeout=20s");
    List<String> connects = proxy.exchanges().stream().map(CapturingServer.Exchange::requestLine).toList();
    assertThat(connects).as("kubectl: %s", result.stderr())
        .isEqualTo(proxied ? List.of("CONNECT " + host + ":" + closedPort + " HTTP/1.1") : List.of());
  }
}
