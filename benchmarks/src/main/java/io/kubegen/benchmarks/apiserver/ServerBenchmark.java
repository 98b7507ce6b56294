package io.kubegen.benchmarks.apiserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the create, list and watch fan-out phases of a {@link Workload} against one server and
 * checks every answer: each create must answer 201 and a list afterwards must hold exactly the
 * objects created; each list must hold every seeded object; each watcher must see every created
 * object exactly once. What fails is counted and described in {@link ServerResults}, never just
 * left out of a rate. Every wait has a deadline.
 */
final class ServerBenchmark {
  /** How a server is watched; see {@link WatchStream}. */
  enum WatchProtocol {
    CHUNKED_HTTP("chunked HTTP"),
    WEBSOCKET("WebSocket");

    final String label;

    WatchProtocol(String label) {
      this.label = label;
    }
  }

  private static final long DELIVERY_DEADLINE_SECONDS = 60;
  private static final long READY_DEADLINE_SECONDS = 30;

  private final URI url;
  private final ServerProcess process;  // null for a server running elsewhere
  private final WatchProtocol watchProtocol;
  private final Workload work;
  private final ServerResults results;
  private final AtomicLong names = new AtomicLong();
  private long created;

  ServerBenchmark(String name, URI url, ServerProcess process, WatchProtocol watchProtocol, Workload work) {
    this.url = url;
    this.process = process;
    this.watchProtocol = watchProtocol;
    this.work = work;
    this.results = new ServerResults(name, watchProtocol.label);
  }

  /** Runs every phase; an exception in one phase is recorded and the next phase still runs. */
  ServerResults run() {
    System.out.println("== " + results.server + " at " + url);
    try {
      namespace("bench-create");
      createPhase();
    } catch (Exception e) {
      results.createErrors++;
      results.problem("create phase stopped: " + e);
    }
    try {
      listPhase();
    } catch (Exception e) {
      results.listErrors++;
      results.problem("list phase stopped: " + e);
    }
    for (int r = 0; r < work.watchRounds(); r++) {
      try {
        fanOutRound(r);
      } catch (Exception e) {
        results.watchErrors++;
        results.problem("fan-out round " + (r + 1) + " stopped: " + e);
      }
    }
    if (process != null) {
      results.serverErrorLines = process.errorLines();
    }
    return results;
  }

  private void namespace(String name) throws IOException {
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      c.send("POST", "/api/v1/namespaces", ("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8));
      int code = c.readResponse(null);
      if (code != 201 && code != 409) {
        throw new IOException("cannot create namespace " + name + ": HTTP " + code);
      }
    }
  }

  private static byte[] configMap(String name) {
    return ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\",\"labels\":{\"app\":\"bench\"}},\"data\":{\"key\":\"value\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static String path(String namespace) {
    return "/api/v1/namespaces/" + namespace + "/configmaps";
  }

  // ---- creates

  private void createPhase() throws Exception {
    createRound("warm-up", work.warmupSeconds(), false);
    for (int r = 0; r < work.createRounds(); r++) {
      createRound("round " + (r + 1), work.createSeconds(), true);
    }
    PatternCounter names = new PatternCounter("\"name\":\"c-");
    long start = System.nanoTime();
    int code = list(path("bench-create"), names);
    System.out.printf(Locale.ROOT, "  creates checked: a list of bench-create (%.1f s) holds %d of the %d created%n",
        (System.nanoTime() - start) / 1e9, names.count(), created);
    if (code != 200 || names.count() != created) {
      results.createErrors++;
      results.problem("after the creates a list of bench-create answered HTTP " + code + " with " + names.count()
          + " objects, but " + created + " creates had answered 201");
    }
    clear("bench-create", "c-", results::createError);
  }

  /**
   * Deletes every object of {@code namespace} (a DELETE on the collection) and checks that a list
   * then finds none, so each phase starts from the same, nearly empty store on every server (the
   * cost of some servers' requests grows with the number of objects stored). Not timed.
   */
  private void clear(String namespace, String prefix, java.util.function.Consumer<String> onError) throws IOException {
    long start = System.nanoTime();
    int deleteCode = request("DELETE", path(namespace), null);
    PatternCounter left = new PatternCounter("\"name\":\"" + prefix);
    int listCode = list(path(namespace), left);
    System.out.printf(Locale.ROOT, "  %s emptied in %.1f s (not timed)%n", namespace, (System.nanoTime() - start) / 1e9);
    if (deleteCode != 200 || listCode != 200 || left.count() != 0) {
      onError.accept("emptying " + namespace + ": DELETE answered HTTP " + deleteCode + ", a list then HTTP " + listCode
          + " with " + left.count() + " objects left");
    }
  }

  private void createRound(String label, int seconds, boolean measured) throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch finished = new CountDownLatch(work.threads());
    long cpuStart = process == null ? 0 : process.cpuNanos();
    long requestTicksStart = process == null ? 0 : process.requestThreadTicks();
    long start = System.nanoTime();
    for (int t = 0; t < work.threads(); t++) {
      Thread worker = new Thread(() -> {
        try (RawHttpConnection c = new RawHttpConnection(url)) {
          while (System.nanoTime() < end) {
            c.send("POST", path("bench-create"), configMap("c-" + names.incrementAndGet()));
            int code = c.readResponse(null);
            if (code == 201) {
              done.incrementAndGet();
            } else {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, "HTTP " + code);
            }
          }
        } catch (IOException e) {
          failures.incrementAndGet();
          firstFailure.compareAndSet(null, e.toString());
        } finally {
          finished.countDown();
        }
      }, "bench-create-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    boolean allStopped = finished.await(seconds + 90L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long ok = done.get();
    created += ok;
    double rate = ok / elapsed;
    double cpuMicros = process == null ? Double.NaN : (process.cpuNanos() - cpuStart) / 1e3 / Math.max(1, ok);
    double requestMicros = process == null ? Double.NaN
        : (process.requestThreadTicks() - requestTicksStart) * 1e4 / Math.max(1, ok);
    System.out.printf(Locale.ROOT, "  creates %s: %d threads, %.1f s, %d created, %d failed: %.0f creates/s;"
        + " server CPU per create %.0f us, %.0f us on request threads%n",
        label, work.threads(), elapsed, ok, failures.get(), rate, cpuMicros, requestMicros);
    if (!allStopped) {
      failures.incrementAndGet();
      firstFailure.compareAndSet(null, "client threads still waiting for answers 90 s after the round ended");
    }
    if (failures.get() > 0) {
      results.createErrors += failures.get();
      results.problem("creates " + label + ": " + failures.get() + " failed, first: " + firstFailure.get());
    }
    if (measured) {
      results.createsPerSecond.add(rate);
      if (process != null) {
        results.cpuMicrosPerCreate.add(cpuMicros);
        results.requestCpuMicrosPerCreate.add(requestMicros);
      }
    }
  }

  /** GETs {@code path} and streams the body into {@code sink}; returns the status code. */
  private int list(String path, java.io.OutputStream sink) throws IOException {
    return request("GET", path, sink);
  }

  private int request(String method, String path, java.io.OutputStream sink) throws IOException {
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      c.send(method, path, null);
      return c.readResponse(sink);
    }
  }

  // ---- lists

  private void listPhase() throws Exception {
    namespace("bench-list");
    seed("bench-list", "l-", work.listObjects());
    PatternCounter names = new PatternCounter("\"name\":\"l-");
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      for (int r = -1; r < work.lists(); r++) {  // round -1 warms up and is not timed
        names.reset();
        long start = System.nanoTime();
        c.send("GET", path("bench-list"), null);
        int code = c.readResponse(names);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 200 || names.count() != work.listObjects()) {
          results.listErrors++;
          results.problem((r < 0 ? "warm-up list" : "list round " + (r + 1)) + ": HTTP " + code + " with " + names.count() + " of "
              + work.listObjects() + " objects");
        } else if (r >= 0) {
          results.listMillis.add(seconds * 1e3);
          results.listObjectsPerSecond.add(work.listObjects() / seconds);
        }
        results.listBytes = names.bytes();
      }
    }
    Spread full = Spread.of(results.listMillis);
    System.out.printf(Locale.ROOT, "  full list: %d objects, %d bytes, %s ms (%d rounds)%n",
        work.listObjects(), results.listBytes, full.format("%.1f"), full.rounds());
    for (int r = 0; r < work.pagedLists(); r++) {
      pagedList(r);
    }
    System.out.printf(Locale.ROOT, "  paged list: %d objects in %d pages of 500, %s ms%n",
        work.listObjects(), results.pages, Spread.of(results.pagedListMillis).format("%.1f"));
    clear("bench-list", "l-", results::listError);
  }

  private void pagedList(int round) throws IOException {
    long start = System.nanoTime();
    int pages = 0;
    long objects = 0;
    String cont = null;
    int maxPages = work.listObjects() / 500 + 10;
    try (RawHttpConnection c = new RawHttpConnection(url)) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      do {
        body.reset();
        c.send("GET", path("bench-list") + "?limit=500" + (cont == null ? "" : "&continue=" + cont), null);
        int code = c.readResponse(body);
        String text = body.toString(StandardCharsets.UTF_8);
        if (code != 200) {
          results.listErrors++;
          results.problem("paged list round " + round + ": page " + pages + " answered HTTP " + code);
          return;
        }
        pages++;
        objects += count(text, "\"name\":\"l-");
        int at = text.indexOf("\"continue\":\"");
        cont = at < 0 ? null : text.substring(at + 12, text.indexOf('"', at + 12));
        if (cont != null && cont.isEmpty()) {
          cont = null;
        }
      } while (cont != null && pages < maxPages);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    results.pages = pages;
    if (objects != work.listObjects()) {
      results.listErrors++;
      results.problem("paged list round " + round + ": " + objects + " of " + work.listObjects() + " objects in "
          + pages + " pages");
    } else {
      results.pagedListMillis.add(millis);
    }
  }

  private static long count(String text, String pattern) {
    long n = 0;
    for (int at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + pattern.length())) {
      n++;
    }
    return n;
  }

  /** Creates {@code count} objects named {@code prefix + i} from several connections; not timed. */
  private void seed(String namespace, String prefix, int count) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(work.threads());
    long start = System.nanoTime();
    for (int t = 0; t < work.threads(); t++) {
      Thread seeder = new Thread(() -> {
        try (RawHttpConnection c = new RawHttpConnection(url)) {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            c.send("POST", path(namespace), configMap(prefix + i));
            int code = c.readResponse(null);
            if (code != 201) {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, "HTTP " + code);
            }
          }
        } catch (IOException e) {
          failures.incrementAndGet();
          firstFailure.compareAndSet(null, e.toString());
        } finally {
          finished.countDown();
        }
      }, "bench-seed-" + t);
      seeder.setDaemon(true);
      seeder.start();
    }
    if (!finished.await(300, TimeUnit.SECONDS)) {
      throw new IOException("seeding " + count + " objects took more than 300 s");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "  seeded %s with %d objects in %.1f s (not timed; %.0f creates/s)%n", namespace,
        count, seconds, count / seconds);
    if (failures.get() > 0) {
      results.listErrors += failures.get();
      results.problem("seeding " + namespace + ": " + failures.get() + " creates failed, first: " + firstFailure.get());
    }
  }

  // ---- watch fan-out

  private void fanOutRound(int round) throws Exception {
    String namespace = "bench-watch-" + round;
    namespace(namespace);
    int watchers = work.watchers();
    int events = work.watchEvents();
    CountDownLatch ready = new CountDownLatch(watchers);
    CountDownLatch complete = new CountDownLatch(watchers);
    List<WatchTally> tallies = new ArrayList<>();
    List<WatchStream> streams = new ArrayList<>();
    HttpClient webSockets = watchProtocol == WatchProtocol.WEBSOCKET
        ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build() : null;
    String watchPath = path(namespace) + "?watch=true";
    try (RawHttpConnection writer = new RawHttpConnection(url)) {
      for (int w = 0; w < watchers; w++) {
        WatchTally tally = new WatchTally(events, ready, complete);
        tallies.add(tally);
        streams.add(watchProtocol == WatchProtocol.WEBSOCKET ? WatchStream.webSocket(webSockets, url, watchPath, tally)
            : WatchStream.chunked(url, watchPath, tally));
      }
      int markers = awaitReady(writer, namespace, ready);
      long start = System.nanoTime();
      int writeFailures = 0;
      String firstWriteFailure = null;
      for (int i = 0; i < events; i++) {
        writer.send("POST", path(namespace), configMap("w-" + i));
        int code = writer.readResponse(null);
        if (code != 201) {
          writeFailures++;
          firstWriteFailure = firstWriteFailure == null ? "HTTP " + code : firstWriteFailure;
        }
      }
      long writesEnd = System.nanoTime();
      boolean delivered = complete.await(DELIVERY_DEADLINE_SECONDS, TimeUnit.SECONDS);
      long now = System.nanoTime();
      long last = delivered ? tallies.stream().mapToLong(WatchTally::completedAt).max().orElse(now) : now;
      last = Math.max(last, writesEnd);
      long received = 0;
      int missing = 0;
      int duplicates = 0;
      int unexpected = 0;
      int failed = 0;
      String firstStreamFailure = null;
      for (WatchTally t : tallies) {
        received += events - t.missing();
        missing += t.missing();
        duplicates += t.duplicates();
        unexpected += t.unexpected();
        if (t.failure() != null) {
          failed++;
          firstStreamFailure = firstStreamFailure == null ? t.failure() : firstStreamFailure;
        }
      }
      double seconds = (last - start) / 1e9;
      double writeSeconds = (writesEnd - start) / 1e9;
      System.out.printf(Locale.ROOT, "  watch fan-out round %d: %d watchers x %d events (%d readiness markers):"
          + " writes took %.2f s, %s after %.2f s: %.0f events/s delivered%n", round + 1, watchers, events, markers,
          writeSeconds, delivered ? "all delivered" : "INCOMPLETE", seconds, received / seconds);
      int errors = missing + duplicates + unexpected + failed + writeFailures;
      if (errors > 0 || ready.getCount() > 0) {
        results.watchErrors += errors + (int) ready.getCount();
        results.problem(String.format(Locale.ROOT, "fan-out round %d: %d watchers never ready, %d events missing,"
            + " %d duplicated, %d unexpected, %d streams failed (first: %s), %d writes failed (first: %s)",
            round + 1, ready.getCount(), missing, duplicates, unexpected, failed,
            firstStreamFailure == null ? "none" : firstStreamFailure, writeFailures,
            firstWriteFailure == null ? "none" : firstWriteFailure));
      }
      if (delivered && errors == 0) {
        results.fanOutEventsPerSecond.add(received / seconds);
        results.fanOutWritesPerSecond.add(events / writeSeconds);
      }
    } finally {
      for (WatchStream s : streams) {
        s.close();
      }
    }
    clear(namespace, "w-", results::watchError);
  }

  /**
   * Creates readiness markers ({@code ready-0}, {@code ready-1}, …, one every 100 ms) until every
   * watcher has seen one, so the timed writes start only when every watch is in place (fabric8's
   * mock drops events for a WebSocket that is accepted but not yet open). At most 30 s; returns
   * the number of markers written.
   */
  private int awaitReady(RawHttpConnection writer, String namespace, CountDownLatch ready) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_DEADLINE_SECONDS);
    int markers = 0;
    do {
      writer.send("POST", path(namespace), configMap("ready-" + markers++));
      int code = writer.readResponse(null);
      if (code != 201) {
        throw new IOException("creating a readiness marker answered HTTP " + code);
      }
    } while (!ready.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
    return markers;
  }
}
