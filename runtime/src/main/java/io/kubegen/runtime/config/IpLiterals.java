package io.kubegen.runtime.config;

/**
 * Parses IP address literals without ever asking DNS ({@code InetAddress.getByName} would look a
 * string up when it is not a literal): IPv4 dotted quads (no leading zeros, as Go refuses them)
 * and IPv6 in every RFC 4291 form, with an optional zone. Stateless and thread-safe.
 */
final class IpLiterals {
  private IpLiterals() {}

  /** 4 or 16 bytes, or null when {@code text} is not an IP literal. */
  static byte[] parse(String text, boolean allowZone) {
    if (text.indexOf(':') >= 0) {
      return ipv6(text, allowZone);
    }
    return ipv4(text);
  }

  static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static byte[] ipv6(String text, boolean allowZone) {
    int percent = text.indexOf('%');
    if (percent >= 0) {
      if (!allowZone || percent == text.length() - 1) {
        return null;
      }
      text = text.substring(0, percent);
    }
    byte[] tail4 = null;
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.', lastColon) >= 0) {
      tail4 = ipv4(text.substring(lastColon + 1));
      if (tail4 == null) {
        return null;
      }
      text = text.substring(0, lastColon + 1) + "0:0"; // two placeholder groups for the IPv4 part
    }
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    String[] head;
    String[] tail;
    if (doubleColon >= 0) {
      String left = text.substring(0, doubleColon);
      String right = text.substring(doubleColon + 2);
      head = left.isEmpty() ? new String[0] : left.split(":", -1);
      tail = right.isEmpty() ? new String[0] : right.split(":", -1);
      if (head.length + tail.length > 7) {
        return null;
      }
    } else {
      head = text.split(":", -1);
      tail = new String[0];
      if (head.length != 8) {
        return null;
      }
    }
    byte[] bytes = new byte[16];
    if (!groups(head, bytes, 0) || !groups(tail, bytes, 16 - 2 * tail.length)) {
      return null;
    }
    if (tail4 != null) {
      System.arraycopy(tail4, 0, bytes, 12, 4);
    }
    return bytes;
  }

  private static boolean groups(String[] groups, byte[] bytes, int offset) {
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (group.isEmpty() || group.length() > 4) {
        return false;
      }
      int value = 0;
      for (int j = 0; j < group.length(); j++) {
        int digit = Character.digit(group.charAt(j), 16);
        if (digit < 0) {
          return false;
        }
        value = value * 16 + digit;
      }
      bytes[offset + 2 * i] = (byte) (value >> 8);
      bytes[offset + 2 * i + 1] = (byte) value;
    }
    return true;
  }

  /** The IPv4 address inside an IPv4 address or an IPv4-mapped IPv6 one ({@code ::ffff:a.b.c.d}), else null. */
  static byte[] toIpv4(byte[] ip) {
    if (ip.length == 4) {
      return ip;
    }
    for (int i = 0; i < 10; i++) {
      if (ip[i] != 0) {
        return null;
      }
    }
    if (ip[10] != (byte) 0xff || ip[11] != (byte) 0xff) {
      return null;
    }
    return new byte[] {ip[12], ip[13], ip[14], ip[15]};
  }

  /** Go's {@code net.IP.IsLoopback}: 127.0.0.0/8 (also IPv4-mapped) or ::1. */
  static boolean isLoopback(byte[] ip) {
    byte[] v4 = toIpv4(ip);
    if (v4 != null) {
      return v4[0] == 127;
    }
    for (int i = 0; i < 15; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[15] == 1;
  }

  /** Go's {@code net.IP.Equal}: an IPv4 address equals its IPv4-mapped IPv6 form. */
  static boolean equal(byte[] a, byte[] b) {
    byte[] a4 = toIpv4(a);
    byte[] b4 = toIpv4(b);
    if (a4 != null && b4 != null) {
      return java.util.Arrays.equals(a4, b4);
    }
    return a.length == b.length && java.util.Arrays.equals(a, b);
  }
}
