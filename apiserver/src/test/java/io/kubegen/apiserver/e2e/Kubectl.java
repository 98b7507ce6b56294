package io.kubegen.apiserver.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubegen.apiserver.EmbeddedApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl} against a server with a kubeconfig in a private temporary
 * directory ({@code HOME} and {@code KUBECACHEDIR} point there too, so the user's ~/.kube is
 * never read or written). Every call is bounded by {@code --request-timeout} and a process
 * timeout.
 */
final class Kubectl {
  static final Path BINARY = Path.of("/usr/bin/kubectl");
  private static final long PROCESS_TIMEOUT_SECONDS = 60;

  private final Path home;
  private final Path kubeconfig;

  Kubectl(EmbeddedApiServer server, Path tempDir) {
    assumeTrue(Files.isExecutable(BINARY), "kubectl not found at " + BINARY + "; skipping the kubectl acceptance tests");
    this.home = tempDir;
    this.kubeconfig = server.writeKubeconfig(tempDir.resolve("kubeconfig.yaml"));
  }

  record Result(int exit, String out, String err) {
    Result ok() {
      if (exit != 0) {
        throw new AssertionError("kubectl failed with " + exit + ": " + err + "\n" + out);
      }
      return this;
    }
  }

  Path file(String name, String content) {
    try {
      return Files.writeString(home.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ProcessBuilder command(String... args) {
    return command(kubeconfig, args);
  }

  private ProcessBuilder command(Path config, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(BINARY.toString());
    cmd.add("--kubeconfig=" + config);
    if (List.of(args).stream().noneMatch(a -> a.startsWith("--request-timeout"))) {
      cmd.add("--request-timeout=20s");
    }
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    pb.environment().remove("KUBECONFIG");
    return pb;
  }

  Result run(String... args) {
    return runWith(kubeconfig, args);
  }

  /** Runs kubectl with another kubeconfig. */
  Result runWith(Path config, String... args) {
    try {
      Process p = command(config, args).redirectOutput(home.resolve("out.txt").toFile())
          .redirectError(home.resolve("err.txt").toFile()).start();
      if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + PROCESS_TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
          Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
