package io.kubegen.runtime.config;

/**
 * Checks values that go into HTTP headers (tokens, impersonation names) before any request is
 * made, so that a bad value is refused with the setting's name instead of failing inside the
 * HTTP client, whose error would quote the whole header, token included.
 *
 * <p>Control characters are refused, as kubectl refuses them. Characters outside US-ASCII are
 * refused too, unlike kubectl, which sends their UTF-8 bytes: the JDK's HTTP client writes header
 * values as US-ASCII and would put {@code ?} in their place, so the server would get a different
 * token than the one configured. Stateless and thread-safe.
 */
final class HeaderValues {
  private HeaderValues() {}

  /**
   * Refuses {@code value} unless every character is printable US-ASCII, a space or a tab.
   *
   * @param label the setting, such as {@code users[0].user.token}; the message never quotes the value
   */
  static String check(String value, String label) {
    String problem = problem(value);
    if (problem != null) {
      throw new KubeConfigException(label + ": " + problem);
    }
    return value;
  }

  /** What is wrong with {@code value} as a header value, or null; never quotes it. */
  static String problem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
        continue;
      }
      String position = " (character " + (i + 1) + ")";
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return "contains a control character" + position + ", which cannot be sent in an HTTP header";
      }
      return "contains a character outside US-ASCII" + position + "; kubegen's HTTP client (the JDK's) sends "
          + "header values as US-ASCII only and would change it, so the value is refused (kubectl would send "
          + "its UTF-8 bytes); remove the character, it is often an invisible one picked up by copy and paste";
    }
    return null;
  }

  /** Leading and trailing spaces and tabs removed, as Go's HTTP client removes them when it writes a header. */
  static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
