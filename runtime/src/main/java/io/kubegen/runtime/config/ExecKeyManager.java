package io.kubegen.runtime.config;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presents the client certificate an exec credential plugin returned, asking the plugin for a
 * fresh one when the cached credential expired. Without one (the plugin gives tokens only, or
 * failed) the handshake goes on without a client certificate; a failure is logged once per
 * handshake by its message, which never holds credentials. Thread-safe: the source serialises
 * plugin runs, and the chosen material is published atomically.
 */
final class ExecKeyManager extends X509ExtendedKeyManager {
  private static final Logger LOG = LoggerFactory.getLogger(ExecKeyManager.class);
  private static final String ALIAS_PREFIX = "exec-plugin-";

  private final ExecCredentialSource source;
  private final AtomicLong aliases = new AtomicLong();
  /**
   * The material behind the alias chosen last. The chain and key are looked up by that alias,
   * so one handshake never mixes a certificate and a key from two plugin runs.
   */
  private final AtomicReference<Chosen> chosen = new AtomicReference<>();

  private record Chosen(String alias, ClientKeyMaterial material) {}

  ExecKeyManager(ExecCredentialSource source) { this.source = source; }

  private String choose() {
    Optional<ClientKeyMaterial> material;
    try {
      material = source.clientKey();
    } catch (KubeConfigException e) {
      LOG.warn("no client certificate for this TLS handshake: {}", e.getMessage());
      return null;
    }
    if (material.isEmpty()) {
      return null;
    }
    Chosen previous = chosen.get();
    if (previous != null && previous.material().equals(material.get())) {
      return previous.alias();
    }
    Chosen next = new Chosen(ALIAS_PREFIX + aliases.incrementAndGet(), material.get());
    chosen.set(next);
    return next.alias();
  }

  private Optional<ClientKeyMaterial> lookup(String alias) {
    Chosen current = chosen.get();
    return current != null && current.alias().equals(alias) ? Optional.of(current.material()) : Optional.empty();
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose();
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return choose();
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return lookup(alias).map(m -> m.chain().toArray(new X509Certificate[0])).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return lookup(alias).map(ClientKeyMaterial::key).orElse(null);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    String alias = choose();
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) { return null; }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) { return null; }
}
