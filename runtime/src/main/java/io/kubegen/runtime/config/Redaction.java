package io.kubegen.runtime.config;

import java.net.URI;

/**
 * Keeps secrets out of messages, log lines and {@code toString()}: URLs lose their user info and
 * the values of their query parameters and fragment (a server URL may carry
 * {@code ?access_token=...}, a proxy URL {@code user:password@}). Stateless and thread-safe.
 */
public final class Redaction {
  /** What a secret is replaced by. */
  public static final String REDACTED = "<redacted>";

  private Redaction() {}

  /** {@code uri} for a message: {@code https://<redacted>@host:443/path?a=<redacted>#<redacted>}. */
  public static String uri(URI uri) {
    return uri == null ? "null" : text(uri.toString());
  }

  /**
   * A URL given as text, perhaps not even a valid one, for a message: anything before an
   * {@code @} in the authority, every query value and the fragment are replaced.
   */
  public static String text(String url) {
    if (url == null) {
      return "null";
    }
    // whatever precedes "://" (even a malformed scheme) is kept; the authority follows it
    int schemeEnd = url.indexOf("://");
    int authorityStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    StringBuilder out = new StringBuilder(url.substring(0, authorityStart));
    String authority = url.substring(authorityStart, authorityEnd);
    int at = authority.lastIndexOf('@');
    out.append(at < 0 ? authority : REDACTED + authority.substring(at));
    String rest = url.substring(authorityEnd);
    int fragment = rest.indexOf('#');
    String beforeFragment = fragment < 0 ? rest : rest.substring(0, fragment);
    int query = beforeFragment.indexOf('?');
    out.append(query < 0 ? beforeFragment : beforeFragment.substring(0, query + 1) + query(beforeFragment.substring(query + 1)));
    if (fragment >= 0) {
      out.append('#').append(rest.length() > fragment + 1 ? REDACTED : "");
    }
    return out.toString();
  }

  private static String query(String query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      // a parameter without '=' could be a bare secret: its name is its value
      out.append(eq < 0 ? (pair.isEmpty() ? "" : REDACTED) : pair.substring(0, eq + 1) + REDACTED);
    }
    return out.toString();
  }
}
