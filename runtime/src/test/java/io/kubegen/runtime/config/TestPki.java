package io.kubegen.runtime.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates keys, a CA and certificates for tests, and writes them as PEM in each format. */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(1);

  private TestPki() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate and its key. */
  record Issued(X509Certificate certificate, KeyPair keys) {
    String certificatePem() { return pem(certificate); }
  }

  /** A self-signed CA. */
  static Issued ca(String name) {
    KeyPair keys = ec();
    return new Issued(sign(name, keys, name, keys.getPrivate(), true, false), keys);
  }

  /** A leaf certificate for {@code keys}, signed by {@code ca}; a server one has SAN 127.0.0.1 and localhost. */
  static Issued leaf(Issued ca, String name, KeyPair keys, boolean server) {
    return server ? serverLeaf(ca, name, keys, "127.0.0.1", "localhost") : issue(ca, name, keys, false, new String[0]);
  }

  /** A server certificate whose subject alternative names are {@code names}: IP literals become IP SANs, the rest DNS SANs. */
  static Issued serverLeaf(Issued ca, String name, KeyPair keys, String... names) {
    return issue(ca, name, keys, true, names);
  }

  private static Issued issue(Issued ca, String name, KeyPair keys, boolean server, String[] names) {
    X509Certificate caCert = ca.certificate();
    return new Issued(sign(name, keys, caCert.getSubjectX500Principal().getName(), ca.keys().getPrivate(), false,
        server, names), keys);
  }

  private static X509Certificate sign(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
      boolean isCa, boolean server) {
    return sign(subject, keys, issuer, issuerKey, isCa, server, new String[0]);
  }

  private static X509Certificate sign(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
      boolean isCa, boolean server, String[] names) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          new X500Name(issuer.startsWith("CN=") ? issuer : "CN=" + issuer),
          BigInteger.valueOf(SERIAL.getAndIncrement()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
          new X500Name("CN=" + subject), keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (server && names.length > 0) {
        GeneralName[] sans = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
          boolean ip = names[i].chars().allMatch(c -> Character.isDigit(c) || c == '.') || names[i].contains(":");
          sans[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
      }
      String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(X509Certificate certificate) {
    try {
      return write(new JcaMiscPEMGenerator(certificate));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PKCS#1 for RSA ({@code RSA PRIVATE KEY}), SEC1 for EC ({@code EC PRIVATE KEY}). */
  static String traditionalPem(KeyPair keys) {
    try {
      if (keys.getPrivate() instanceof ECPrivateKey ec) {
        // Written by hand: the generic writer leaves out the curve, which real SEC1 files carry.
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
        SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
            ec.getParams().getOrder().bitLength(), ec.getS(), publicInfo.getPublicKeyData(),
            info.getPrivateKeyAlgorithm().getParameters());
        return write(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
      }
      return write(new JcaMiscPEMGenerator(keys));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PKCS#8 ({@code PRIVATE KEY}). */
  static String pkcs8Pem(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A server-side TLS context presenting {@code server} and trusting client certificates from {@code clientCa}. */
  static SSLContext serverContext(Issued server, Issued ca, Issued clientCa) {
    try {
      char[] password = "test".toCharArray();
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("server", server.keys().getPrivate(), password,
          new X509Certificate[] {server.certificate(), ca.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, password);
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry("client-ca", clientCa.certificate());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }
}
