/**
 * Client configuration: {@link io.kubegen.runtime.config.RestConfig} (servers, TLS, credentials,
 * rate limits, timeouts) built by hand, from kubeconfig files through
 * {@link io.kubegen.runtime.config.KubeConfig} (loaded and merged as kubectl does), or from a
 * pod's service account with {@link io.kubegen.runtime.config.RestConfig#inCluster()}.
 * Credentials never appear in {@code toString()}, log lines or exception messages.
 */
package io.kubegen.runtime.config;
