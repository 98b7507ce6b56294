package io.kubegen.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link RestConfig} of a pod from its service account, as client-go's
 * {@code rest.InClusterConfig} does: a {@code ca.crt} that is missing or holds no PEM certificate
 * is logged as an error and the JDK's trust store is used instead. Stateless and thread-safe.
 */
final class InClusterConfig {
  private static final Logger LOG = LoggerFactory.getLogger(InClusterConfig.class);
  static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private InClusterConfig() {}

  static RestConfig load(Path serviceAccountDir, Map<String, String> env) {
    String host = env.getOrDefault("KUBERNETES_SERVICE_HOST", "");
    String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "");
    if (host.isEmpty() || port.isEmpty()) {
      throw new KubeConfigException("not running in a cluster: KUBERNETES_SERVICE_HOST and "
          + "KUBERNETES_SERVICE_PORT must both be set");
    }
    if (!port.chars().allMatch(Character::isDigit)) {
      throw new KubeConfigException("KUBERNETES_SERVICE_PORT: not a port number: " + port);
    }
    String authority = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    Path tokenFile = serviceAccountDir.resolve("token");
    Path caFile = serviceAccountDir.resolve("ca.crt");
    RestConfig.Builder builder = RestConfig.builder()
        .server("https://" + authority + ":" + port)
        .label("server", "KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT")
        .bearerTokenFile(tokenFile)
        .label("bearerTokenFile", "in-cluster service account");
    String caProblem = caProblem(caFile);
    if (caProblem == null) {
      builder.caFile(caFile).label("caFile", "in-cluster service account");
    } else {
      // client-go logs this and goes on with the system's trust store
      LOG.error("expected to load the service account CA from {}, but {}; trusting the JDK's default CAs",
          caFile, caProblem);
    }
    builder.namespace(namespace(serviceAccountDir.resolve("namespace"), env));
    return builder.build();
  }

  /** Why {@code caFile} is no usable CA bundle, or null when it is one. */
  private static String caProblem(Path caFile) {
    String pem;
    try {
      pem = Files.readString(caFile, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "it cannot be read (" + e.getClass().getSimpleName() + ")";
    }
    try {
      Pem.certificates(pem, caFile.toString());
      return null;
    } catch (KubeConfigException e) {
      return "it holds no valid PEM certificate";
    }
  }

  private static String namespace(Path file, Map<String, String> env) {
    String fromEnv = env.getOrDefault("POD_NAMESPACE", "");
    if (!fromEnv.isEmpty()) {
      return fromEnv;
    }
    try {
      String fromFile = Files.readString(file, StandardCharsets.UTF_8).strip();
      return fromFile.isEmpty() ? RestConfig.DEFAULT_NAMESPACE : fromFile;
    } catch (IOException e) {
      return RestConfig.DEFAULT_NAMESPACE;
    }
  }
}
