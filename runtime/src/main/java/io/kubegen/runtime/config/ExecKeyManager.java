package io.kubegen.runtime.config;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presents the client certificate an exec credential plugin returned, asking the plugin for a
 * fresh one when the cached credential expired. Without one (the plugin gives tokens only, or
 * failed) the handshake goes on without a client certificate; a failure is logged once per
 * handshake by its message, which never holds credentials. Thread-safe: the source serialises
 * access.
 */
final class ExecKeyManager extends X509ExtendedKeyManager {
  private static final Logger LOG = LoggerFactory.getLogger(ExecKeyManager.class);
  private static final String ALIAS = "exec-plugin";

  private final ExecCredentialSource source;

  ExecKeyManager(ExecCredentialSource source) { this.source = source; }

  private Optional<ClientKeyMaterial> material() {
    try {
      return source.clientKey();
    } catch (KubeConfigException e) {
      LOG.warn("no client certificate for this TLS handshake: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return material().isPresent() ? ALIAS : null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return material().isPresent() ? ALIAS : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias)
        ? material().map(m -> m.chain().toArray(new X509Certificate[0])).orElse(null)
        : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? material().map(ClientKeyMaterial::key).orElse(null) : null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return material().isPresent() ? new String[] {ALIAS} : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) { return null; }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) { return null; }
}
