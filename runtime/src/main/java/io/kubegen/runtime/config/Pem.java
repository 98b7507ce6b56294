package io.kubegen.runtime.config;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM certificates and private keys through BouncyCastle's {@link PEMParser}: PKCS#1 RSA
 * ({@code RSA PRIVATE KEY}), SEC1 EC ({@code EC PRIVATE KEY}, with or without an
 * {@code EC PARAMETERS} block) and PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519, Ed448). Keys
 * are converted with the JDK's own key factories; BouncyCastle is not registered as a JCA
 * provider.
 * Stateless and thread-safe.
 *
 * <p>Errors about keys never carry the parser's cause: its message could quote key material.
 */
final class Pem {
  private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();

  private Pem() {}

  /**
   * All certificates in {@code pem}, in order.
   *
   * @param source names the file and field in error messages
   * @throws KubeConfigException when {@code pem} holds no certificate or a broken one
   */
  static List<X509Certificate> certificates(String pem, String source) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(CERTIFICATES.getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new KubeConfigException(source + ": not a valid PEM certificate (" + e.getClass().getSimpleName() + ")");
    }
    if (certificates.isEmpty()) {
      throw new KubeConfigException(source + ": not a PEM certificate (no CERTIFICATE block found)");
    }
    return certificates;
  }

  /**
   * The first private key in {@code pem}.
   *
   * @param source names the file and field in error messages
   * @throws KubeConfigException when {@code pem} holds no usable private key
   */
  static PrivateKey privateKey(String pem, String source) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof PEMKeyPair pair) {
          return toJdkKey(pair.getPrivateKeyInfo(), source);
        }
        if (object instanceof PrivateKeyInfo info) {
          return toJdkKey(info, source);
        }
        if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new KubeConfigException(source + ": encrypted private keys are not supported");
        }
      }
    } catch (KubeConfigException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new KubeConfigException(source + ": not a PEM private key (the key block cannot be decoded)");
    }
    throw new KubeConfigException(source + ": not a PEM private key");
  }

  /**
   * Converts PKCS#8 key info with the JDK's key factories. (BouncyCastle's converter asks for
   * algorithm names such as {@code ECDSA} that only its own provider knows.)
   */
  private static PrivateKey toJdkKey(PrivateKeyInfo info, String source) throws IOException {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm;
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      algorithm = "RSA";
    } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      algorithm = "EC";
    } else if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
      algorithm = "Ed25519";
    } else if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
      algorithm = "Ed448";
    } else {
      throw new KubeConfigException(source + ": unsupported private key algorithm " + oid.getId());
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new KubeConfigException(source + ": not a usable " + algorithm + " private key");
    }
  }
}
