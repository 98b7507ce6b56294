package io.kubegen.apiserver.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The string {@code format}s kube-apiserver checks in custom objects (a subset of its list:
 * {@code date-time}, {@code date}, {@code duration}, {@code uuid}, {@code byte}, {@code ipv4},
 * {@code ipv6}, {@code cidr}, {@code hostname}, {@code email}, {@code mac}); any other format is
 * accepted unchecked, as kube-apiserver does with formats it does not know. Stateless.
 */
final class Formats {
  private static final Pattern UUID =
      Pattern.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern HOSTNAME = Pattern.compile(
      "(?i)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\\.?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern MAC = Pattern.compile("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}");
  private static final Pattern DURATION =
      Pattern.compile("[-+]?([0-9]*(\\.[0-9]*)?[a-zµμ]+)+|0");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

  private Formats() {}

  /** Whether {@code value} has {@code format}; true for formats not checked. */
  static boolean matches(String format, String value) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "date-time", "datetime" -> dateTime(value);
      case "date" -> date(value);
      case "duration" -> DURATION.matcher(value).matches();
      case "uuid" -> UUID.matcher(value).matches();
      case "byte" -> base64(value);
      case "ipv4" -> IPV4.matcher(value).matches();
      case "ipv6" -> ipv6(value);
      case "cidr" -> cidr(value);
      case "hostname" -> value.length() <= 255 && HOSTNAME.matcher(value).matches();
      case "email" -> EMAIL.matcher(value).matches();
      case "mac" -> MAC.matcher(value).matches();
      default -> true;
    };
  }

  private static boolean dateTime(String v) {
    try {
      OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean date(String v) {
    try {
      LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean base64(String v) {
    if (v.length() % 4 != 0 || !BASE64.matcher(v).matches()) {
      return false;
    }
    try {
      Base64.getDecoder().decode(v);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean ipv6(String v) {
    if (!v.contains(":") || !v.matches("[0-9A-Fa-f:.]+")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(v) instanceof java.net.Inet6Address
          || v.contains(".") && java.net.InetAddress.getByName(v) != null;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static boolean cidr(String v) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = v.substring(0, slash);
    String bits = v.substring(slash + 1);
    if (!bits.matches("[0-9]{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (IPV4.matcher(ip).matches()) {
      return n <= 32;
    }
    return ipv6(ip) && n <= 128;
  }
}
