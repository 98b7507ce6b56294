package io.kubegen.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whom requests act as: client-go's {@code rest.ImpersonationConfig}, a kubeconfig user's
 * {@code as}, {@code as-uid}, {@code as-groups} and {@code as-user-extra}. Each request then
 * carries {@code Impersonate-User}, {@code Impersonate-Uid}, one {@code Impersonate-Group} per
 * group and one {@code Impersonate-Extra-<key>} per extra value (the key percent-escaped as
 * client-go escapes it), unless the request sets {@code Impersonate-User} itself. Immutable and
 * thread-safe.
 *
 * @param userName the user to act as; required
 * @param uid the user's UID, or null
 * @param groups the groups to act as, in order
 * @param extra extra attributes (such as {@code scopes}), in order
 */
public record ImpersonationConfig(String userName, String uid, List<String> groups, Map<String, List<String>> extra) {

  /** Checks the user name and copies the collections. */
  public ImpersonationConfig {
    if (userName == null || userName.isEmpty()) {
      throw new KubeConfigException("impersonation: a user name is required to request a UID, groups or extra "
          + "attributes (as kubectl requires)");
    }
    groups = List.copyOf(groups == null ? List.of() : groups);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (extra != null) {
      extra.forEach((key, values) -> copy.put(Objects.requireNonNull(key, "extra key"), List.copyOf(values)));
    }
    extra = Collections.unmodifiableMap(copy);
  }

  /** Acts as {@code userName}, with no UID, groups or extras. */
  public static ImpersonationConfig user(String userName) {
    return new ImpersonationConfig(userName, null, List.of(), Map.of());
  }

  /** A copy with the given UID. */
  public ImpersonationConfig withUid(String uid) {
    return new ImpersonationConfig(userName, uid, groups, extra);
  }

  /** A copy with the given groups. */
  public ImpersonationConfig withGroups(List<String> groups) {
    return new ImpersonationConfig(userName, uid, groups, extra);
  }

  /** A copy with one more extra attribute. */
  public ImpersonationConfig withExtra(String key, List<String> values) {
    Map<String, List<String>> more = new LinkedHashMap<>(extra);
    more.put(key, values);
    return new ImpersonationConfig(userName, uid, groups, more);
  }

  /**
   * The headers, as name and value pairs in the order client-go adds them; names spelled as Go
   * writes them on the wire ({@code Impersonate-Extra-Acme.com%2fproject}).
   */
  public List<Map.Entry<String, String>> headers() {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Impersonate-User", userName));
    if (uid != null && !uid.isEmpty()) {
      headers.add(Map.entry("Impersonate-Uid", uid));
    }
    for (String group : groups) {
      headers.add(Map.entry("Impersonate-Group", group));
    }
    extra.forEach((key, values) -> {
      String name = canonicalHeaderKey("Impersonate-Extra-" + escapeKey(key));
      for (String value : values) {
        headers.add(Map.entry(name, value));
      }
    });
    return headers;
  }

  /** Checks that every value can travel in a header; errors name the setting, never the value. */
  void checkHeaderValues(String label) {
    for (Map.Entry<String, String> header : headers()) {
      HeaderValues.check(header.getValue(), label + " (" + header.getKey() + ")");
    }
  }

  /** client-go's {@code headerKeyEscape}: every byte that is not a header token character, and {@code %}, as {@code %XX}. */
  static String escapeKey(String key) {
    StringBuilder out = new StringBuilder();
    for (byte raw : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int b = raw & 0xff;
      boolean token = b < 0x80 && (Character.isLetterOrDigit(b) || "!#$&'*+-.^_`|~".indexOf(b) >= 0);
      if (token) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b));
      }
    }
    return out.toString();
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey} for a name made of token characters. */
  static String canonicalHeaderKey(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (upper && c >= 'a' && c <= 'z') {
        c = (char) (c - 32);
      } else if (!upper && c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      out.append(c);
      upper = c == '-';
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "ImpersonationConfig{user=" + userName + (uid == null ? "" : ", uid=" + uid) + ", groups=" + groups
        + ", extra=" + extra.keySet() + "}";
  }
}
