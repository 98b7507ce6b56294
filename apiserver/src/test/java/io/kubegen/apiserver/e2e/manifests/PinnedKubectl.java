package io.kubegen.apiserver.e2e.manifests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubegen.apiserver.EmbeddedApiServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One pinned kubectl release ({@code kubectl.1.32}, found beside the real file behind the
 * {@code kubectl} on the PATH, as the Cloud SDK installs its versioned binaries), run against one
 * server with a kubeconfig, {@code HOME} and discovery cache in a private directory. Every call
 * has {@code --request-timeout} and a process timeout. Tests are skipped when the binary is absent.
 */
public final class PinnedKubectl {
  static final String VERSION = "1.32";
  private static final long PROCESS_TIMEOUT_SECONDS = 90;

  private final Path binary;
  private final Path home;
  private final Path kubeconfig;
  private int calls;

  public PinnedKubectl(EmbeddedApiServer server, Path home) {
    Optional<Path> found = locate();
    assumeTrue(found.isPresent(), "kubectl." + VERSION + " not found beside the kubectl on the PATH; skipping");
    this.binary = found.get();
    this.home = home;
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.kubeconfig = server.writeKubeconfig(home.resolve("kubeconfig.yaml"));
  }

  /** {@code kubectl.<VERSION>} beside the resolved {@code kubectl} of the PATH. */
  static Optional<Path> locate() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        try {
          Path pinned = candidate.toRealPath().resolveSibling("kubectl." + VERSION);
          if (Files.isExecutable(pinned)) {
            return Optional.of(pinned);
          }
        } catch (IOException e) {
          // a dangling link: try the next PATH entry
        }
      }
    }
    return Optional.empty();
  }

  /** Exit code, standard output and standard error of one call. */
  public record Result(int exit, String out, String err) {}

  public Result run(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--kubeconfig=" + kubeconfig);
    cmd.add("--request-timeout=30s");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    pb.environment().remove("KUBECONFIG");
    int n = ++calls;
    Path out = home.resolve("out-" + n + ".txt");
    Path err = home.resolve("err-" + n + ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      p.getOutputStream().close();
      if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + PROCESS_TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
