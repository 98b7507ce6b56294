package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Builder defaults, validation and basic credentials of {@link RestConfig}. */
@Timeout(30)
class RestConfigTest {

  @Test
  void defaultsFollowClientGo() {
    RestConfig config = RestConfig.builder().server("https://127.0.0.1:6443").build();
    assertThat(config.servers()).containsExactly(URI.create("https://127.0.0.1:6443"));
    assertThat(config.qps()).isEqualTo(5f);
    assertThat(config.burst()).isEqualTo(10);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ZERO);
    assertThat(config.userAgent()).isEqualTo("kubegen/0.1.0");
    assertThat(config.namespace()).isEqualTo("default");
    assertThat(config.proxy()).isEmpty();
    assertThat(config.insecureSkipTlsVerify()).isFalse();
    assertThat(config.authorizationHeader()).isEmpty();
    assertThat(config.sslContext()).isNotNull();
  }

  @Test
  void everySettingIsKept() {
    RestConfig config = RestConfig.builder()
        .server("https://ignored:6443")
        .server("https://a:6443/")
        .addServer("b:6443")
        .proxy(URI.create("http://proxy:3128"))
        .qps(50).burst(100)
        .connectTimeout(Duration.ofSeconds(3))
        .requestTimeout(Duration.ofSeconds(30))
        .userAgent("my-controller/1.2")
        .namespace("team")
        .build();
    // without a scheme and without TLS settings a server is plain http, as in client-go
    assertThat(config.servers()).containsExactly(URI.create("https://a:6443"), URI.create("http://b:6443"));
    assertThat(config.proxy()).contains(URI.create("http://proxy:3128"));
    assertThat(config.qps()).isEqualTo(50f);
    assertThat(config.burst()).isEqualTo(100);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.userAgent()).isEqualTo("my-controller/1.2");
    assertThat(config.namespace()).isEqualTo("team");

    RestConfig copy = config.toBuilder().servers(List.of("http://c:8080")).namespace(null).build();
    assertThat(copy.servers()).containsExactly(URI.create("http://c:8080"));
    assertThat(config.toBuilder().server("http://d:8080").build().servers()).containsExactly(URI.create("http://d:8080"));
    assertThat(copy.namespace()).isEqualTo("default");
    assertThat(copy.qps()).isEqualTo(50f);
    assertThat(copy.userAgent()).isEqualTo("my-controller/1.2");
    assertThat(RestConfig.builder().server("https://h").qps(-1).build().qps()).isNegative();
  }

  @Test
  void basicAuthAndBearerHeaders() {
    RestConfig basic = RestConfig.builder().server("https://h").username("admin").password("pä:ss").build();
    assertThat(basic.authorizationHeader()).contains("Basic "
        + Base64.getEncoder().encodeToString("admin:pä:ss".getBytes(StandardCharsets.UTF_8)));
    RestConfig bearer = RestConfig.builder().server("https://h").bearerToken("abc.def").build();
    assertThat(bearer.authorizationHeader()).contains("Bearer abc.def");
    bearer.refreshCredentials();
    assertThat(bearer.authorizationHeader()).contains("Bearer abc.def");
    assertThat(bearer.toBuilder().bearerToken(null).build().authorizationHeader()).isEmpty();
  }

  @Test
  void serverUrlsAreReadAsClientGoReadsThem() {
    RestConfig config = RestConfig.builder()
        .servers(List.of("HTTPS://user%40corp:p%3Aw@a:6443/pre%2Ffix/./x//?access_token=q#frag", "b:8080"))
        .bearerToken("t")
        .build();
    // the path is a cleaned, re-escaped prefix; query and fragment are gone; user info is the server's basic auth
    assertThat(config.servers()).containsExactly(URI.create("https://a:6443/pre/fix/x"), URI.create("http://b:8080"));
    assertThat(config.authorizationHeader(config.servers().get(0))).contains("Basic "
        + Base64.getEncoder().encodeToString("user@corp:p:w".getBytes(StandardCharsets.UTF_8)));
    assertThat(config.authorizationHeader(config.servers().get(1))).contains("Bearer t");
    assertThat(config.toString()).doesNotContain("p:w").doesNotContain("p%3Aw").doesNotContain("access_token=q")
        .doesNotContain("frag");
    // with a CA, a server without a scheme is https
    assertThat(RestConfig.builder().server("c:6443").insecureSkipTlsVerify(true).build().servers())
        .containsExactly(URI.create("https://c:6443"));
  }

  @Test
  void basicAuthUserNamesMayHoldAColon() {
    assertThat(RestConfig.builder().server("https://h").username("a:b").password("c:d").build().authorizationHeader())
        .contains("Basic " + Base64.getEncoder().encodeToString("a:b:c:d".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void impersonationIsSetOnTheBuilder() {
    RestConfig config = RestConfig.builder().server("https://h")
        .impersonate(ImpersonationConfig.user("jane").withUid("42").withGroups(List.of("g1", "g2"))
            .withExtra("acme.com/project", List.of("p1")))
        .build();
    assertThat(config.impersonation()).hasValueSatisfying(i -> assertThat(i.headers().stream()
        .map(h -> h.getKey() + ": " + h.getValue()).toList()).containsExactly("Impersonate-User: jane",
            "Impersonate-Uid: 42", "Impersonate-Group: g1", "Impersonate-Group: g2",
            "Impersonate-Extra-Acme.com%2fproject: p1"));
    assertThatThrownBy(() -> new ImpersonationConfig("", null, List.of("g"), null))
        .isInstanceOf(KubeConfigException.class).hasMessageContaining("a user name is required");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h")
        .impersonate(ImpersonationConfig.user("j\u00fcrgen")).build())
        .hasMessageStartingWith("impersonate (Impersonate-User): contains a character outside US-ASCII (character 2)");
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> RestConfig.builder().build())
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("server: missing; set at least one API server URL");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h h").build())
        .hasMessageStartingWith("server: not a URL: https://h h");
    assertThatThrownBy(() -> RestConfig.builder().server("ftp://user:pw@h?token=t").build())
        .hasMessage("server: scheme must be http or https: ftp://<redacted>@h?token=<redacted>");
    assertThatThrownBy(() -> RestConfig.builder().server("h:6443/prefix").build())
        .hasMessage("server: not a URL: h:6443/prefix (a URL without a scheme must be a bare host:port pair)");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").proxy(URI.create("socks5://p:1080")).build())
        .hasMessage("proxy: only http:// proxies are supported by kubegen's HTTP client (the JDK's), got socks5://p:1080");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").connectTimeout(Duration.ofSeconds(-1)).build())
        .hasMessage("connectTimeout: must not be negative, got PT-1S");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").qps(Float.NaN).build())
        .hasMessage("qps: must be a finite number, got NaN");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").burst(-1).build())
        .hasMessage("burst: must not be negative, got -1");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").bearerToken("a\nb").build())
        .hasMessage("bearerToken: contains a control character (character 2), which cannot be sent in an HTTP header");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").bearerToken("t").username("u").build())
        .hasMessage("username: more than one authentication method (bearer token and basic auth); only one is allowed");
    assertThatThrownBy(() -> RestConfig.builder().server("https://h").password("only").build())
        .hasMessage("username: basic auth needs a user name");
  }
}
