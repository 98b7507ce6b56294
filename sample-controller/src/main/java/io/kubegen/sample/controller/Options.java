package io.kubegen.sample.controller;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the sample controller.
 *
 * <pre>
 * sample-controller [--embedded] [--kubeconfig[=PATH]] [--context=NAME] [--workers=N] [--demo-timeout=SECONDS]
 *                   [--leader-elect [--leader-elect-resource-name=NAME] [--leader-elect-resource-namespace=NS]
 *                    [--leader-elect-identity=ID] [--leader-elect-lease-duration=D] [--leader-elect-renew-deadline=D]
 *                    [--leader-elect-retry-period=D]] [--health-address=[HOST]:PORT]
 * </pre>
 *
 * Without {@code --kubeconfig} the controller runs the demo on an embedded API server
 * ({@code --embedded} says so explicitly). {@code --kubeconfig} alone uses kubectl's default chain
 * ({@code $KUBECONFIG}, then {@code ~/.kube/config}; in a pod, the service account). The leader
 * election and health options need {@code --kubeconfig}; their names are kube-controller-manager's.
 *
 * @param embedded run the bounded demo on the embedded API server
 * @param kubeconfig the kubeconfig file; empty for the default chain
 * @param context the kubeconfig context; empty for the current one
 * @param workers the number of worker threads
 * @param demoTimeout the longest the demo may take
 * @param leaderElection how to take part in leader election; empty to run without
 * @param healthAddress where to serve {@code /healthz}, {@code /livez} and {@code /readyz}; empty for nowhere
 */
public record Options(boolean embedded, Optional<Path> kubeconfig, Optional<String> context, int workers,
    Duration demoTimeout, Optional<LeaderElection> leaderElection, Optional<InetSocketAddress> healthAddress) {

  /** The usage text. */
  public static final String USAGE = """
      usage: sample-controller [--embedded] [--kubeconfig[=PATH]] [--context=NAME] [--workers=N] [--demo-timeout=SECONDS]
                               [--leader-elect ...] [--health-address=[HOST]:PORT]
        (no option)         run the demo on an embedded API server: seed Foos, reconcile, print a summary, exit
        --embedded          the same, explicitly
        --kubeconfig[=PATH] run against a cluster until SIGTERM; no PATH: $KUBECONFIG, ~/.kube/config or in-cluster
        --context=NAME      the kubeconfig context (default: the current context)
        --workers=N         worker threads (default 2)
        --demo-timeout=S    the longest the demo may take, in seconds (default 60)
        --leader-elect      run as one of several replicas: only the holder of a coordination.k8s.io/v1 Lease
                            reconciles; the others keep warm caches and take over when it goes away
        --leader-elect-resource-name=NAME       the Lease (default sample-controller)
        --leader-elect-resource-namespace=NS    its namespace (default default)
        --leader-elect-identity=ID              this replica's identity (default hostname_uuid)
        --leader-elect-lease-duration=D         default 15s (durations: 500ms, 15s, 2m)
        --leader-elect-renew-deadline=D         default 10s
        --leader-elect-retry-period=D           default 2s
        --health-address=[HOST]:PORT            serve /healthz, /livez, /readyz there (port 0: any free port)""";

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  /**
   * How the controller takes part in leader election.
   *
   * @param leaseName the Lease's name
   * @param leaseNamespace the Lease's namespace
   * @param identity this replica's identity, unique among the replicas
   * @param leaseDuration see {@code LeaderElectionConfig.leaseDuration}
   * @param renewDeadline see {@code LeaderElectionConfig.renewDeadline}
   * @param retryPeriod see {@code LeaderElectionConfig.retryPeriod}
   */
  public record LeaderElection(String leaseName, String leaseNamespace, String identity, Duration leaseDuration,
      Duration renewDeadline, Duration retryPeriod) {}

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
    boolean leaderElect = false;
    boolean leaderOptions = false;
    String leaseName = FooController.NAME;
    String leaseNamespace = "default";
    String identity = null;
    Duration leaseDuration = Duration.ofSeconds(15);
    Duration renewDeadline = Duration.ofSeconds(10);
    Duration retryPeriod = Duration.ofSeconds(2);
    InetSocketAddress health = null;
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      if (name.startsWith("--leader-elect-")) {
        leaderOptions = true;
      }
      switch (name) {
        case "--embedded" -> embedded = true;
        case "--kubeconfig" -> {
          cluster = true;
          kubeconfig = value == null || value.isBlank() ? null : Path.of(value);
        }
        case "--context" -> context = require(name, value);
        case "--workers" -> workers = positive(name, value);
        case "--demo-timeout" -> timeout = Duration.ofSeconds(positive(name, value));
        case "--leader-elect" -> leaderElect = value == null || Boolean.parseBoolean(value);
        case "--leader-elect-resource-name" -> leaseName = require(name, value);
        case "--leader-elect-resource-namespace" -> leaseNamespace = require(name, value);
        case "--leader-elect-identity" -> identity = require(name, value);
        case "--leader-elect-lease-duration" -> leaseDuration = duration(name, value);
        case "--leader-elect-renew-deadline" -> renewDeadline = duration(name, value);
        case "--leader-elect-retry-period" -> retryPeriod = duration(name, value);
        case "--health-address" -> health = address(name, value);
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    if (embedded && cluster) {
      throw new IllegalArgumentException("--embedded and --kubeconfig exclude each other");
    }
    if (!cluster && context != null) {
      throw new IllegalArgumentException("--context needs --kubeconfig");
    }
    if (!cluster && (leaderElect || health != null)) {
      throw new IllegalArgumentException("--leader-elect and --health-address need --kubeconfig");
    }
    if (leaderOptions && !leaderElect) {
      throw new IllegalArgumentException("the --leader-elect-... options need --leader-elect");
    }
    Optional<LeaderElection> election = !leaderElect ? Optional.empty() : Optional.of(new LeaderElection(
        leaseName, leaseNamespace, identity != null ? identity : defaultIdentity(), leaseDuration, renewDeadline,
        retryPeriod));
    return new Options(!cluster, Optional.ofNullable(kubeconfig), Optional.ofNullable(context), workers, timeout,
        election, Optional.ofNullable(health));
  }

  /** {@code hostname_uuid}, as client-go's controllers name their candidates. */
  static String defaultIdentity() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return host + "_" + UUID.randomUUID();
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

  private static Duration duration(String name, String value) {
    Matcher m = DURATION.matcher(require(name, value));
    if (!m.matches()) {
      throw new IllegalArgumentException(name + " must be a duration such as 500ms, 15s or 2m, got '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static InetSocketAddress address(String name, String value) {
    String text = require(name, value);
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(name + " must be [HOST]:PORT, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must end in a port number, got '" + text + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " port must be 0..65535, got " + port);
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
