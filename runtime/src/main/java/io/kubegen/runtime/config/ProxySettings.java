package io.kubegen.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which HTTP proxy a request goes through, as kubectl decides it: a configured proxy (a
 * kubeconfig {@code proxy-url} or {@code RestConfig.Builder.proxy}) takes every request, loopback
 * ones included; without one, {@code HTTPS_PROXY} takes {@code https} requests and
 * {@code HTTP_PROXY} {@code http} ones (upper case first, then lower case; a value without a
 * scheme means {@code http://}), except hosts that {@code NO_PROXY} lists, {@code localhost} and
 * loopback addresses. Credentials in a proxy URL become the {@code Proxy-Authorization} header.
 * Immutable and thread-safe.
 */
final class ProxySettings {
  private static final Logger LOG = LoggerFactory.getLogger(ProxySettings.class);

  private final URI configured;
  private final String configuredLabel;
  private final EnvProxy https;
  private final EnvProxy http;
  private final NoProxy noProxy;
  private final boolean cgi;

  /** A proxy from the environment: its URL as given (for messages, redacted) and as parsed. */
  private record EnvProxy(String variable, GoUrl url) {}

  private ProxySettings(URI configured, String configuredLabel, EnvProxy https, EnvProxy http, NoProxy noProxy,
      boolean cgi) {
    this.configured = configured;
    this.configuredLabel = configuredLabel;
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
    this.cgi = cgi;
  }

  /** Every request through {@code proxy}, which must be an {@code http://} URL. */
  static ProxySettings configured(URI proxy, String label) {
    check(proxy.getScheme(), proxy.getHost(), proxy.toString(), label);
    return new ProxySettings(proxy, label, null, null, NoProxy.parse(""), false);
  }

  /**
   * A kubeconfig {@code proxy-url}, read as kubectl reads it (Go's URL parser; {@code http},
   * {@code https} and {@code socks5} are kubectl's schemes, kubegen's HTTP client can use
   * {@code http} only).
   */
  static URI parseKubeconfigProxy(String raw, String label) {
    GoUrl url;
    try {
      url = GoUrl.parse(raw);
    } catch (GoUrl.ParseException e) {
      throw new KubeConfigException(label + ": not a URL: " + Redaction.text(raw) + " (" + e.getMessage() + ")");
    }
    if (!url.scheme().equals("http") && !url.scheme().equals("https") && !url.scheme().equals("socks5")) {
      throw new KubeConfigException(label + ": unsupported scheme \"" + url.scheme()
          + "\", must be http, https, or socks5 (as kubectl requires), and http for kubegen");
    }
    check(url.scheme(), url.hostname(), raw, label);
    return toUri(url);
  }

  /** The proxies the environment names, as Go's {@code http.ProxyFromEnvironment} reads them. */
  static ProxySettings fromEnvironment(Map<String, String> env) {
    return new ProxySettings(null, null, envProxy(env, "HTTPS_PROXY", "https_proxy"),
        envProxy(env, "HTTP_PROXY", "http_proxy"),
        NoProxy.parse(first(env, "NO_PROXY", "no_proxy")), !env.getOrDefault("REQUEST_METHOD", "").isEmpty());
  }

  private static String first(Map<String, String> env, String upper, String lower) {
    String value = env.getOrDefault(upper, "");
    return value.isEmpty() ? env.getOrDefault(lower, "") : value;
  }

  private static EnvProxy envProxy(Map<String, String> env, String upper, String lower) {
    String variable = env.getOrDefault(upper, "").isEmpty() ? lower : upper;
    String value = env.getOrDefault(variable, "");
    if (value.isEmpty()) {
      return null;
    }
    GoUrl url = null;
    try {
      url = GoUrl.parse(value);
    } catch (GoUrl.ParseException e) {
      // tried again with http:// below, as Go does
    }
    if (url == null || url.scheme().isEmpty() || url.host().isEmpty()) {
      try {
        url = GoUrl.parse("http://" + value);
      } catch (GoUrl.ParseException e) {
        // Go ignores a proxy variable it cannot parse
        LOG.warn("${}: not a URL ({}); ignored, as kubectl ignores it", variable, e.getMessage());
        return null;
      }
    }
    return new EnvProxy(variable, url);
  }

  /**
   * Checks that every server that goes through a proxy goes through one kubegen can use.
   *
   * @throws KubeConfigException naming the proxy setting
   */
  void checkUsableFor(Iterable<URI> servers) {
    for (URI server : servers) {
      if (configured != null) {
        continue;
      }
      EnvProxy proxy = server.getScheme().equals("https") ? https : http;
      if (proxy == null || !noProxy.useProxy(hostname(server), port(server))) {
        continue;
      }
      if (server.getScheme().equals("http") && cgi) {
        throw new KubeConfigException("$" + proxy.variable() + ": refusing to use it for " + server
            + " in a CGI environment ($REQUEST_METHOD is set), as kubectl refuses");
      }
      check(proxy.url().scheme(), proxy.url().hostname().isEmpty() ? null : proxy.url().hostname(),
          Redaction.text(proxyText(proxy.url())), "$" + proxy.variable());
    }
  }

  private static void check(String scheme, String host, String text, String label) {
    if (scheme == null || !scheme.equalsIgnoreCase("http")) {
      throw new KubeConfigException(label + ": only http:// proxies are supported by kubegen's HTTP client "
          + "(the JDK's), got " + Redaction.text(text));
    }
    if (host == null || host.isEmpty()) {
      throw new KubeConfigException(label + ": no host in " + Redaction.text(text));
    }
  }

  /** The proxy for a request to {@code target}, with its credentials, or empty for a direct connection. */
  Optional<URI> proxyFor(URI target) {
    if (configured != null) {
      return Optional.of(configured);
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
    EnvProxy proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
    if (proxy == null || (scheme.equals("http") && cgi) || !noProxy.useProxy(hostname(target), port(target))) {
      return Optional.empty();
    }
    if (!proxy.url().scheme().equals("http")) {
      return Optional.empty(); // refused when the config was built; never reached for configured servers
    }
    return Optional.of(toUri(proxy.url()));
  }

  /** Names the setting that supplies the proxy for {@code target}: the configured one or the environment variable. */
  String sourceFor(URI target) {
    if (configured != null) {
      return configuredLabel;
    }
    EnvProxy proxy = "https".equalsIgnoreCase(target.getScheme()) ? https : http;
    return proxy == null ? "proxy" : "$" + proxy.variable();
  }

  /** Whether any proxy setting applies at all (else the JDK's own proxy selector stays in charge). */
  boolean isEmpty() {
    return configured == null && https == null && http == null;
  }

  /** The proxy URL's credentials as a {@code Proxy-Authorization} value, or empty. */
  static Optional<String> authorization(URI proxy) {
    String userInfo = proxy.getRawUserInfo();
    if (userInfo == null) {
      return Optional.empty();
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    return Optional.of(ServerUrl.basic(user, password));
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String hostname(URI uri) {
    String host = uri.getHost();
    return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host == null ? "" : host;
  }

  private static String port(URI uri) {
    if (uri.getPort() >= 0) {
      return Integer.toString(uri.getPort());
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? "443" : "80";
  }

  private static URI toUri(GoUrl url) {
    try {
      String userInfo = url.user() == null ? null : url.user() + (url.password() == null ? "" : ":" + url.password());
      String host = url.hostname();
      int port = url.port().isEmpty() ? -1 : Integer.parseInt(url.port());
      return new URI("http", userInfo, host, port, null, null, null);
    } catch (URISyntaxException | NumberFormatException e) {
      throw new KubeConfigException("proxy: not a usable URL: " + Redaction.text(proxyText(url)));
    }
  }

  private static String proxyText(GoUrl url) {
    return url.scheme() + "://" + (url.user() != null ? "user@" : "") + url.host();
  }

  @Override
  public String toString() {
    if (configured != null) {
      return Redaction.uri(configured);
    }
    StringBuilder out = new StringBuilder();
    if (https != null) {
      out.append("$").append(https.variable()).append('=').append(Redaction.text(proxyText(https.url())));
    }
    if (http != null) {
      out.append(out.length() > 0 ? ", " : "").append("$").append(http.variable()).append('=')
          .append(Redaction.text(proxyText(http.url())));
    }
    return out.toString();
  }
}
