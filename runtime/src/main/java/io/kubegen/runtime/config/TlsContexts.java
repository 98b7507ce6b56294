package io.kubegen.runtime.config;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the {@link SSLContext} of a {@link RestConfig}: trust from the CA bundle (only that
 * bundle, as client-go does), from nothing at all when TLS verification is skipped, or from the
 * JDK's default trust store; and a key manager for the client certificate and key. Host names
 * are checked by Go's rules ({@link ServerNameVerifier}), against the {@code tls-server-name} when
 * there is one, which is then also sent as SNI ({@link ServerNameSslContext}).
 * Stateless and thread-safe.
 */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * @param ca the CA bundle or null
   * @param clientCert the client certificate chain or null
   * @param clientKey the client key or null; present exactly when {@code clientCert} is
   * @param dynamicKeys a key manager for certificates that come later (from an exec plugin);
   *     used only without {@code clientCert}; may be null
   * @param serverName the kubeconfig's {@code tls-server-name}: sent as SNI and checked against the
   *     certificate instead of the URL's host; may be null
   */
  static SSLContext create(PemSource ca, boolean insecure, PemSource clientCert, PemSource clientKey,
      KeyManager dynamicKeys, String serverName) {
    TrustManager[] trustManagers = insecure
        ? new TrustManager[] {InsecureTrustManager.INSTANCE}
        : trustManagers(ca);
    if (!insecure) {
      // the host check is Go's, against tls-server-name or the connection's host
      for (int i = 0; i < trustManagers.length; i++) {
        if (trustManagers[i] instanceof X509ExtendedTrustManager extended) {
          trustManagers[i] = new ServerNameVerifier(extended, serverName);
        }
      }
    }
    KeyManager[] keyManagers = clientCert != null ? keyManagers(clientCert, clientKey)
        : dynamicKeys != null ? new KeyManager[] {dynamicKeys}
        : null;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, new SecureRandom());
      return serverName == null ? context : new ServerNameSslContext(context, serverName);
    } catch (GeneralSecurityException e) {
      throw new KubeConfigException("cannot create a TLS context: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(PemSource ca) {
    try {
      KeyStore trustStore = null;
      if (ca != null) {
        List<X509Certificate> certificates = Pem.certificates(ca.read(), ca.describe());
        trustStore = emptyKeyStore();
        for (int i = 0; i < certificates.size(); i++) {
          trustStore.setCertificateEntry("ca-" + i, certificates.get(i));
        }
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new KubeConfigException(ca.describe() + ": cannot build a trust store (" + e.getMessage() + ")", e);
    }
  }

  private static KeyManager[] keyManagers(PemSource certSource, PemSource keySource) {
    ClientKeyMaterial material = ClientKeyMaterial.parse(certSource, keySource);
    List<X509Certificate> chain = material.chain();
    PrivateKey key = material.key();
    char[] password = "in-memory".toCharArray(); // protects nothing: the store never leaves memory
    try {
      KeyStore keyStore = emptyKeyStore();
      keyStore.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      // The cause could describe the key; leave it out.
      throw new KubeConfigException(keySource.describe() + ": the key cannot be used for TLS ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** Signs a probe with the key and verifies it with the certificate, so a mixed-up pair fails early. */
  static void requireMatch(X509Certificate certificate, PrivateKey key, PemSource certSource, PemSource keySource) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      case "Ed448" -> "Ed448";
      default -> null;
    };
    if (algorithm == null) {
      throw new KubeConfigException(keySource.describe() + ": unsupported key algorithm " + key.getAlgorithm());
    }
    boolean matches;
    try {
      byte[] probe = "kubegen key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new KubeConfigException(keySource.describe() + ": the private key does not belong to the certificate in "
          + certSource.describe());
    }
  }

  /** Invalidates cached client sessions, so the next handshake is a full one. */
  static void forgetClientSessions(SSLContext context) {
    SSLSessionContext sessions = context.getClientSessionContext();
    for (Enumeration<byte[]> ids = sessions.getIds(); ids.hasMoreElements(); ) {
      SSLSession session = sessions.getSession(ids.nextElement());
      if (session != null) {
        session.invalidate();
      }
    }
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }
}
