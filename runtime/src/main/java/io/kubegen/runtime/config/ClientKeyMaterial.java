package io.kubegen.runtime.config;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client certificate chain with its private key, checked to belong together. Immutable;
 * {@link #toString()} shows the certificate subject only.
 */
record ClientKeyMaterial(List<X509Certificate> chain, PrivateKey key) {

  ClientKeyMaterial {
    chain = List.copyOf(chain);
  }

  /** Parses and checks the PEM pair; errors name the sources' labels. */
  static ClientKeyMaterial parse(PemSource certificate, PemSource key) {
    List<X509Certificate> chain = Pem.certificates(certificate.read(), certificate.describe());
    PrivateKey privateKey = Pem.privateKey(key.read(), key.describe());
    TlsContexts.requireMatch(chain.get(0), privateKey, certificate, key);
    return new ClientKeyMaterial(chain, privateKey);
  }

  @Override
  public String toString() {
    return "client certificate " + chain.get(0).getSubjectX500Principal().getName() + " with key <redacted>";
  }
}
