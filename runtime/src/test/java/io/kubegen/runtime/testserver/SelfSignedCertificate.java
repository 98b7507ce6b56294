package io.kubegen.runtime.testserver;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away self-signed EC certificate (for {@code 127.0.0.1} as IP SAN, or a host name), its own trust anchor,
 * and the server {@link SSLContext} that presents it. Immutable.
 */
public final class SelfSignedCertificate {
  private final X509Certificate certificate;
  private final SSLContext serverContext;

  private SelfSignedCertificate(X509Certificate certificate, SSLContext serverContext) {
    this.certificate = certificate;
    this.serverContext = serverContext;
  }

  /** A new certificate for {@code 127.0.0.1}, valid for a day. */
  public static SelfSignedCertificate create() {
    return create(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
  }

  /** A new certificate for the host name {@code dnsName} only (so it does not match 127.0.0.1). */
  public static SelfSignedCertificate forHost(String dnsName) {
    return create(new GeneralName(GeneralName.dNSName, dnsName));
  }

  private static SelfSignedCertificate create(GeneralName subjectAltName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=127.0.0.1");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltName));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      char[] password = "test".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", keys.getPrivate(), password, new Certificate[] {cert});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return new SelfSignedCertificate(cert, context);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a test certificate", e);
    }
  }

  /** The certificate in PEM, for {@code RestConfig.builder().caData(..)}. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server-side TLS context presenting this certificate. */
  public SSLContext serverContext() { return serverContext; }
}
