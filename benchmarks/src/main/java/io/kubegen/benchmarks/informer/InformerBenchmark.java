package io.kubegen.benchmarks.informer;

import com.fasterxml.jackson.databind.JavaType;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.kubegen.runtime.cache.ListMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Side-by-side informer benchmark against one embedded API server: kubegen's runtime, fabric8
 * 7.x and the official client-java, plus raw Jackson decoding of the same list as the floor.
 * Measures time to initial sync of N small ConfigMaps, heap retained per cached object, and
 * watch throughput (events per second from the first server write until every handler has seen
 * every update) with 1 and 4 handlers.
 *
 * <p>Run: {@code java -cp ... io.kubegen.benchmarks.informer.InformerBenchmark [objects] [updates]}
 * (see docs/benchmarks.md for the Maven command). Prints two Markdown tables: the figures of
 * docs/benchmarks.md (best of rounds 1 and 2; heap: mean of the runs that started clean, see
 * {@link HeapGate}) and every measured run.
 */
public final class InformerBenchmark {
  private static final String NS = "default";
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");

  private InformerBenchmark() {}

  /**
   * Entry point: {@code [objects=100000] [updates=5000] [clients=kubegen,fabric8,client-java]}; the
   * clients {@code kubegen-cached} and {@code kubegen-watchlist} are kubegen's informer in the
   * {@link ListMode#CACHED} and {@link ListMode#WATCH_LIST} list modes ({@code kubegen} is the default mode).
   */
  public static void main(String[] args) throws Exception {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int updates = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    List<String> clients = List.of((args.length > 2 ? args[2] : "kubegen,fabric8,client-java").split(","));
    try (EmbeddedApiServer server = EmbeddedApiServer.builder().watchHistory(objects + 8 * updates + 100)
        .workerThreads(16).start();
        RestClient writer = RestClient.create(server.restConfig())) {
      String url = server.url().toString();
      ResourceClient<BenchConfigMap> configMaps = new ResourceClient<>(writer, CONFIGMAPS, BenchConfigMap.class, NS);
      long seedStart = System.nanoTime();
      // seeded straight into storage (the HTTP create path is not what is measured here)
      for (int i = 0; i < objects; i++) {
        server.storage().create("configmaps", NS, "cm-" + i, Json.mapper().valueToTree(configMap(i)));
      }
      double seedSeconds = seconds(System.nanoTime() - seedStart);
      System.out.printf(Locale.ROOT, "seeded %d ConfigMaps in %.1f s%n", objects, seedSeconds);

      timeUpdates(configMaps, objects, updates, "warmup");

      Map<String, List<Run>> runs = new LinkedHashMap<>();
      double jacksonSeconds = Double.MAX_VALUE;
      HeapGate heap = new HeapGate();
      for (int round = 0; round < 3; round++) {
        // round 0 warms up the JIT of every client and of the server; rounds 1 and 2 are measured,
        // in opposite client orders, and the better figure of the two is reported
        List<String> order = new ArrayList<>(clients);
        if (round == 2) {
          java.util.Collections.reverse(order);
        }
        for (String name : order) {
          Function<String, InformerClient> make = switch (name) {
            case "kubegen" -> u -> new KubegenInformerClient(u, ListMode.CONSISTENT_PAGED);
            case "kubegen-cached" -> u -> new KubegenInformerClient(u, ListMode.CACHED);
            case "kubegen-watchlist" -> u -> new KubegenInformerClient(u, ListMode.WATCH_LIST);
            case "fabric8" -> Fabric8InformerClient::new;
            case "client-java" -> ClientJavaInformerClient::new;
            default -> throw new IllegalArgumentException("unknown client " + name);
          };
          int count = round == 0 ? Math.max(1, updates / 10) : updates;
          for (int handlers : new int[] {1, 4}) {
            InformerClient client = make.apply(url);
            Run run = measure(client, configMaps, objects, count, handlers, round, heap);
            if (round > 0) {
              runs.computeIfAbsent(client.name(), k -> new ArrayList<>()).add(run);
            }
          }
        }
        if (round > 0) {
          jacksonSeconds = Math.min(jacksonSeconds, jacksonFloor(url, objects));
        }
      }
      double writeOnlyRate = updates / timeUpdates(configMaps, objects, updates, "ceiling");
      printSummary(objects, jacksonSeconds, runs);
      printRounds(runs);
      System.out.printf(Locale.ROOT, "%nserver write rate alone (ceiling for the watch columns): %,.0f updates/s%n", writeOnlyRate);
    }
  }

  /**
   * The table of docs/benchmarks.md: initial sync, the best of the 1-handler runs of rounds 1 and
   * 2; heap, the mean of the 1-handler runs of rounds 1 and 2 that started clean; watch, the best
   * of rounds 1 and 2 for each number of handlers.
   */
  private static void printSummary(int objects, double jacksonSeconds, Map<String, List<Run>> runs) {
    System.out.println();
    System.out.println("Best of rounds 1 and 2 (sync: 1-handler runs; heap: mean of the clean 1-handler runs):");
    System.out.println();
    System.out.printf(Locale.ROOT, "| client | initial sync of %,d objects | heap per cached object | watch events/s, 1 handler | watch events/s, 4 handlers |%n", objects);
    System.out.println("|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| raw Jackson decode (floor) | %.2f s | – | – | – |%n", jacksonSeconds);
    for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
      List<Run> all = e.getValue();
      double sync = all.stream().filter(r -> r.handlers() == 1).mapToDouble(Run::syncSeconds).min().orElse(Double.NaN);
      List<Long> heaps = all.stream().filter(r -> r.handlers() == 1 && r.heapPerObject() != null)
          .map(Run::heapPerObject).collect(Collectors.toList());
      long oneHandlerRuns = all.stream().filter(r -> r.handlers() == 1).count();
      String heap = heaps.isEmpty() ? "– (no clean run)"
          : String.format(Locale.ROOT, "%,d B", Math.round(heaps.stream().mapToLong(Long::longValue).average().orElseThrow()))
              + (heaps.size() < oneHandlerRuns ? String.format(Locale.ROOT, " (%d of %d runs)", heaps.size(), oneHandlerRuns) : "");
      System.out.printf(Locale.ROOT, "| %s | %.2f s | %s | %,.0f | %,.0f |%n", e.getKey(), sync, heap,
          bestWatch(all, 1), bestWatch(all, 4));
    }
  }

  /** Every measured run, so that the spread between rounds is visible beside the best figures. */
  private static void printRounds(Map<String, List<Run>> runs) {
    System.out.println();
    System.out.println("Per round:");
    System.out.println();
    System.out.println("| client | round | handlers | initial sync | heap per cached object | watch events/s |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
      List<Run> sorted = new ArrayList<>(e.getValue());
      sorted.sort(java.util.Comparator.comparingInt(Run::round).thenComparingInt(Run::handlers));
      for (Run r : sorted) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f s | %s | %,.0f |%n", e.getKey(), r.round(), r.handlers(),
            r.syncSeconds(), r.heapPerObject() == null ? "– (" + r.heapNote() + ")" : String.format(Locale.ROOT, "%,d B", r.heapPerObject()),
            r.watchRate());
      }
    }
  }

  private static double bestWatch(List<Run> runs, int handlers) {
    return runs.stream().filter(r -> r.handlers() == handlers).mapToDouble(Run::watchRate).max().orElse(Double.NaN);
  }

  /**
   * One measured run.
   *
   * @param heapPerObject null when the figure is not meaningful ({@code heapNote} says why)
   */
  record Run(int round, int handlers, double syncSeconds, Long heapPerObject, String heapNote, double watchRate) {}

  /**
   * Keeps heap figures honest: a run's baseline counts only if the previous client's cache was
   * collected first. After each run it forces collections until the closed client's cache (its
   * indexer, held through a weak reference) is gone, for at most {@link #DEADLINE}; if it is not,
   * the next run's heap figure is dropped instead of reported (a client that keeps its cache
   * reachable for a while after {@code close()} would otherwise make the next client look smaller
   * than it is, even negative).
   */
  static final class HeapGate {
    static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(60);
    private String dirtyBecause;

    /** Why a baseline taken now would not be clean, or null when it would be. */
    String dirtyBecause() {
      return dirtyBecause;
    }

    /** Waits, forcing collections, until {@code cache} (the closed client's) was collected. */
    void awaitCollected(String client, java.lang.ref.WeakReference<Object> cache) throws InterruptedException {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      System.gc();
      while (cache.get() != null && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        System.gc();
      }
      if (cache.get() != null) {
        dirtyBecause = String.format(Locale.ROOT, "%s's cache still reachable %d s after close()", client,
            DEADLINE.toSeconds());
        System.out.printf(Locale.ROOT, "%s; the next heap figure is dropped%n", dirtyBecause);
      } else {
        dirtyBecause = null;
      }
    }
  }

  private static Run measure(InformerClient client, ResourceClient<BenchConfigMap> configMaps, int objects,
      int updates, int handlers, int round, HeapGate heap) throws Exception {
    System.out.printf(Locale.ROOT, "round %d: %s, %d handler(s), %d updates...%n", round, client.name(), handlers, updates);
    LongAdder[] counters = new LongAdder[handlers];
    for (int i = 0; i < handlers; i++) {
      counters[i] = new LongAdder();
    }
    String dirty = heap.dirtyBecause();
    long baseline = usedHeap();
    long retained;
    java.lang.ref.WeakReference<Object> cache;
    double sync;
    double rate;
    try (client) {
      long start = System.nanoTime();
      client.start(NS, handlers, counters);
      while (!client.hasSynced() || !allReached(counters, objects)) {
        Thread.sleep(1);
      }
      sync = seconds(System.nanoTime() - start);
      retained = usedHeap();
      cache = new java.lang.ref.WeakReference<>(client.cache());
      long target = objects + updates;
      long watchStart = System.nanoTime();
      timeUpdates(configMaps, objects, updates, client.name() + handlers);
      while (!allReached(counters, target)) {
        Thread.sleep(1);
      }
      rate = updates / seconds(System.nanoTime() - watchStart);
      System.out.printf(Locale.ROOT, "%s, %d handler(s): sync %.2f s, cache %d, watch %.0f events/s%n",
          client.name(), handlers, sync, client.cacheSize(), rate);
    }
    // what the informer holds: heap with it alive and synced minus the settled heap before it started
    long perObject = (retained - baseline) / objects;
    Long reported = perObject;
    String note = "";
    if (dirty != null) {
      reported = null;
      note = "started dirty: " + dirty;
    } else if (perObject <= 0) {
      reported = null;
      note = "measured " + perObject + " B, meaningless";
    }
    System.out.printf(Locale.ROOT, "%s: heap retained per cached object %d B%s%n", client.name(), perObject,
        reported == null ? " (not counted: " + note + ")" : "");
    heap.awaitCollected(client.name(), cache);
    return new Run(round, handlers, sync, reported, note, rate);
  }

  private static boolean allReached(LongAdder[] counters, long target) {
    for (LongAdder c : counters) {
      if (c.sum() < target) {
        return false;
      }
    }
    return true;
  }

  /** Updates {@code updates} objects (round robin) from 8 threads; returns the seconds taken. */
  private static double timeUpdates(ResourceClient<BenchConfigMap> configMaps, int objects, int updates, String tag)
      throws Exception {
    long start = System.nanoTime();
    parallel(updates, i -> configMaps.patch("cm-" + (i % objects), PatchType.MERGE,
        "{\"data\":{\"key\":\"" + tag + "-" + i + "\"}}", PatchOptions.none()));
    return seconds(System.nanoTime() - start);
  }

  /** Decodes the whole list, as one response, with the runtime's Jackson mapper; best of 5 in seconds. */
  private static double jacksonFloor(String url, int objects) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    byte[] body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces/" + NS + "/configmaps")).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    JavaType type = Json.mapper().getTypeFactory().constructParametricType(ObjectList.class, BenchConfigMap.class);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      ObjectList<?> list = Json.mapper().readValue(body, type);
      best = Math.min(best, seconds(System.nanoTime() - start));
      if (list.getItems().size() != objects) {
        throw new IllegalStateException("expected " + objects + " items, got " + list.getItems().size());
      }
    }
    System.out.printf(Locale.ROOT, "raw Jackson decode of %d KiB: %.2f s%n", body.length / 1024, best);
    return best;
  }

  private static BenchConfigMap configMap(int i) {
    BenchConfigMap c = new BenchConfigMap();
    c.setApiVersion("v1");
    c.setKind("ConfigMap");
    c.setMetadata(ObjectMeta.builder().name("cm-" + i).namespace(NS).labels(Map.of("app", "bench")).build());
    c.setData(Map.of("key", "value-" + i));
    return c;
  }

  private interface IntTask {
    void run(int i) throws Exception;
  }

  private static void parallel(int count, IntTask task) throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < count; i += threads) {
            task.run(i);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Used heap after garbage collection, once two readings in a row agree within 256 KiB (at most 30 tries). */
  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 30; i++) {
      System.gc();
      Thread.sleep(100);
      long used = rt.totalMemory() - rt.freeMemory();
      if (Math.abs(used - last) < 256 * 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
