package io.kubegen.runtime.config;

import java.net.URI;

/**
 * What an exec plugin with {@code provideClusterInfo: true} learns about the cluster through
 * {@code KUBERNETES_EXEC_INFO}: server, CA (PEM, or null), insecure flag, proxy (or null).
 */
record ExecClusterInfo(URI server, String caPem, boolean insecureSkipTlsVerify, URI proxy) {}
