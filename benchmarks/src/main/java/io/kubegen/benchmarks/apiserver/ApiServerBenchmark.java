package io.kubegen.benchmarks.apiserver;

import io.kubegen.apiserver.storage.LocalEtcd;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the embedded API server on loopback: small-object creates per second with several
 * client threads, full lists of 10,000 objects, and watch fan-out of one stream of changes to 50
 * watchers. The server runs as its own process, started from the standalone jar, so its CPU
 * time is measured apart from the clients'; the clients speak raw HTTP/1.1 over keep-alive
 * sockets so the figures are the server's, not a client library's. Bounded: every phase stops
 * after its count or its time limit, whichever comes first, and the server is stopped at the end.
 *
 * <p>Run: see {@code docs/benchmarks.md}. Arguments (all optional): {@code
 * jar=apiserver/target/kubegen-apiserver.jar} (or {@code url=http://...} to measure a server that
 * is already running) {@code threads=8 seconds=20 listObjects=10000 lists=20
 * watchers=50 watchEvents=5000}; {@code etcd=local} runs the server over a throw-away etcd
 * ({@link LocalEtcd}, Debian's etcd-server), {@code etcd=http://host:port} over a running one.
 */
public final class ApiServerBenchmark {
  private ApiServerBenchmark() {}

  /** Runs all phases and prints one line per figure. */
  public static void main(String[] args) throws Exception {
    int threads = intArg(args, "threads", 8);
    int seconds = intArg(args, "seconds", 20);
    int listObjects = intArg(args, "listObjects", 10_000);
    int lists = intArg(args, "lists", 20);
    int watchers = intArg(args, "watchers", 50);
    int watchEvents = intArg(args, "watchEvents", 5_000);
    System.out.printf(Locale.ROOT, "kubegen API server benchmark: %d cores, java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    String existing = stringArg(args, "url", null);
    if (existing != null) {
      run(URI.create(existing), threads, seconds, listObjects, lists, watchers, watchEvents);
      return;
    }
    Path jar = Path.of(stringArg(args, "jar", "apiserver/target/kubegen-apiserver.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
          + "; build it with: mvn -B -pl apiserver -am package -DskipTests");
    }
    String etcdArg = stringArg(args, "etcd", null);
    LocalEtcd localEtcd = "local".equals(etcdArg) ? LocalEtcd.start() : null;
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("java", "-jar", jar.toString(), "--port", "0"));
    if (etcdArg != null) {
      String endpoint = localEtcd != null ? localEtcd.endpoint().toString() : etcdArg;
      command.addAll(java.util.List.of("--etcd", endpoint, "--etcd-prefix", "/bench-" + System.currentTimeMillis()));
      System.out.println("storage: etcd at " + endpoint + (localEtcd != null ? " (started for this run)" : ""));
    }
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      URI url = awaitUrl(server);
      serverProcess = server.toHandle();
      run(url, threads, seconds, listObjects, lists, watchers, watchEvents);
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      if (localEtcd != null) {
        localEtcd.close();
      }
    }
  }

  private static void run(URI url, int threads, int seconds, int listObjects, int lists, int watchers, int watchEvents)
      throws Exception {
    {
      namespace(url, "bench-create");
      namespace(url, "bench-list");
      namespace(url, "bench-watch");
      creates(url, threads, 10);  // warm-up: the JIT compiles the hot paths, the heap settles
      creates(url, threads, seconds);
      lists(url, listObjects, lists);
      fanOut(url, watchers, watchEvents);
    }
  }

  private static ProcessHandle serverProcess;

  /** Reads the server's output until it says where it listens (at most 30 s). */
  private static URI awaitUrl(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    java.util.concurrent.CompletableFuture<URI> url = new java.util.concurrent.CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          int at = line.indexOf("listening on ");
          if (at >= 0) {
            url.complete(URI.create(line.substring(at + "listening on ".length()).trim()));
          }
        }
        url.completeExceptionally(new IllegalStateException("the server exited before it listened"));
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    return url.get(30, TimeUnit.SECONDS);
  }

  /** CPU time the server process has used so far (0 when it runs elsewhere). */
  private static long serverCpuNanos() {
    if (serverProcess == null) {
      return 0;
    }
    return serverProcess.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /**
   * CPU ticks (1/100 s) the server's request threads (Undertow's IO and worker threads, named
   * {@code XNIO-*}) have used, read from {@code /proc}; 0 off Linux or for a server elsewhere.
   */
  private static long serverRequestThreadTicks() {
    if (serverProcess == null) {
      return 0;
    }
    Path tasks = Path.of("/proc", Long.toString(serverProcess.pid()), "task");
    long ticks = 0;
    try (var threads = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) threads::iterator) {
        try {
          if (!Files.readString(t.resolve("comm")).startsWith("XNIO")) {
            continue;
          }
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
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
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return Integer.parseInt(a.substring(name.length() + 1));
      }
    }
    return def;
  }

  private static void namespace(URI url, String name) throws IOException {
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      c.send("POST", "/api/v1/namespaces", ("{\"metadata\":{\"name\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8));
      int code = c.readResponse(null);
      if (code != 201 && code != 409) {
        throw new IllegalStateException("cannot create namespace " + name + ": HTTP " + code);
      }
    }
  }

  private static byte[] configMap(String name) {
    return ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\",\"labels\":{\"app\":\"bench\"}},\"data\":{\"key\":\"value\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static final AtomicLong NAMES = new AtomicLong();

  /** Creates from {@code threads} connections for {@code seconds}; prints creates per second. */
  private static void creates(URI url, int threads, int seconds) throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch finished = new CountDownLatch(threads);
    long cpuStart = serverCpuNanos();
    long requestCpuStart = serverRequestThreadTicks();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try (RawHttpConnection c = new RawHttpConnection(url)) {
          while (System.nanoTime() < end) {
            c.send("POST", "/api/v1/namespaces/bench-create/configmaps", configMap("c-" + NAMES.incrementAndGet()));
            if (c.readResponse(null) == 201) {
              done.incrementAndGet();
            } else {
              failures.incrementAndGet();
            }
          }
        } catch (IOException e) {
          failures.incrementAndGet();
        } finally {
          finished.countDown();
        }
      }, "bench-create-" + t);
      worker.start();
    }
    finished.await(seconds + 30L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (serverCpuNanos() - cpuStart) / 1e3 / Math.max(1, done.get());
    double requestMicros = (serverRequestThreadTicks() - requestCpuStart) * 1e4 / Math.max(1, done.get());
    System.out.printf(Locale.ROOT, "creates: %d threads, %.1f s, %d created, %d failed: %.0f creates/s;"
        + " server CPU per create: %.0f us in all, %.0f us on request threads (the rest is JIT and GC)%n",
        threads, elapsed, done.get(), failures.get(), done.get() / elapsed, cpuMicros, requestMicros);
  }

  /** Lists {@code objects} objects {@code rounds} times; prints milliseconds per list. */
  private static void lists(URI url, int objects, int rounds) throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      for (int i = 0; i < objects; i++) {
        c.send("POST", "/api/v1/namespaces/bench-list/configmaps", configMap("l-" + i));
        if (c.readResponse(null) != 201) {
          throw new IllegalStateException("seeding the list failed at " + i);
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      c.send("GET", "/api/v1/namespaces/bench-list/configmaps", null);
      c.readResponse(body);
      int size = body.size();
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        c.send("GET", "/api/v1/namespaces/bench-list/configmaps", null);
        c.readResponse(null);
      }
      double perList = (System.nanoTime() - start) / 1e6 / rounds;
      System.out.printf(Locale.ROOT, "list: %d objects, %d bytes, %.1f ms per full list (%d rounds)%n",
          objects, size, perList, rounds);
      start = System.nanoTime();
      int pages = 0;
      String cont = null;
      do {
        body.reset();
        c.send("GET", "/api/v1/namespaces/bench-list/configmaps?limit=500" + (cont == null ? "" : "&continue=" + cont), null);
        c.readResponse(body);
        pages++;
        String text = body.toString(StandardCharsets.UTF_8);
        int at = text.indexOf("\"continue\":\"");
        cont = at < 0 ? null : text.substring(at + 12, text.indexOf('"', at + 12));
      } while (cont != null);
      System.out.printf(Locale.ROOT, "list: %d objects in %d pages of 500: %.1f ms%n", objects, pages,
          (System.nanoTime() - start) / 1e6);
    }
  }

  /** Opens {@code watchers} watches, creates {@code events} objects, prints when every watcher saw every event. */
  private static void fanOut(URI url, int watchers, int events) throws Exception {
    List<RawHttpConnection> streams = new ArrayList<>();
    CountDownLatch allSeen = new CountDownLatch(watchers);
    AtomicLong received = new AtomicLong();
    String rv;
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      c.send("GET", "/api/v1/namespaces/bench-watch/configmaps?limit=1", null);
      c.readResponse(body);
      String text = body.toString(StandardCharsets.UTF_8);
      int at = text.indexOf("\"resourceVersion\":\"") + 19;
      rv = text.substring(at, text.indexOf('"', at));
    }
    for (int w = 0; w < watchers; w++) {
      RawHttpConnection s = new RawHttpConnection(url);
      streams.add(s);
      s.send("GET", "/api/v1/namespaces/bench-watch/configmaps?watch=true&resourceVersion=" + rv, null);
      Thread reader = new Thread(() -> {
        int seen = 0;
        try {
          if (s.readStreamHead() != 200) {
            return;
          }
          for (String line = s.nextChunkLine(); line != null; line = s.nextChunkLine()) {
            if (line.startsWith("{\"type\":\"ADDED\"")) {
              received.incrementAndGet();
              if (++seen == events) {
                allSeen.countDown();
                return;
              }
            }
          }
        } catch (IOException e) {
          // closed at the end of the benchmark
        }
      }, "bench-watcher-" + w);
      reader.setDaemon(true);
      reader.start();
    }
    long start = System.nanoTime();
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      for (int i = 0; i < events; i++) {
        c.send("POST", "/api/v1/namespaces/bench-watch/configmaps", configMap("w-" + i));
        c.readResponse(null);
      }
    }
    double writeSeconds = (System.nanoTime() - start) / 1e9;
    boolean complete = allSeen.await(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "watch fan-out: %d watchers x %d events: writes took %.2f s, all delivered after %.2f s%s:"
        + " %.0f events/s delivered%n", watchers, events, writeSeconds, seconds, complete ? "" : " (INCOMPLETE)",
        received.get() / seconds);
    for (RawHttpConnection s : streams) {
      s.close();
    }
  }
}
