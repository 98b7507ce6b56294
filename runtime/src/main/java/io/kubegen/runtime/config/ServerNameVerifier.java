package io.kubegen.runtime.config;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's certificate the way kubectl (Go's TLS client) does: the chain is validated
 * by the delegate (the CA bundle or the JDK's trust store) without its host check, then the leaf
 * certificate must name the server in a DNS or IP subject alternative name (Go's
 * {@code VerifyHostname}: no common-name fallback, a {@code *} only as a whole left-most label,
 * case-insensitive, a trailing dot ignored). The name is a kubeconfig's {@code tls-server-name}
 * when there is one, else the host the connection was opened for. Being an
 * {@link X509ExtendedTrustManager}, it owns the host check, so the JDK does not add its own rules
 * (such as its common-name fallback). Immutable and thread-safe.
 */
final class ServerNameVerifier extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private final String serverName;

  /** @param serverName the name to check; null to check the host of each connection */
  ServerNameVerifier(X509ExtendedTrustManager delegate, String serverName) {
    this.delegate = delegate;
    this.serverName = serverName;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, authType, null);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    check(chain, authType, session == null ? null : session.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, authType, engine == null ? null : engine.getPeerHost());
  }

  private void check(X509Certificate[] chain, String authType, String peerHost) throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
    String name = serverName != null ? serverName : peerHost;
    if (name == null) {
      throw new CertificateException("no host name to check the server certificate against");
    }
    verifyName(chain[0], name);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }

  /** Go's {@code x509.Certificate.VerifyHostname}. */
  static void verifyName(X509Certificate certificate, String name) throws CertificateException {
    String candidate = name;
    if (candidate.length() >= 3 && candidate.startsWith("[") && candidate.endsWith("]")) {
      candidate = candidate.substring(1, candidate.length() - 1);
    }
    byte[] ip = IpLiterals.parse(candidate, false);
    List<String> dnsNames = new ArrayList<>();
    List<byte[]> ipAddresses = new ArrayList<>();
    subjectAltNames(certificate, dnsNames, ipAddresses);
    if (ip != null) {
      for (byte[] address : ipAddresses) {
        if (IpLiterals.equal(address, ip)) {
          return;
        }
      }
      throw new CertificateException("the certificate is not valid for " + candidate + "; it names "
          + names(dnsNames, ipAddresses));
    }
    String host = candidate.toLowerCase(Locale.ROOT);
    boolean validHost = validHostname(host, false);
    for (String pattern : dnsNames) {
      if (validHost && validHostname(pattern, true) ? matchHostnames(pattern, host) : matchExactly(pattern, host)) {
        return;
      }
    }
    throw new CertificateException("the certificate is not valid for " + name + "; it names "
        + names(dnsNames, ipAddresses));
  }

  private static void subjectAltNames(X509Certificate certificate, List<String> dns, List<byte[]> ips)
      throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    if (names == null) {
      return;
    }
    for (List<?> entry : names) {
      int type = (Integer) entry.get(0);
      if (type == 2) {
        dns.add((String) entry.get(1));
      } else if (type == 7) {
        byte[] address = IpLiterals.parse((String) entry.get(1), false);
        if (address != null) {
          ips.add(address);
        }
      }
    }
  }

  private static String names(List<String> dns, List<byte[]> ips) {
    List<String> all = new ArrayList<>(dns);
    for (byte[] ip : ips) {
      try {
        all.add(java.net.InetAddress.getByAddress(ip).getHostAddress());
      } catch (java.net.UnknownHostException e) {
        // four or sixteen bytes always make an address
      }
    }
    return all.isEmpty() ? "no DNS or IP names" : String.join(", ", all);
  }

  private static boolean matchExactly(String a, String b) {
    if (a.isEmpty() || a.equals(".") || b.isEmpty() || b.equals(".")) {
      return false;
    }
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private static boolean matchHostnames(String pattern, String host) {
    pattern = pattern.toLowerCase(Locale.ROOT);
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (pattern.isEmpty() || host.isEmpty()) {
      return false;
    }
    String[] patternParts = pattern.split("\\.", -1);
    String[] hostParts = host.split("\\.", -1);
    if (patternParts.length != hostParts.length) {
      return false;
    }
    for (int i = 0; i < patternParts.length; i++) {
      if (i == 0 && patternParts[i].equals("*")) {
        continue;
      }
      if (!patternParts[i].equals(hostParts[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean validHostname(String host, boolean isPattern) {
    if (!isPattern && host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.equals("*")) {
      return false;
    }
    String[] parts = host.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        return false;
      }
      if (isPattern && i == 0 && part.equals("*")) {
        continue;
      }
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || (c == '-' && j != 0) || c == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
