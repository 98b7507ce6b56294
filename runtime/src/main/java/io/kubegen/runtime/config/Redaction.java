package io.kubegen.runtime.config;

import java.net.URI;

/** Helpers that keep secrets out of messages and {@code toString()}. Stateless and thread-safe. */
final class Redaction {
  static final String REDACTED = "<redacted>";

  private Redaction() {}

  /**
   * Whether {@code token} can travel in an HTTP header: not empty, no control characters (a line
   * break would let it forge headers; the HTTP client's own rejection could quote the value).
   */
  static boolean isHeaderSafe(String token) {
    return !token.isEmpty() && token.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
  }

  /** The URI with any user info (a proxy password, say) replaced by {@code <redacted>}. */
  static String uri(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme() + "://" + REDACTED + "@" + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** A user-supplied URL string, with anything before an {@code @} in the authority cut out. */
  static String text(String url) {
    int at = url.indexOf('@');
    if (at < 0) {
      return url;
    }
    int schemeEnd = url.indexOf("://");
    return (schemeEnd >= 0 && schemeEnd < at ? url.substring(0, schemeEnd + 3) : "") + REDACTED + url.substring(at);
  }
}
