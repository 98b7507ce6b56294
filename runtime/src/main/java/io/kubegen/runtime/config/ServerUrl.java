package io.kubegen.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An API server URL read as client-go reads {@code rest.Config.Host}: without a scheme it gets
 * {@code https://} when TLS settings are present and {@code http://} otherwise (and then must be
 * a bare {@code host:port}); a path is a prefix for every request (cleaned and re-escaped as Go
 * sends it); the query and fragment are dropped; user info becomes the request's basic auth,
 * which wins over any other credential, as Go's HTTP client does it. Immutable.
 *
 * @param uri the URL requests are built on: scheme, host, port and path prefix only
 * @param basicAuthorization {@code "Basic ..."} from the URL's user info, or null
 */
record ServerUrl(URI uri, String basicAuthorization) {

  /**
   * Parses a server URL.
   *
   * @param defaultTls whether a URL without a scheme gets {@code https://}
   * @param label names the setting in errors; the URL in a message is always {@link Redaction redacted}
   */
  static ServerUrl parse(String raw, boolean defaultTls, String label) {
    if (raw == null || raw.isEmpty()) {
      throw new KubeConfigException(label + ": empty server URL");
    }
    if (!raw.equals(raw.strip())) {
      // kubectl fails on these too (Go finds a space in the host name)
      throw new KubeConfigException(label + ": not a URL: " + Redaction.text(raw) + " (it starts or ends with white space)");
    }
    GoUrl url;
    try {
      url = parseWithDefaultScheme(raw, defaultTls);
    } catch (GoUrl.ParseException e) {
      throw new KubeConfigException(label + ": not a URL: " + Redaction.text(raw) + " (" + e.getMessage() + ")");
    }
    if (!url.scheme().equals("https") && !url.scheme().equals("http")) {
      throw new KubeConfigException(label + ": scheme must be http or https: " + Redaction.text(raw));
    }
    String hostname = url.hostname();
    if (hostname.isEmpty()) {
      throw new KubeConfigException(label + ": no host in " + Redaction.text(raw));
    }
    String authority = (hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname)
        + (url.port().isEmpty() ? "" : ":" + url.port());
    URI uri;
    try {
      uri = new URI(url.scheme() + "://" + authority + GoUrl.escapePath(GoUrl.cleanPath(url.path())));
    } catch (URISyntaxException e) {
      throw new KubeConfigException(label + ": the host of " + Redaction.text(raw)
          + " is not one kubegen's HTTP client (the JDK's) can reach (" + e.getReason() + ")");
    }
    if (uri.getHost() == null) {
      throw new KubeConfigException(label + ": the host of " + Redaction.text(raw)
          + " is not one kubegen's HTTP client (the JDK's) can reach");
    }
    String basic = url.user() == null ? null : basic(url.user(), url.password() == null ? "" : url.password());
    return new ServerUrl(uri, basic);
  }

  /** client-go's {@code DefaultServerURL}: parse, and when there is no scheme or host, parse again with one. */
  private static GoUrl parseWithDefaultScheme(String raw, boolean defaultTls) throws GoUrl.ParseException {
    GoUrl url = null;
    GoUrl.ParseException first = null;
    try {
      url = GoUrl.parse(raw);
    } catch (GoUrl.ParseException e) {
      first = e; // retried below with a scheme, as client-go does
    }
    if (url != null && !url.scheme().isEmpty() && !url.host().isEmpty()) {
      return url;
    }
    try {
      GoUrl withScheme = GoUrl.parse((defaultTls ? "https://" : "http://") + raw);
      if (!withScheme.path().isEmpty() && !withScheme.path().equals("/")) {
        throw new GoUrl.ParseException("a URL without a scheme must be a bare host:port pair");
      }
      return withScheme;
    } catch (GoUrl.ParseException e) {
      // the first reason says more about a URL that has a scheme (client-go reports the second)
      throw first != null && raw.contains("://") ? first : e;
    }
  }

  /** {@code Basic base64(user:password)} over the UTF-8 bytes, as Go's {@code SetBasicAuth} builds it. */
  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * client-go's {@code IsConfigTransportTLS} before any TLS setting is applied, the condition for
   * kubectl to use a kubeconfig's credentials at all: the URL parses and its scheme is
   * {@code https} ({@code server: 10.0.0.1:6443} is plain HTTP).
   */
  static boolean isTls(String raw) {
    try {
      return raw != null && !raw.isEmpty() && parseWithDefaultScheme(raw, false).scheme().equals("https");
    } catch (GoUrl.ParseException e) {
      return false;
    }
  }

  /** Whether requests to this server use TLS. */
  boolean isTls() {
    return uri.getScheme().equals("https");
  }

  @Override
  public String toString() {
    return uri + (basicAuthorization == null ? "" : " (basic auth from the URL: " + Redaction.REDACTED + ")");
  }
}
