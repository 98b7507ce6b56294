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

/**
 * Side-by-side informer benchmark against one embedded API server: kubegen's runtime, fabric8
 * 7.x and the official client-java, plus raw Jackson decoding of the same list as the floor.
 * Measures time to initial sync of N small ConfigMaps, heap retained per cached object, and
 * watch throughput (events per second from the first server write until every handler has seen
 * every update) with 1 and 4 handlers.
 *
 * <p>Run: {@code java -cp ... io.kubegen.benchmarks.informer.InformerBenchmark [objects] [updates]}
 * (see docs/benchmarks.md for the Maven command). Prints a Markdown table.
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

      Map<String, Result> results = new LinkedHashMap<>();
      double jacksonSeconds = Double.MAX_VALUE;
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
          Result r = new Result();
          int count = round == 0 ? Math.max(1, updates / 10) : updates;
          measure(make.apply(url), configMaps, objects, count, 1, r);
          measure(make.apply(url), configMaps, objects, count, 4, r);
          if (round > 0) {
            results.merge(make.apply(url).name(), r, Result::best);
          }
        }
        if (round > 0) {
          jacksonSeconds = Math.min(jacksonSeconds, jacksonFloor(url, objects));
        }
      }
      double writeOnlyRate = updates / timeUpdates(configMaps, objects, updates, "ceiling");
      System.out.println();
      System.out.printf(Locale.ROOT, "| client | initial sync of %,d objects | heap per cached object | watch events/s, 1 handler | watch events/s, 4 handlers |%n", objects);
      System.out.println("|---|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| raw Jackson decode (floor) | %.2f s | – | – | – |%n", jacksonSeconds);
      for (Map.Entry<String, Result> e : results.entrySet()) {
        Result r = e.getValue();
        System.out.printf(Locale.ROOT, "| %s | %.2f s | %,d B | %,.0f | %,.0f |%n", e.getKey(), r.syncSeconds,
            r.heapPerObject, r.throughput1, r.throughput4);
      }
      System.out.printf(Locale.ROOT, "%nserver write rate alone (ceiling for the watch columns): %,.0f updates/s%n", writeOnlyRate);
    }
  }

  /** Per-client figures. */
  static final class Result {
    double syncSeconds;
    long heapPerObject;
    double throughput1;
    double throughput4;

    /** The better of two runs, figure by figure (heap: their mean). */
    static Result best(Result a, Result b) {
      Result r = new Result();
      r.syncSeconds = Math.min(a.syncSeconds, b.syncSeconds);
      r.heapPerObject = (a.heapPerObject + b.heapPerObject) / 2;
      r.throughput1 = Math.max(a.throughput1, b.throughput1);
      r.throughput4 = Math.max(a.throughput4, b.throughput4);
      return r;
    }
  }

  private static void measure(InformerClient client, ResourceClient<BenchConfigMap> configMaps, int objects,
      int updates, int handlers, Result r) throws Exception {
    System.out.printf(Locale.ROOT, "%s, %d handler(s), %d updates...%n", client.name(), handlers, updates);
    LongAdder[] counters = new LongAdder[handlers];
    for (int i = 0; i < handlers; i++) {
      counters[i] = new LongAdder();
    }
    long baseline = usedHeap();
    long retained;
    try (client) {
      long start = System.nanoTime();
      client.start(NS, handlers, counters);
      while (!client.hasSynced() || !allReached(counters, objects)) {
        Thread.sleep(1);
      }
      double sync = seconds(System.nanoTime() - start);
      retained = usedHeap();
      if (handlers == 1) {
        r.syncSeconds = sync;
      }
      long target = objects + updates;
      long watchStart = System.nanoTime();
      timeUpdates(configMaps, objects, updates, client.name() + handlers);
      while (!allReached(counters, target)) {
        Thread.sleep(1);
      }
      double rate = updates / seconds(System.nanoTime() - watchStart);
      if (handlers == 1) {
        r.throughput1 = rate;
      } else {
        r.throughput4 = rate;
      }
      System.out.printf(Locale.ROOT, "%s, %d handler(s): sync %.2f s, cache %d, watch %.0f events/s%n",
          client.name(), handlers, sync, client.cacheSize(), rate);
    }
    // what the informer holds: heap with it alive and synced minus the settled heap before it started
    long perObject = (retained - baseline) / objects;
    System.out.printf(Locale.ROOT, "%s: heap retained per cached object %d B%n", client.name(), perObject);
    if (handlers == 1) {
      r.heapPerObject = perObject;
    }
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
