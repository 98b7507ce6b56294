package io.kubegen.runtime.config;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code NO_PROXY} as Go's {@code golang.org/x/net/http/httpproxy} reads it, which is what
 * kubectl uses: a comma-separated list of {@code *} (nothing is proxied), IP addresses, CIDR
 * ranges, {@code host:port} pairs and domain names ({@code example.com} matches it and its
 * subdomains, {@code .example.com} and {@code *.example.com} only the subdomains); IP hosts only
 * match IP entries. {@code localhost} and loopback addresses are never proxied. Immutable and
 * thread-safe.
 */
final class NoProxy {
  private interface Matcher {
    boolean matches(String host, String port, byte[] ip);
  }

  private final boolean all;
  private final List<Matcher> ipMatchers = new ArrayList<>();
  private final List<Matcher> domainMatchers = new ArrayList<>();

  private NoProxy(String list) {
    boolean matchAll = false;
    for (String entry : list.split(",")) {
      String p = entry.strip().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      if (p.equals("*")) {
        matchAll = true;
        break;
      }
      Cidr cidr = Cidr.parse(p);
      if (cidr != null) {
        ipMatchers.add((host, port, ip) -> ip != null && cidr.contains(ip));
        continue;
      }
      String phost = p;
      String pport = "";
      String[] split = splitHostPort(p);
      if (split != null) {
        if (split[0].isEmpty()) {
          continue; // a malformed entry such as ":80" is ignored
        }
        phost = split[0];
        pport = split[1];
      }
      byte[] pip = IpLiterals.parse(phost, false);
      if (pip != null) {
        String entryPort = pport;
        ipMatchers.add((host, port, ip) -> ip != null && IpLiterals.equal(pip, ip)
            && (entryPort.isEmpty() || entryPort.equals(port)));
        continue;
      }
      if (phost.startsWith("*.")) {
        phost = phost.substring(1);
      }
      boolean matchHost = false;
      if (phost.charAt(0) != '.') {
        matchHost = true;
        phost = "." + phost;
      }
      String domain = ascii(phost);
      String entryPort = pport;
      boolean exactToo = matchHost;
      domainMatchers.add((host, port, ip) -> ip == null
          && (host.endsWith(domain) || (exactToo && host.equals(domain.substring(1))))
          && (entryPort.isEmpty() || entryPort.equals(port)));
    }
    this.all = matchAll;
  }

  /** Parses a {@code NO_PROXY} value; an empty one matches nothing but localhost and loopback. */
  static NoProxy parse(String list) {
    return new NoProxy(list == null ? "" : list);
  }

  /**
   * Whether a request to {@code hostname} (no brackets) on {@code port} goes through the proxy.
   *
   * @param port the port, or the scheme's default
   */
  boolean useProxy(String hostname, String port) {
    if (hostname.equals("localhost")) {
      return false;
    }
    byte[] ip = IpLiterals.parse(hostname, true);
    if (ip != null && IpLiterals.isLoopback(ip)) {
      return false;
    }
    if (all) {
      return false;
    }
    String host = ascii(hostname.strip().toLowerCase(Locale.ROOT));
    if (ip != null) {
      for (Matcher m : ipMatchers) {
        if (m.matches(host, port, ip)) {
          return false;
        }
      }
    }
    for (Matcher m : domainMatchers) {
      if (m.matches(host, port, ip)) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(String host) {
    if (host.chars().allMatch(c -> c < 0x80)) {
      return host;
    }
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return host;
    }
  }

  /** Go's {@code net.SplitHostPort}, or null when it fails. */
  static String[] splitHostPort(String hostport) {
    int i = hostport.lastIndexOf(':');
    if (i < 0) {
      return null;
    }
    String host;
    int j = 0;
    int k = 0;
    if (hostport.charAt(0) == '[') {
      int end = hostport.indexOf(']');
      if (end < 0 || end + 1 != i) {
        return null;
      }
      host = hostport.substring(1, end);
      j = 1;
      k = end + 1;
    } else {
      host = hostport.substring(0, i);
      if (host.indexOf(':') >= 0) {
        return null;
      }
    }
    if (hostport.indexOf('[', j) >= 0 || hostport.indexOf(']', k) >= 0) {
      return null;
    }
    return new String[] {host, hostport.substring(i + 1)};
  }

  /** Go's {@code net.ParseCIDR} and {@code IPNet.Contains}. */
  private record Cidr(byte[] network, byte[] mask) {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      if (slash < 0) {
        return null;
      }
      byte[] ip = IpLiterals.parse(text.substring(0, slash), false);
      String bitsText = text.substring(slash + 1);
      if (ip == null || bitsText.isEmpty() || bitsText.length() > 3 || !bitsText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int bits = Integer.parseInt(bitsText);
      boolean v4 = text.substring(0, slash).indexOf(':') < 0;
      int length = v4 ? 4 : 16;
      if (bits > length * 8) {
        return null;
      }
      byte[] network = v4 ? ip : ip.clone();
      byte[] mask = new byte[length];
      for (int i = 0; i < length; i++) {
        int take = Math.max(0, Math.min(8, bits - 8 * i));
        mask[i] = (byte) (0xff << (8 - take));
        network[i] &= mask[i];
      }
      return new Cidr(network, mask);
    }

    boolean contains(byte[] ip) {
      byte[] net = network;
      byte[] m = mask;
      byte[] net4 = IpLiterals.toIpv4(net);
      if (net4 != null && net.length == 16) {
        net = net4;
        m = java.util.Arrays.copyOfRange(m, 12, 16);
      }
      byte[] ip4 = IpLiterals.toIpv4(ip);
      byte[] candidate = ip4 != null ? ip4 : ip;
      if (candidate.length != net.length) {
        return false;
      }
      for (int i = 0; i < net.length; i++) {
        if ((net[i] & m[i]) != (candidate[i] & m[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
