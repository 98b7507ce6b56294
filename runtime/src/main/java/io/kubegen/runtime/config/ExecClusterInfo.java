package io.kubegen.runtime.config;

import java.net.URI;

/**
 * What an exec plugin with {@code provideClusterInfo: true} learns about the cluster through
 * {@code KUBERNETES_EXEC_INFO}, as client-go's {@code ConfigToExecCluster} fills it: the server
 * URL as configured, the TLS server name (or null), the CA (PEM, or null), the insecure flag and
 * the configured proxy (or null). {@link #toString()} redacts the URLs.
 */
record ExecClusterInfo(String server, String tlsServerName, String caPem, boolean insecureSkipTlsVerify, URI proxy) {
  @Override
  public String toString() {
    return "ExecClusterInfo{server=" + Redaction.text(server) + ", tlsServerName=" + tlsServerName
        + ", ca=" + (caPem == null ? "none" : "set") + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify
        + ", proxy=" + (proxy == null ? "none" : Redaction.uri(proxy)) + "}";
  }
}
