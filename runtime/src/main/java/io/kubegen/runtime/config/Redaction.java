package io.kubegen.runtime.config;

import java.net.URI;
import java.util.Set;

/**
 * Keeps secrets out of messages, log lines and {@code toString()}: URLs lose their user info and
 * the values of their query parameters and fragment (a server URL may carry
 * {@code ?access_token=...}, a proxy URL {@code user:password@}). Stateless and thread-safe.
 */
public final class Redaction {
  /** What a secret is replaced by. */
  public static final String REDACTED = "<redacted>";

  /**
   * The query parameters of the Kubernetes API whose values are numbers, flags or fixed words and
   * so never carry a secret: {@link #request} shows them, so a log line still says which
   * resourceVersion a watch resumed from. Selectors and continue tokens carry user data and stay
   * hidden.
   */
  private static final Set<String> API_PARAMETERS = Set.of("watch", "resourceVersion", "resourceVersionMatch",
      "timeoutSeconds", "allowWatchBookmarks", "sendInitialEvents", "limit", "dryRun", "fieldValidation", "force",
      "propagationPolicy", "gracePeriodSeconds", "orphanDependents", "pretty");

  private Redaction() {}

  /**
   * A request URL built by kubegen, for a message: as {@link #text}, except that the values of
   * the Kubernetes API's own numeric and flag parameters (such as {@code resourceVersion},
   * {@code watch} or {@code limit}) stay readable. Any other parameter's value is replaced.
   */
  public static String request(String url) {
    return redact(url, API_PARAMETERS);
  }

  /** {@code uri} for a message: {@code https://<redacted>@host:443/path?a=<redacted>#<redacted>}. */
  public static String uri(URI uri) {
    return uri == null ? "null" : text(uri.toString());
  }

  /**
   * A URL given as text, perhaps not even a valid one, for a message: anything before an
   * {@code @} in the authority, every query value and the fragment are replaced.
   */
  public static String text(String url) {
    return redact(url, Set.of());
  }

  private static String redact(String url, Set<String> visible) {
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
    out.append(query < 0 ? beforeFragment : beforeFragment.substring(0, query + 1) + query(beforeFragment.substring(query + 1), visible));
    if (fragment >= 0) {
      out.append('#').append(rest.length() > fragment + 1 ? REDACTED : "");
    }
    return out.toString();
  }

  private static String query(String query, Set<String> visible) {
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
      if (eq < 0) {
        out.append(pair.isEmpty() ? "" : REDACTED);
      } else {
        boolean shown = visible.contains(pair.substring(0, eq));
        out.append(pair, 0, eq + 1).append(shown ? pair.substring(eq + 1) : REDACTED);
      }
    }
    return out.toString();
  }
}
