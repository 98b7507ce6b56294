package io.kubegen.runtime.rest;

import io.kubegen.runtime.config.ImpersonationConfig;
import io.kubegen.runtime.config.Redaction;
import io.kubegen.runtime.config.RestConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link RestConfig} adds to the JDK's HTTP client and to each request: the proxy
 * selection ({@link RestConfig#proxyFor}), the {@code Authorization} header for the server, the
 * {@code Impersonate-*} headers (left out when the request sets {@code Impersonate-User} itself,
 * as client-go does) and {@code Proxy-Authorization} when the request goes through a proxy with
 * credentials (the JDK moves it onto the {@code CONNECT} of an HTTPS tunnel and keeps it from the
 * server). Stateless and thread-safe.
 */
final class ConfigTransport {
  private ConfigTransport() {}

  /** Sets the proxy selector when the config has proxy settings; otherwise the JDK's default stays. */
  static void configure(RestConfig config, HttpClient.Builder builder) {
    if (config.hasProxySettings()) {
      builder.proxy(new ConfigProxySelector(config));
    }
  }

  /** Adds the config's headers for a request to {@code uri} on {@code server}. */
  static void addHeaders(RestConfig config, URI server, URI uri, Map<String, String> requestHeaders,
      HttpRequest.Builder builder) {
    config.authorizationHeader(server).ifPresent(value -> builder.header("Authorization", value));
    Optional<ImpersonationConfig> impersonation = config.impersonation();
    boolean ownImpersonation = requestHeaders.keySet().stream().anyMatch(n -> n.equalsIgnoreCase("Impersonate-User"));
    if (impersonation.isPresent() && !ownImpersonation) {
      for (Map.Entry<String, String> header : impersonation.get().headers()) {
        builder.header(header.getKey(), header.getValue().strip());
      }
    }
    config.proxyAuthorizationHeader(uri).ifPresent(value -> builder.header("Proxy-Authorization", value));
  }

  /** Verb and URL for messages and logs: user info and query values redacted. */
  static String describe(String verb, URI uri) {
    return verb + " " + (uri == null ? "null" : Redaction.request(uri.toString()));
  }

  /** Routes each request as {@link RestConfig#proxyFor} decides. */
  private static final class ConfigProxySelector extends ProxySelector {
    private final RestConfig config;

    ConfigProxySelector(RestConfig config) {
      this.config = config;
    }

    @Override
    public List<Proxy> select(URI uri) {
      return config.proxyFor(uri)
          .map(p -> List.of(new Proxy(Proxy.Type.HTTP,
              InetSocketAddress.createUnresolved(p.getHost(), p.getPort() >= 0 ? p.getPort() : 80))))
          .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      // the REST client reports the failure with the request
    }
  }
}
