package io.kubegen.benchmarks.apiserver;

import io.kubegen.apiserver.storage.LocalEtcd;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures kubegen's embedded API server on loopback and, in the same run with the same client
 * code and workload, fabric8's mock API server in CRUD mode as a reference: small-object creates
 * per second from several client threads, full (and paged) lists of 10,000 objects, and watch
 * fan-out of one stream of creates to 50 watchers. Each server runs as its own JVM (kubegen's
 * from its standalone jar, fabric8's through {@link Fabric8MockServerMain}), so its CPU time is
 * measured apart from the clients'; the clients speak raw HTTP/1.1 over keep-alive sockets
 * ({@link RawHttpConnection}) so the figures are the servers', not a client library's. Watches
 * differ only where the protocols do: chunked HTTP for kubegen, WebSocket for fabric8's mock
 * (see {@link WatchStream}). Every result is checked ({@link ServerBenchmark}); errors are counted
 * in the table, not hidden in a rate. Bounded: every phase stops after its count or its time
 * limit, and the servers are stopped at the end (or killed when the harness exits).
 *
 * <p>Run: see {@code docs/benchmarks.md}. Arguments (all optional): {@code servers=kubegen,fabric8}
 * {@code jar=apiserver/target/kubegen-apiserver.jar} (or {@code url=http://...} to measure a
 * kubegen server that is already running) {@code threads=8 warmup=5 seconds=4 createRounds=5
 * listObjects=10000 lists=10 pagedLists=3 watchers=50 watchEvents=500 watchRounds=3}; {@code
 * etcd=local} runs kubegen's server over a throw-away etcd ({@link LocalEtcd}, Debian's
 * etcd-server), {@code etcd=http://host:port} over a running one.
 */
public final class ApiServerBenchmark {
  private ApiServerBenchmark() {}

  /** Runs every phase against each server in turn, then prints the side-by-side table. */
  public static void main(String[] args) throws Exception {
    Workload work = new Workload(intArg(args, "threads", 8), intArg(args, "warmup", 5), intArg(args, "seconds", 4),
        intArg(args, "createRounds", 5), intArg(args, "listObjects", 10_000), intArg(args, "lists", 10),
        intArg(args, "pagedLists", 3), intArg(args, "watchers", 50), intArg(args, "watchEvents", 500),
        intArg(args, "watchRounds", 3));
    List<String> servers = List.of(stringArg(args, "servers", "kubegen,fabric8").split(","));
    String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    System.out.printf(Locale.ROOT, "API server benchmark, %s: %d cores, java %s, load average at start %s%n", started,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    System.out.println(work);
    List<ServerResults> results = new ArrayList<>();
    for (String server : servers) {
      switch (server.trim()) {
        case "kubegen" -> results.add(kubegen(args, work));
        case "fabric8" -> results.add(fabric8(work));
        default -> throw new IllegalArgumentException("unknown server " + server + "; known: kubegen, fabric8");
      }
    }
    System.out.printf(Locale.ROOT, "%nload average at the end %s%n%n", loadAverage());
    ResultTable.print(work, results, System.out);
  }

  private static ServerResults kubegen(String[] args, Workload work) throws Exception {
    String existing = stringArg(args, "url", null);
    if (existing != null) {
      return new ServerBenchmark("kubegen", URI.create(existing), null, ServerBenchmark.WatchProtocol.CHUNKED_HTTP,
          work).run();
    }
    Path jar = Path.of(stringArg(args, "jar", "apiserver/target/kubegen-apiserver.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
          + "; build it with: mvn -B -pl apiserver -am package -DskipTests");
    }
    String etcdArg = stringArg(args, "etcd", null);
    LocalEtcd localEtcd = "local".equals(etcdArg) ? LocalEtcd.start() : null;
    List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-jar", jar.toString(), "--port", "0"));
    String name = "kubegen";
    if (etcdArg != null) {
      String endpoint = localEtcd != null ? localEtcd.endpoint().toString() : etcdArg;
      command.addAll(List.of("--etcd", endpoint, "--etcd-prefix", "/bench-" + System.currentTimeMillis()));
      System.out.println("storage: etcd at " + endpoint + (localEtcd != null ? " (started for this run)" : ""));
      name = "kubegen over etcd";
    }
    try (ServerProcess server = ServerProcess.start(command, "XNIO")) {
      return new ServerBenchmark(name, server.url(), server, ServerBenchmark.WatchProtocol.CHUNKED_HTTP, work).run();
    } finally {
      if (localEtcd != null) {
        localEtcd.close();
      }
    }
  }

  private static ServerResults fabric8(Workload work) throws Exception {
    // Vert.x names its event-loop threads vert.x-eventloop-thread-N; Linux keeps 15 characters
    try (ServerProcess server = ServerProcess.start(ServerProcess.javaCommand(Fabric8MockServerMain.class.getName()),
        "vert.x-eventloo")) {
      return new ServerBenchmark("fabric8 mock (CRUD)", server.url(), server, ServerBenchmark.WatchProtocol.WEBSOCKET,
          work).run();
    }
  }

  /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them (empty off Linux). */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** The value of {@code name=value} among the arguments, or {@code def}. */
  private static String stringArg(String[] args, String name, String def) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return def;
  }

  private static int intArg(String[] args, String name, int def) {
    String value = stringArg(args, name, null);
    return value == null ? def : Integer.parseInt(value);
  }
}
