package io.kubegen.runtime.rest;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * What an I/O failure of one attempt says about the call: whether anything of it can have
 * reached the server, and whether it is worth trying again.
 */
enum TransportFailure {
  /**
   * The connection was never made, so nothing was sent: refused, reset while connecting,
   * connect timeout, unknown host, or a TLS handshake the peer broke off (reset or closed
   * before it completed). Safe to send again for every verb.
   */
  NOT_SENT,
  /**
   * The connection broke after the request went out, before or while the answer came: the
   * server may have acted on it. Safe to send again only for idempotent reads.
   */
  BROKEN_AFTER_SENDING,
  /**
   * TLS refused the server (untrusted certificate, host name mismatch, no common protocol) or
   * the server refused the client's certificate; asking again gives the same answer.
   */
  TLS_REJECTED;

  /** Classifies the failure of one attempt. */
  static TransportFailure of(Throwable failure) {
    SSLHandshakeException handshake = find(failure, SSLHandshakeException.class);
    if (handshake != null) {
      return brokenOff(handshake) ? NOT_SENT : TLS_REJECTED;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
          || t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return NOT_SENT;
      }
    }
    return BROKEN_AFTER_SENDING;
  }

  /**
   * Whether a failed handshake was broken off by the network (the peer reset or closed the
   * connection) rather than refused by TLS: a certificate problem, an alert from the peer or a
   * protocol mismatch are refusals.
   */
  private static boolean brokenOff(SSLHandshakeException handshake) {
    if (find(handshake, CertificateException.class) != null || find(handshake, GeneralSecurityException.class) != null) {
      return false;
    }
    for (Throwable t = handshake; t != null; t = t.getCause()) {
      if (t instanceof SocketException || t instanceof EOFException || t instanceof ClosedChannelException) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("remote host terminated the handshake") || message.contains("connection reset")
          || message.contains("connection closed")) {
        return true;
      }
    }
    return false;
  }

  /** A message for a TLS refusal that says what to check. */
  static String describeTlsRejection(Throwable failure) {
    String root = rootMessage(failure);
    String lower = root.toLowerCase(Locale.ROOT);
    if (lower.contains("subject alternative") || lower.contains("no name matching") || lower.contains("hostname")
        || lower.contains("is not valid for")) {
      return "TLS handshake failed: the server's certificate does not name the host in the server URL (" + root
          + "); use a URL the certificate names, or set tls-server-name";
    }
    if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("unable to find valid")) {
      return "TLS handshake failed: the server's certificate is not trusted (" + root
          + "); check the CA (certificate-authority / caData / caFile)";
    }
    if (lower.contains("expired") || lower.contains("not yet valid")) {
      return "TLS handshake failed: a certificate is outside its validity period (" + root + ")";
    }
    if (lower.contains("bad_certificate") || lower.contains("certificate_required") || lower.contains("unknown_ca")
        || lower.contains("certificate_unknown")) {
      return "TLS handshake failed: the server refused the client certificate (" + root + ")";
    }
    return "TLS handshake failed: " + root;
  }

  static String rootMessage(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (message != null) {
      return message;
    }
    // the JDK client reports a refused connection as a ConnectException without a message
    return find(e, ConnectException.class) != null ? "connection refused" : e.getClass().getSimpleName();
  }

  private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
