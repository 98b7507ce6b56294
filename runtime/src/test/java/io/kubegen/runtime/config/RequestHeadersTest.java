package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.rest.RestClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The headers a config adds to a {@link RestClient}'s requests, as client-go's round trippers add them. */
@Timeout(60)
class RequestHeadersTest {
  private static CapturingServer server;

  @BeforeAll
  static void start() {
    server = CapturingServer.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CapturingServer.Exchange get(RestConfig config, Map<String, String> headers) {
    server.clear();
    try (RestClient client = RestClient.create(config)) {
      var request = client.get().path("/api");
      headers.forEach(request::header);
      request.timeout(Duration.ofSeconds(20)).execute(String.class);
    }
    assertThat(server.exchanges()).hasSize(1);
    return server.exchanges().get(0);
  }

  private static RestConfig.Builder builder() {
    return RestConfig.builder().server("http://127.0.0.1:" + server.port()).proxyEnvironment(Map.of());
  }

  @Test
  void aRequestThatImpersonatesItselfKeepsItsOwnHeaders() {
    RestConfig config = builder().impersonate(ImpersonationConfig.user("jane").withGroups(List.of("g"))).build();
    assertThat(get(config, Map.of()).headersStartingWith("Impersonate-"))
        .containsExactly("impersonate-group: g", "impersonate-user: jane");
    assertThat(get(config, Map.of("Impersonate-User", "bob")).headersStartingWith("Impersonate-"))
        .containsExactly("impersonate-user: bob");
  }

  @Test
  void valuesAreTrimmedAsGoTrimsThem() {
    RestConfig config = builder().bearerToken("  spaced token \t")
        .impersonate(ImpersonationConfig.user(" jane ")).build();
    CapturingServer.Exchange exchange = get(config, Map.of());
    assertThat(exchange.header("Authorization")).containsExactly("Bearer   spaced token");
    assertThat(exchange.header("Impersonate-User")).containsExactly("jane");
  }

  @Test
  void proxyCredentialsNeverReachADirectServer() {
    RestConfig config = builder().proxyEnvironment(Map.of("HTTP_PROXY", "http://u:p@proxy.invalid:1")).build();
    // loopback is never proxied, so nothing about the proxy may reach the server
    assertThat(config.proxyFor(URI.create("http://127.0.0.1:" + server.port()))).isEmpty();
    assertThat(get(config, Map.of()).header("Proxy-Authorization")).isEmpty();
  }
}
