package io.kubegen.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets credentials from an exec credential plugin, as kubectl does: runs the command with
 * {@code KUBERNETES_EXEC_INFO} in its environment, reads an {@code ExecCredential} of the
 * configured API version from its standard output, and caches its token and/or client
 * certificate until its {@code expirationTimestamp} (forever when there is none) or until
 * {@link #refresh()}. The client certificate reaches TLS handshakes through
 * {@link ExecKeyManager}.
 *
 * <p>Thread-safe: callers are serialised on this object, so concurrent requests run the plugin
 * once. Errors name the command and may quote the end of its standard error; standard output
 * (where the token is) is never quoted, and neither are argument or environment values.
 */
final class ExecCredentialSource implements AuthorizationSource {
  private static final Logger LOG = LoggerFactory.getLogger(ExecCredentialSource.class);
  /** How long a plugin may run before it is killed. */
  static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final int MAX_OUTPUT = 1 << 20;
  private static final int MAX_STDERR_IN_MESSAGE = 1024;

  private final ExecConfig config;
  private final String label;
  private final ExecClusterInfo cluster;
  private final Clock clock;
  private boolean cached;
  private String token;
  private ClientKeyMaterial clientKey;
  private Instant expiresAt;
  private volatile Runnable onClientKeyChange = () -> {};

  ExecCredentialSource(ExecConfig config, String label, ExecClusterInfo cluster, Clock clock) {
    this.config = config;
    this.label = label;
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public synchronized Optional<String> header() {
    ensureFresh();
    return token == null ? Optional.empty() : Optional.of("Bearer " + token);
  }

  /** The client certificate and key the plugin returned, if any; runs the plugin when needed. */
  synchronized Optional<ClientKeyMaterial> clientKey() {
    ensureFresh();
    return Optional.ofNullable(clientKey);
  }

  /** Runs {@code action} (on the calling thread) whenever a run returns a different client certificate. */
  void onClientKeyChange(Runnable action) {
    this.onClientKeyChange = action;
  }

  @Override
  public synchronized void refresh() {
    cached = false;
    token = null;
    clientKey = null;
    expiresAt = null;
  }

  private void ensureFresh() {
    if (!cached || (expiresAt != null && !clock.instant().isBefore(expiresAt))) {
      run();
    }
  }

  private void run() {
    String what = label + ": plugin \"" + config.command() + "\"";
    if (config.interactiveMode() == ExecConfig.InteractiveMode.ALWAYS) {
      throw new KubeConfigException(what + " needs interactive mode (interactiveMode: Always), "
          + "but kubegen never gives a plugin a terminal");
    }
    List<String> command = new ArrayList<>();
    command.add(config.command());
    command.addAll(config.args());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.putAll(config.env());
    environment.put("KUBERNETES_EXEC_INFO", execInfo());
    LOG.debug("running exec credential plugin {}", config.command());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      String hint = config.installHint() == null ? "" : "; " + config.installHint().strip();
      // The JDK's message is 'Cannot run program "cmd": error=2, No such file or directory'; keep the reason.
      String message = String.valueOf(e.getMessage());
      String reason = message.contains("error=") ? message.substring(message.indexOf("error="))
          : e.getClass().getSimpleName();
      throw new KubeConfigException(what + " cannot be started (" + reason + ")" + hint);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> stdout = drain(process.getInputStream());
      CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new KubeConfigException(what + " did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      byte[] out = stdout.get(10, TimeUnit.SECONDS);
      byte[] err = stderr.get(10, TimeUnit.SECONDS);
      if (process.exitValue() != 0) {
        throw new KubeConfigException(what + " failed with exit code " + process.exitValue() + stderrTail(err));
      }
      accept(parse(out, what), what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new KubeConfigException(what + " was interrupted");
    } catch (ExecutionException | java.util.concurrent.TimeoutException | IOException e) {
      process.destroyForcibly();
      throw new KubeConfigException(what + ": cannot read its output (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (stream) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = stream.read(chunk)) >= 0) {
          if (buffer.size() < MAX_OUTPUT) {
            buffer.write(chunk, 0, Math.min(n, MAX_OUTPUT - buffer.size()));
          }
        }
        result.complete(buffer.toByteArray());
      } catch (IOException e) {
        result.completeExceptionally(e);
      }
    }, "kubegen-exec-plugin-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  private static String stderrTail(byte[] err) {
    String text = new String(err, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "";
    }
    if (text.length() > MAX_STDERR_IN_MESSAGE) {
      text = "..." + text.substring(text.length() - MAX_STDERR_IN_MESSAGE);
    }
    return "; its standard error ends with: " + text;
  }

  private JsonNode parse(byte[] out, String what) {
    try {
      JsonNode root = Json.mapper().readTree(out);
      if (root == null || !root.isObject()) {
        throw new KubeConfigException(what + ": its output is not an ExecCredential JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      // Jackson's message can quote the output, which holds the token: give the position only.
      throw new KubeConfigException(what + ": its output is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new KubeConfigException(what + ": cannot parse its output (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void accept(JsonNode credential, String what) {
    String kind = credential.path("kind").asText("");
    String apiVersion = credential.path("apiVersion").asText("");
    if (!"ExecCredential".equals(kind)) {
      throw new KubeConfigException(what + ": printed an object whose kind is not ExecCredential");
    }
    if (!config.apiVersion().equals(apiVersion)) {
      throw new KubeConfigException(what + ": printed apiVersion \"" + shortText(apiVersion)
          + "\", but the kubeconfig asks for " + config.apiVersion());
    }
    JsonNode status = credential.path("status");
    if (!status.isObject()) {
      throw new KubeConfigException(what + ": the ExecCredential has no status");
    }
    String newToken = status.path("token").asText("");
    String certPem = status.path("clientCertificateData").asText("");
    String keyPem = status.path("clientKeyData").asText("");
    if (newToken.isEmpty() && certPem.isEmpty() && keyPem.isEmpty()) {
      throw new KubeConfigException(what + ": the ExecCredential has no status.token and no client certificate");
    }
    String tokenProblem = newToken.isEmpty() ? null : HeaderValues.problem(newToken);
    if (tokenProblem != null) {
      throw new KubeConfigException(what + ": status.token " + tokenProblem);
    }
    if (certPem.isEmpty() != keyPem.isEmpty()) {
      throw new KubeConfigException(what + ": status.clientCertificateData and status.clientKeyData must come together");
    }
    ClientKeyMaterial newClientKey = certPem.isEmpty() ? null : ClientKeyMaterial.parse(
        new PemSource(certPem, null, what + ": status.clientCertificateData"),
        new PemSource(keyPem, null, what + ": status.clientKeyData"));
    Instant expiry = null;
    JsonNode expiration = status.get("expirationTimestamp");
    if (expiration != null && !expiration.isNull()) {
      try {
        expiry = Instant.parse(expiration.asText());
      } catch (DateTimeParseException e) {
        throw new KubeConfigException(what + ": status.expirationTimestamp is not an RFC 3339 time");
      }
    }
    token = newToken.isEmpty() ? null : newToken;
    boolean keyChanged = clientKey != null && !clientKey.equals(newClientKey);
    clientKey = newClientKey;
    if (keyChanged) {
      onClientKeyChange.run();
    }
    expiresAt = expiry;
    cached = true;
    LOG.debug("exec credential plugin {} returned {}{}", config.command(),
        token != null ? (clientKey != null ? "a token and a client certificate" : "a token") : "a client certificate",
        expiry == null ? " without expiry" : " valid until " + expiry);
  }

  /**
   * Quotes a plugin-printed API version only when it is one kubectl knows; anything else could be
   * a token printed in the wrong place, so it is not shown.
   */
  private static String shortText(String value) {
    return value.equals(ExecConfig.V1) || value.equals(ExecConfig.V1BETA1)
        || value.equals("client.authentication.k8s.io/v1alpha1") ? value : "<not shown>";
  }

  private String execInfo() {
    ObjectNode info = Json.mapper().createObjectNode();
    info.put("apiVersion", config.apiVersion());
    info.put("kind", "ExecCredential");
    ObjectNode spec = info.putObject("spec");
    spec.put("interactive", false);
    if (config.provideClusterInfo()) {
      ObjectNode c = spec.putObject("cluster");
      c.put("server", cluster.server());
      if (cluster.tlsServerName() != null) {
        c.put("tls-server-name", cluster.tlsServerName());
      }
      if (cluster.caPem() != null) {
        c.put("certificate-authority-data",
            Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.UTF_8)));
      }
      if (cluster.insecureSkipTlsVerify()) {
        c.put("insecure-skip-tls-verify", true);
      }
      if (cluster.proxy() != null) {
        c.put("proxy-url", cluster.proxy().toString());
      }
    }
    return Json.write(info);
  }

  @Override
  public String toString() { return "exec plugin " + config; }
}
