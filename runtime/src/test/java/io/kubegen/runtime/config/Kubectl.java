package io.kubegen.runtime.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real kubectl, pinned to one version for reproducible differential tests: the plain
 * binary {@code kubectl.1.32} that sits beside the {@code kubectl} found on {@code PATH} (whose
 * dispatcher would pick a version by asking the server first). Each run gets a clean environment
 * (only {@code PATH}, a fresh {@code HOME} and what the test gives), closed standard input, and a
 * deadline.
 */
final class Kubectl {
  static final String VERSION = "1.32";
  private static final long DEADLINE_SECONDS = 60;
  private static final Optional<Path> BINARY = find();

  private Kubectl() {}

  /** What one run printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean succeeded() { return exitCode == 0; }
  }

  /** The pinned binary, if this machine has it. */
  static Optional<Path> binary() { return BINARY; }

  /** Skips the calling test, saying why, when the pinned kubectl is not installed. */
  static void assumeInstalled() {
    Assumptions.assumeTrue(BINARY.isPresent(), "kubectl." + VERSION + " was not found beside a kubectl on PATH; "
        + "the kubectl side of this differential test is skipped (install kubectl " + VERSION
        + " as kubectl." + VERSION + " next to kubectl to run it)");
  }

  private static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path kubectl = Path.of(dir, "kubectl");
      if (Files.isExecutable(kubectl)) {
        try {
          Path pinned = kubectl.toRealPath().resolveSibling("kubectl." + VERSION);
          return Files.isExecutable(pinned) ? Optional.of(pinned) : Optional.empty();
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code kubectl args...} with {@code env} added to a clean environment.
   *
   * @param home the {@code HOME} directory of the run
   */
  static Result run(Path home, Map<String, String> env, List<String> args) {
    assumeInstalled();
    List<String> command = new ArrayList<>();
    command.add(BINARY.get().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", home.toString());
    environment.putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Path out = Files.createTempFile(home, "kubectl", ".out");
      Path err = Files.createTempFile(home, "kubectl", ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl did not finish within " + DEADLINE_SECONDS + " s: " + args);
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while kubectl ran", e);
    }
  }

  /** {@code kubectl --kubeconfig file args...}. */
  static Result withKubeconfig(Path home, Path kubeconfig, Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
    all.addAll(List.of(args));
    return run(home, env, all);
  }

  /** The environment variables of a run that reads {@code KUBECONFIG}. */
  static Map<String, String> kubeconfigEnv(String list) {
    Map<String, String> env = new HashMap<>();
    env.put("KUBECONFIG", list);
    return env;
  }
}
