package io.kubegen.runtime.testserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the {@link FaultServer} received.
 *
 * @param method the HTTP method
 * @param path the decoded path, without the query
 * @param rawQuery the raw query string, or null
 * @param headers the request headers, names in lower case
 * @param body the request body as UTF-8 text ("" when none)
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

  /** The first value of header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The decoded query parameters, in order; the last value of a repeated one wins. */
  public Map<String, String> query() {
    Map<String, String> q = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return q;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }
}
