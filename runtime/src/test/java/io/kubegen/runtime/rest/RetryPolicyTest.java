package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void onlyReadsAreResentOnceTheRequestMayHaveReachedTheServer() {
    for (String verb : List.of("GET", "HEAD", "OPTIONS", "TRACE")) {
      assertThat(RetryPolicy.mayResend(verb, TransportFailure.BROKEN_AFTER_SENDING)).as(verb).isTrue();
    }
    for (String verb : List.of("POST", "PUT", "PATCH", "DELETE")) {
      assertThat(RetryPolicy.mayResend(verb, TransportFailure.BROKEN_AFTER_SENDING)).as(verb).isFalse();
    }
    for (String verb : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      assertThat(RetryPolicy.mayResend(verb, TransportFailure.NOT_SENT)).as(verb).isTrue();
      assertThat(RetryPolicy.mayResend(verb, TransportFailure.TLS_REJECTED)).as(verb).isFalse();
    }
  }

  @Test
  void handshakesBrokenOffByTheNetworkAreConnectionFailuresAndRefusalsAreNot() {
    javax.net.ssl.SSLHandshakeException reset = new javax.net.ssl.SSLHandshakeException("Remote host terminated the handshake");
    reset.initCause(new java.net.SocketException("Connection reset"));
    assertThat(TransportFailure.of(new java.io.IOException("wrapped", reset))).isEqualTo(TransportFailure.NOT_SENT);
    assertThat(TransportFailure.of(new javax.net.ssl.SSLHandshakeException("Remote host terminated the handshake")))
        .isEqualTo(TransportFailure.NOT_SENT);

    javax.net.ssl.SSLHandshakeException untrusted = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
    assertThat(TransportFailure.of(untrusted)).isEqualTo(TransportFailure.TLS_REJECTED);
    assertThat(TransportFailure.describeTlsRejection(untrusted)).contains("not trusted", "check the CA");
    assertThat(TransportFailure.of(new javax.net.ssl.SSLHandshakeException("Received fatal alert: handshake_failure")))
        .isEqualTo(TransportFailure.TLS_REJECTED);

    assertThat(TransportFailure.of(new java.net.ConnectException())).isEqualTo(TransportFailure.NOT_SENT);
    assertThat(TransportFailure.rootMessage(new java.net.ConnectException())).isEqualTo("connection refused");
    assertThat(TransportFailure.of(new java.io.IOException("HTTP/1.1 header parser received no bytes",
        new java.net.SocketException("Connection reset")))).isEqualTo(TransportFailure.BROKEN_AFTER_SENDING);
  }
}
