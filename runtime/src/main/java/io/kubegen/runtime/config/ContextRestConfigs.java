package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one context of a merged kubeconfig into a {@link RestConfig.Builder}, in kubectl's order:
 *
 * <ol>
 *   <li>the context's cluster must be defined; its user need not be (an undefined user means no
 *       credentials);
 *   <li>the cluster and user in use are checked as kubectl's {@code ConfirmUsable} checks them
 *       (whatever the server's scheme): a server is set, {@code proxy-url} parses, an inline
 *       {@code -data} field and its file field are not both set, named files can be opened, a
 *       client certificate has a key, at most one of token and basic auth, an exec block is
 *       complete, impersonation names a user;
 *   <li>server, {@code proxy-url} and impersonation ({@code as}, {@code as-uid},
 *       {@code as-groups}, {@code as-user-extra}) always apply;
 *   <li>credentials (token and token file, client certificate and key, basic auth, exec plugin)
 *       and server identity (CA, {@code insecure-skip-tls-verify}, {@code tls-server-name}) apply
 *       only when the server URL is {@code https}: over plain HTTP kubectl sends no credentials,
 *       and kubegen warns once per context that it does not either.
 * </ol>
 *
 * <p>Empty fields count as unset, as in kubectl; a key without a certificate and a password
 * without a user name are ignored. Relative paths resolve against the directory of the file that
 * named them. Every setting carries its kubeconfig field as label, so errors from
 * {@link RestConfig.Builder#build()} name the file and field too. Thread-safe; the only state is
 * the set of contexts already warned about.
 */
final class ContextRestConfigs {
  private static final Logger LOG = LoggerFactory.getLogger(ContextRestConfigs.class);
  private static final Set<String> WARNED_PLAIN_HTTP = ConcurrentHashMap.newKeySet();
  private static final List<String> CREDENTIAL_FIELDS = List.of("token", "tokenFile", "username", "password",
      "client-certificate", "client-certificate-data", "client-key", "client-key-data", "auth-provider", "exec");

  private ContextRestConfigs() {}

  static RestConfig.Builder builder(KubeConfigEntry context, Map<String, KubeConfigEntry> clusters,
      Map<String, KubeConfigEntry> users, String sources, Map<String, String> env) {
    String clusterName = context.string("cluster")
        .orElseThrow(() -> context.error("cluster", "missing"));
    KubeConfigEntry cluster = clusters.get(clusterName);
    if (cluster == null) {
      throw context.error("cluster", "cluster \"" + clusterName + "\" is not defined in " + sources);
    }
    // kubectl goes on without credentials when the context's user is not defined
    KubeConfigEntry user = users.get(context.string("user").orElse(""));
    checkCluster(cluster);
    if (user != null) {
      checkUser(user);
    }

    String server = cluster.string("server").orElseThrow();
    RestConfig.Builder builder = RestConfig.builder()
        .server(server).label("server", cluster.label("server"))
        .proxyEnvironment(env);
    cluster.string("proxy-url").ifPresent(url -> builder
        .proxy(ProxySettings.parseKubeconfigProxy(url, cluster.label("proxy-url")))
        .label("proxy", cluster.label("proxy-url")));
    if (user != null) {
      impersonation(user).ifPresent(i -> builder.impersonate(i).label("impersonate", user.label("as")));
    }
    if (ServerUrl.isTls(server)) {
      applyServerIdentity(cluster, builder);
      if (user != null) {
        applyUser(user, builder);
      }
    } else if (user != null && CREDENTIAL_FIELDS.stream().anyMatch(f -> isSet(user, f))
        && WARNED_PLAIN_HTTP.add(context.file() + "#" + context.path())) {
      LOG.warn("{}: the server {} is plain HTTP, so the credentials of user \"{}\" are not sent, as kubectl does "
          + "not send them either; use an https:// server to send them", context.label("cluster"),
          Redaction.text(server), user.name());
    }
    context.string("namespace").ifPresent(builder::namespace);
    return builder;
  }

  // ---- kubectl's ConfirmUsable ----------------------------------------------------------------

  private static void checkCluster(KubeConfigEntry cluster) {
    if (cluster.string("server").isEmpty()) {
      throw cluster.error("server", "missing");
    }
    cluster.string("proxy-url").ifPresent(url -> ProxySettings.parseKubeconfigProxy(url, cluster.label("proxy-url")));
    checkDataOrFile(cluster, "certificate-authority-data", "certificate-authority");
    cluster.string("certificate-authority").ifPresent(path -> checkReadable(cluster, "certificate-authority", path));
  }

  private static void checkUser(KubeConfigEntry user) {
    List<String> methods = new ArrayList<>();
    if (user.string("token").isPresent()) {
      methods.add("token");
    }
    if (user.string("username").isPresent() || user.string("password").isPresent()) {
      methods.add("basic auth");
    }
    if (methods.size() > 1) {
      throw user.error(user.string("username").isPresent() ? "username" : "password",
          "more than one authentication method (" + String.join(" and ", methods) + "); only one is allowed");
    }
    if (isSet(user, "client-certificate") || isSet(user, "client-certificate-data")) {
      checkDataOrFile(user, "client-certificate-data", "client-certificate");
      checkDataOrFile(user, "client-key-data", "client-key");
      if (!isSet(user, "client-key") && !isSet(user, "client-key-data")) {
        throw user.error("client-certificate", "a client certificate needs client-key or client-key-data");
      }
      user.string("client-certificate").ifPresent(path -> checkReadable(user, "client-certificate", path));
      user.string("client-key").ifPresent(path -> checkReadable(user, "client-key", path));
    }
    user.object("exec").ifPresent(node -> {
      KubeConfigEntry exec = execEntry(user, node);
      if (user.has("auth-provider")) {
        throw user.error("auth-provider", "cannot be combined with exec");
      }
      exec.string("command").orElseThrow(() -> exec.error("command", "missing"));
      String apiVersion = exec.string("apiVersion").orElseThrow(() -> exec.error("apiVersion", "missing"));
      JsonNode env = node.get("env");
      if (env != null && env.isArray()) {
        for (int i = 0; i < env.size(); i++) {
          JsonNode variable = env.get(i);
          if (variable.isNull() || KubeConfigEntry.string(variable, "name", "", exec.file()).isEmpty()) {
            throw exec.error("env[" + i + "].name", "missing");
          }
        }
      }
      String mode = interactiveMode(exec, apiVersion);
      if (mode == null) {
        throw exec.error("interactiveMode", "missing; required for " + apiVersion + " (Never, IfAvailable or Always)");
      }
      if (ExecConfig.InteractiveMode.fromKubeconfigName(mode) == null) {
        throw exec.error("interactiveMode", "\"" + mode + "\" is not one of Never, IfAvailable, Always");
      }
    });
    boolean asOthers = user.string("as-uid").isPresent() || !user.strings("as-groups").isEmpty()
        || !user.stringLists("as-user-extra").isEmpty();
    if (asOthers && user.string("as").isEmpty()) {
      throw user.error("as", "missing; as-uid, as-groups and as-user-extra need a user to impersonate");
    }
  }

  private static void checkDataOrFile(KubeConfigEntry entry, String dataField, String fileField) {
    if (isSet(entry, dataField) && isSet(entry, fileField)) {
      throw entry.error(dataField, "both " + dataField + " and " + fileField + " are set; remove one (kubectl "
          + "refuses both too)");
    }
  }

  private static void checkReadable(KubeConfigEntry entry, String field, String path) {
    Path file = entry.resolve(path);
    try {
      Files.newInputStream(file).close(); // kubectl opens the file to check it
    } catch (IOException | RuntimeException e) {
      throw entry.error(field, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Whether a field is set as kubectl sees it: present, not null, not empty. */
  private static boolean isSet(KubeConfigEntry entry, String field) {
    JsonNode value = entry.body().get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isTextual()) {
      return !value.asText().isEmpty() && (!field.endsWith("-data") || entry.bytes(field).isPresent());
    }
    if (field.endsWith("-data")) {
      return entry.bytes(field).isPresent();
    }
    return true;
  }

  // ---- applied settings -----------------------------------------------------------------------

  private static Optional<ImpersonationConfig> impersonation(KubeConfigEntry user) {
    return user.string("as").map(name -> new ImpersonationConfig(name, user.string("as-uid").orElse(null),
        user.strings("as-groups"), user.stringLists("as-user-extra")));
  }

  private static void applyServerIdentity(KubeConfigEntry cluster, RestConfig.Builder builder) {
    Optional<byte[]> caData = cluster.bytes("certificate-authority-data");
    if (caData.isPresent()) {
      builder.caData(new String(caData.get(), StandardCharsets.UTF_8))
          .label("caData", cluster.label("certificate-authority-data"));
    } else {
      cluster.string("certificate-authority").ifPresent(path ->
          builder.caFile(cluster.resolve(path)).label("caFile", cluster.label("certificate-authority")));
    }
    if (cluster.bool("insecure-skip-tls-verify")) {
      builder.insecureSkipTlsVerify(true);
    }
    cluster.string("tls-server-name").ifPresent(builder::tlsServerName);
  }

  private static void applyUser(KubeConfigEntry user, RestConfig.Builder builder) {
    if (user.has("auth-provider")) {
      throw user.error("auth-provider", "auth provider plugins are not supported; use an exec credential plugin");
    }
    Optional<String> token = user.string("token");
    token.ifPresent(t -> builder.bearerToken(t).label("bearerToken", user.label("token")));
    user.string("tokenFile").ifPresent(path ->
        builder.bearerTokenFile(user.resolve(path)).label("bearerTokenFile", user.label("tokenFile")));
    if (isSet(user, "client-certificate") || isSet(user, "client-certificate-data")) {
      Optional<byte[]> certData = user.bytes("client-certificate-data");
      if (certData.isPresent()) {
        builder.clientCertData(new String(certData.get(), StandardCharsets.UTF_8))
            .label("clientCertData", user.label("client-certificate-data"));
      } else {
        builder.clientCertFile(user.resolve(user.string("client-certificate").orElseThrow()))
            .label("clientCertFile", user.label("client-certificate"));
      }
      Optional<byte[]> keyData = user.bytes("client-key-data");
      if (keyData.isPresent()) {
        builder.clientKeyData(new String(keyData.get(), StandardCharsets.UTF_8))
            .label("clientKeyData", user.label("client-key-data"));
      } else {
        builder.clientKeyFile(user.resolve(user.string("client-key").orElseThrow()))
            .label("clientKeyFile", user.label("client-key"));
      }
    }
    // a password without a user name is no basic auth, as in client-go
    user.string("username").ifPresent(name -> builder.username(name)
        .password(user.string("password").orElse(""))
        .label("username", user.label("username")));
    user.object("exec").ifPresent(exec -> builder.exec(exec(user, exec)).label("exec", user.label("exec")));
  }

  private static KubeConfigEntry execEntry(KubeConfigEntry user, JsonNode node) {
    return new KubeConfigEntry(user.file(), user.name(), user.path() + ".exec", node);
  }

  /** The interactive mode, defaulted to IfAvailable for the beta and alpha API versions as kubectl defaults it. */
  private static String interactiveMode(KubeConfigEntry exec, String apiVersion) {
    return exec.string("interactiveMode").orElse(
        apiVersion.equals(ExecConfig.V1BETA1) || apiVersion.equals("client.authentication.k8s.io/v1alpha1")
            ? ExecConfig.InteractiveMode.IF_AVAILABLE.kubeconfigName() : null);
  }

  private static ExecConfig exec(KubeConfigEntry user, JsonNode node) {
    KubeConfigEntry exec = execEntry(user, node);
    String command = exec.string("command").orElseThrow();
    if (command.indexOf('/') >= 0 || command.indexOf(java.io.File.separatorChar) >= 0) {
      command = exec.resolve(command).toString();
    }
    String apiVersion = exec.string("apiVersion").orElseThrow();
    if (!ExecConfig.V1.equals(apiVersion) && !ExecConfig.V1BETA1.equals(apiVersion)) {
      throw exec.error("apiVersion", "\"" + apiVersion + "\" is not supported; use " + ExecConfig.V1 + " or "
          + ExecConfig.V1BETA1);
    }
    ExecConfig.Builder builder = ExecConfig.builder()
        .command(command)
        .apiVersion(apiVersion)
        .args(KubeConfigEntry.strings(node.get("args")))
        .provideClusterInfo(exec.bool("provideClusterInfo"))
        .interactiveMode(ExecConfig.InteractiveMode.fromKubeconfigName(interactiveMode(exec, apiVersion)));
    exec.string("installHint").ifPresent(hint -> builder.installHint(printable(hint)));
    JsonNode env = node.get("env");
    if (env != null && env.isArray()) {
      for (JsonNode variable : env) {
        builder.env(variable.get("name").asText(), Optional.ofNullable(variable.get("value"))
            .filter(v -> !v.isNull()).map(JsonNode::asText).orElse(""));
      }
    }
    return builder.build();
  }

  /** kubectl's {@code cleanANSIEscapeCodes}: characters that could drive a terminal become {@code U+XXXX}. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      boolean control = type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
          || type == Character.SURROGATE || type == Character.UNASSIGNED;
      if (control && !(c >= 0x09 && c <= 0x0d)) {
        out.append(String.format("U+%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
