package io.kubegen.sample.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The command line of the sample controller.
 *
 * <pre>
 * sample-controller [--embedded] [--kubeconfig[=PATH]] [--context=NAME] [--workers=N] [--demo-timeout=SECONDS]
 * </pre>
 *
 * Without {@code --kubeconfig} the controller runs the demo on an embedded API server
 * ({@code --embedded} says so explicitly). {@code --kubeconfig} alone uses kubectl's default chain
 * ({@code $KUBECONFIG}, then {@code ~/.kube/config}; in a pod, the service account).
 *
 * @param embedded run the bounded demo on the embedded API server
 * @param kubeconfig the kubeconfig file; empty for the default chain
 * @param context the kubeconfig context; empty for the current one
 * @param workers the number of worker threads
 * @param demoTimeout the longest the demo may take
 */
public record Options(boolean embedded, Optional<Path> kubeconfig, Optional<String> context, int workers,
    Duration demoTimeout) {

  /** The usage text. */
  public static final String USAGE = """
      usage: sample-controller [--embedded] [--kubeconfig[=PATH]] [--context=NAME] [--workers=N] [--demo-timeout=SECONDS]
        (no option)         run the demo on an embedded API server: seed Foos, reconcile, print a summary, exit
        --embedded          the same, explicitly
        --kubeconfig[=PATH] run against a cluster until SIGTERM; no PATH: $KUBECONFIG, ~/.kube/config or in-cluster
        --context=NAME      the kubeconfig context (default: the current context)
        --workers=N         worker threads (default 2)
        --demo-timeout=S    the longest the demo may take, in seconds (default 60)""";

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  public static Options parse(String... args) {
    boolean embedded = false;
    boolean cluster = false;
    Path kubeconfig = null;
    String context = null;
    int workers = 2;
    Duration timeout = Duration.ofSeconds(60);
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      switch (name) {
        case "--embedded" -> embedded = true;
        case "--kubeconfig" -> {
          cluster = true;
          kubeconfig = value == null || value.isBlank() ? null : Path.of(value);
        }
        case "--context" -> context = require(name, value);
        case "--workers" -> workers = positive(name, value);
        case "--demo-timeout" -> timeout = Duration.ofSeconds(positive(name, value));
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    if (embedded && cluster) {
      throw new IllegalArgumentException("--embedded and --kubeconfig exclude each other");
    }
    if (!cluster && context != null) {
      throw new IllegalArgumentException("--context needs --kubeconfig");
    }
    return new Options(!cluster, Optional.ofNullable(kubeconfig), Optional.ofNullable(context), workers, timeout);
  }

  private static String require(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
    }
    return value;
  }

  private static int positive(String name, String value) {
    String text = require(name, value);
    try {
      int n = Integer.parseInt(text);
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + text + "'");
    }
  }
}
