package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one context of a merged kubeconfig into a {@link RestConfig.Builder}, as kubectl reads
 * it: the context's cluster (server, CA, insecure flag, proxy), user (client certificate and
 * key, token or token file, basic auth, exec plugin) and namespace. Inline {@code -data} fields
 * win over file fields; relative paths resolve against the directory of the file that named
 * them. Every setting carries its kubeconfig field as label, so errors from
 * {@link RestConfig.Builder#build()} name the file and field too. Stateless and thread-safe.
 */
final class ContextRestConfigs {
  private static final Logger LOG = LoggerFactory.getLogger(ContextRestConfigs.class);

  private ContextRestConfigs() {}

  static RestConfig.Builder builder(KubeConfigEntry context, Map<String, KubeConfigEntry> clusters,
      Map<String, KubeConfigEntry> users, String sources) {
    RestConfig.Builder builder = RestConfig.builder();
    String clusterName = context.string("cluster")
        .orElseThrow(() -> context.error("cluster", "missing"));
    KubeConfigEntry cluster = clusters.get(clusterName);
    if (cluster == null) {
      throw context.error("cluster", "cluster \"" + clusterName + "\" is not defined in " + sources);
    }
    applyCluster(cluster, builder);
    String userName = context.string("user").orElse(null);
    if (userName != null) {
      KubeConfigEntry user = users.get(userName);
      if (user == null) {
        throw context.error("user", "user \"" + userName + "\" is not defined in " + sources);
      }
      applyUser(user, builder);
    }
    context.string("namespace").ifPresent(builder::namespace);
    return builder;
  }

  private static void applyCluster(KubeConfigEntry cluster, RestConfig.Builder builder) {
    builder.server(cluster.string("server").orElseThrow(() -> cluster.error("server", "missing")));
    builder.label("server", cluster.label("server"));
    if (cluster.has("certificate-authority-data")) {
      builder.caData(base64(cluster, "certificate-authority-data"))
          .label("caData", cluster.label("certificate-authority-data"));
    } else {
      cluster.string("certificate-authority").ifPresent(path ->
          builder.caFile(cluster.resolve(path)).label("caFile", cluster.label("certificate-authority")));
    }
    if (cluster.bool("insecure-skip-tls-verify")) {
      builder.insecureSkipTlsVerify(true);
    }
    cluster.string("proxy-url").ifPresent(url -> {
      try {
        builder.proxy(new URI(url)).label("proxy", cluster.label("proxy-url"));
      } catch (URISyntaxException e) {
        throw cluster.error("proxy-url", "not a URL (" + e.getReason() + ")");
      }
    });
    if (cluster.has("tls-server-name")) {
      LOG.warn("{}: not supported; the server certificate is checked against the server URL's host",
          cluster.label("tls-server-name"));
    }
  }

  private static void applyUser(KubeConfigEntry user, RestConfig.Builder builder) {
    for (String field : new String[] {"as", "as-uid", "as-groups", "as-user-extra"}) {
      if (user.has(field)) {
        throw user.error(field, "impersonation is not supported");
      }
    }
    if (user.has("auth-provider")) {
      if (user.has("exec")) {
        throw user.error("auth-provider", "cannot be combined with exec");
      }
      throw user.error("auth-provider", "auth provider plugins are not supported; use an exec credential plugin");
    }
    if (user.has("client-certificate-data")) {
      builder.clientCertData(base64(user, "client-certificate-data"))
          .label("clientCertData", user.label("client-certificate-data"));
    } else {
      user.string("client-certificate").ifPresent(path ->
          builder.clientCertFile(user.resolve(path)).label("clientCertFile", user.label("client-certificate")));
    }
    if (user.has("client-key-data")) {
      builder.clientKeyData(base64(user, "client-key-data"))
          .label("clientKeyData", user.label("client-key-data"));
    } else {
      user.string("client-key").ifPresent(path ->
          builder.clientKeyFile(user.resolve(path)).label("clientKeyFile", user.label("client-key")));
    }
    user.string("token").ifPresent(token ->
        builder.bearerToken(token).label("bearerToken", user.label("token")));
    user.string("tokenFile").ifPresent(path ->
        builder.bearerTokenFile(user.resolve(path)).label("bearerTokenFile", user.label("tokenFile")));
    user.string("username").ifPresent(builder::username);
    user.string("password").ifPresent(builder::password);
    builder.label("username", user.label(user.has("username") ? "username" : "password"));
    user.object("exec").ifPresent(exec -> builder.exec(exec(user, exec)).label("exec", user.label("exec")));
  }

  private static ExecConfig exec(KubeConfigEntry user, JsonNode node) {
    KubeConfigEntry exec = new KubeConfigEntry(user.file(), user.name(), user.path() + ".exec", node);
    String command = exec.string("command").orElseThrow(() -> exec.error("command", "missing"));
    if (command.indexOf('/') >= 0 || command.indexOf(java.io.File.separatorChar) >= 0) {
      command = exec.resolve(command).toString();
    }
    String apiVersion = exec.string("apiVersion").orElseThrow(() -> exec.error("apiVersion", "missing"));
    if (!ExecConfig.V1.equals(apiVersion) && !ExecConfig.V1BETA1.equals(apiVersion)) {
      throw exec.error("apiVersion", "\"" + apiVersion + "\" is not supported; use " + ExecConfig.V1 + " or "
          + ExecConfig.V1BETA1);
    }
    ExecConfig.Builder builder = ExecConfig.builder()
        .command(command)
        .apiVersion(apiVersion)
        .args(KubeConfigEntry.strings(node.get("args"), exec.label("args")))
        .provideClusterInfo(exec.bool("provideClusterInfo"));
    exec.string("installHint").ifPresent(builder::installHint);
    String mode = exec.string("interactiveMode").orElse(null);
    if (mode == null) {
      if (ExecConfig.V1.equals(apiVersion)) {
        throw exec.error("interactiveMode", "required for " + ExecConfig.V1 + " (Never, IfAvailable or Always)");
      }
    } else {
      ExecConfig.InteractiveMode parsed = ExecConfig.InteractiveMode.fromKubeconfigName(mode);
      if (parsed == null) {
        throw exec.error("interactiveMode", "\"" + mode + "\" is not one of Never, IfAvailable, Always");
      }
      builder.interactiveMode(parsed);
    }
    JsonNode env = node.get("env");
    if (env != null && !env.isNull()) {
      if (!env.isArray()) {
        throw exec.error("env", "expected a list, found " + KubeConfigEntry.kind(env));
      }
      for (int i = 0; i < env.size(); i++) {
        JsonNode variable = env.get(i);
        String at = exec.path() + ".env[" + i + "]";
        if (!variable.isObject()) {
          throw new KubeConfigException(exec.file() + ": " + at + ": expected a mapping with name and value");
        }
        String name = KubeConfigEntry.string(variable, "name", at, exec.file())
            .orElseThrow(() -> new KubeConfigException(exec.file() + ": " + at + ".name: missing"));
        String value = KubeConfigEntry.string(variable, "value", at, exec.file()).orElse("");
        builder.env(name, value);
      }
    }
    return builder.build();
  }

  /** Decodes a base64 {@code -data} field to the PEM text it holds. */
  private static String base64(KubeConfigEntry entry, String field) {
    String text = entry.string(field).orElseThrow(() -> entry.error(field, "empty"));
    try {
      return new String(Base64.getDecoder().decode(text.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw entry.error(field, "not valid base64");
    }
  }
}
