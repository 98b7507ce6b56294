package io.kubegen.runtime.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A URL split as Go's {@code net/url.Parse} splits it, which is what kubectl applies to server
 * and proxy URLs: a scheme only when it starts with a letter, user info before the last
 * {@code @} of the authority, a port of digits only, and percent-escapes decoded in the user
 * info, host and path. Immutable.
 *
 * @param scheme lower-cased, empty when there is none
 * @param user the decoded user name, or null when the URL has no user info
 * @param password the decoded password, or null when the user info has no {@code :}
 * @param host the host with its port, as Go's {@code URL.Host} ({@code [::1]:6443})
 * @param path the decoded path
 * @param rawQuery the query without {@code ?}, or null
 * @param fragment the decoded fragment, or null
 * @param opaque the opaque part of URLs such as {@code localhost:8080} (scheme {@code localhost})
 */
record GoUrl(String scheme, String user, String password, String host, String path, String rawQuery,
    String fragment, String opaque) {

  /** Why a URL does not parse; the reason never quotes the URL. */
  static final class ParseException extends Exception {
    ParseException(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Go's {@code url.Parse}. */
  static GoUrl parse(String raw) throws ParseException {
    int hash = raw.indexOf('#');
    String fragment = null;
    String rest = raw;
    if (hash >= 0) {
      fragment = unescape(raw.substring(hash + 1), Mode.FRAGMENT);
      rest = raw.substring(0, hash);
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new ParseException("it contains a control character");
      }
    }
    String scheme = "";
    int colon = schemeEnd(rest);
    if (colon == 0) {
      throw new ParseException("missing protocol scheme");
    }
    if (colon > 0) {
      scheme = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      rest = rest.substring(colon + 1);
    }
    String rawQuery = null;
    int question = rest.indexOf('?');
    if (question >= 0) {
      rawQuery = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new GoUrl(scheme, null, null, "", "", rawQuery, fragment, rest);
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw new ParseException("first path segment in URL cannot contain colon");
      }
    }
    String user = null;
    String password = null;
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      int at = authority.lastIndexOf('@');
      host = parseHost(at < 0 ? authority : authority.substring(at + 1));
      if (at >= 0) {
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) {
          throw new ParseException("invalid user info");
        }
        int split = userinfo.indexOf(':');
        if (split < 0) {
          user = unescape(userinfo, Mode.USER);
        } else {
          user = unescape(userinfo.substring(0, split), Mode.USER);
          password = unescape(userinfo.substring(split + 1), Mode.USER);
        }
      }
    }
    String path = unescape(rest, Mode.PATH);
    return new GoUrl(scheme, user, password, host, path, rawQuery, fragment, null);
  }

  /** The index of the scheme's {@code :}, 0 for a leading {@code :} (an error), -1 when there is no scheme. */
  private static int schemeEnd(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static String parseHost(String host) throws ParseException {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new ParseException("missing ']' in host");
      }
      if (!validOptionalPort(host.substring(close + 1))) {
        throw new ParseException("invalid port after host");
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
        throw new ParseException("invalid port after host");
      }
    }
    return unescape(host, Mode.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    return port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean validUserinfo(String userinfo) {
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
        continue;
      }
      return false;
    }
    return true;
  }

  private enum Mode { HOST, USER, PATH, FRAGMENT }

  /** Go's {@code unescape}: checks the escapes, refuses characters a host cannot have, decodes. */
  private static String unescape(String s, Mode mode) throws ParseException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; ) {
      int b = bytes[i] & 0xff;
      if (b == '%') {
        if (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])) {
          throw new ParseException("invalid percent-escape");
        }
        int value = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
        if (mode == Mode.HOST && value < 0x80 && !(bytes[i + 1] == '2' && bytes[i + 2] == '5')) {
          throw new ParseException("invalid percent-escape in host");
        }
        out.write(value);
        i += 3;
        continue;
      }
      if (mode == Mode.HOST && b < 0x80 && !validHostByte(b)) {
        throw new ParseException("invalid character in host name");
      }
      out.write(b);
      i++;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  private static boolean validHostByte(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
  }

  /** Go's {@code path.Clean} of an absolute path; {@code ""} for the root. */
  static String cleanPath(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
        continue;
      }
      parts.addLast(part);
    }
    return parts.isEmpty() ? "" : "/" + String.join("/", parts);
  }

  /** Go's escaping of a whole path when it writes a request ({@code escape(s, encodePath)}). */
  static String escapePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-_.~$&+,/:;=@".indexOf(c) >= 0;
      if (keep) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** The host without its port and brackets ({@code URL.Hostname()}). */
  String hostname() {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host.substring(1) : host.substring(1, close);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** The port, or empty ({@code URL.Port()}). */
  String port() {
    int close = host.lastIndexOf(']');
    int colon = host.lastIndexOf(':');
    return colon > close ? host.substring(colon + 1) : "";
  }

  @Override
  public String toString() {
    return "GoUrl{scheme=" + scheme + ", host=" + host + (user != null ? ", user info=" + Redaction.REDACTED : "") + "}";
  }
}
