package io.kubegen.benchmarks.informer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Watch throughput at line rate: every client watches a {@link LineRateWatchServer} that streams
 * the same pre-encoded events as fast as the socket takes them, so the client's own path (HTTP
 * body, frame decoding, reflector, delta FIFO, indexer, handlers) is the only bottleneck. Each
 * run starts a fresh informer on {@code keys} ConfigMaps (listed once), then times the watch of
 * {@code events} MODIFIED events (round robin over the keys, increasing resourceVersions) from
 * the server's first byte until every handler has counted every event; the process CPU time in
 * that window is reported per event too, the figure least moved by other load on the machine.
 * The floor is Jackson decoding the same frames from memory into the same model (no HTTP, no
 * cache). Round 0 warms everything up and is not reported; the client order rotates per round.
 *
 * <p>Run: {@code java -cp ... io.kubegen.benchmarks.informer.WatchLineRateBenchmark
 * [events=200000] [rounds=5] [keys=1000] [clients=kubegen,fabric8,client-java] [handlers=1,4]}.
 */
public final class WatchLineRateBenchmark {
  private static final String NS = "default";
  private static final String FLOOR = "raw Jackson decode (floor)";
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(180);

  private WatchLineRateBenchmark() {}

  /** Entry point; {@code name=value} arguments as in the class comment. */
  public static void main(String[] args) throws Exception {
    // client-java logs the interruption of its informer threads at shutdown as errors
    System.setProperty("org.slf4j.simpleLogger.log.io.kubernetes.client.informer.cache", "off");
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int events = Integer.parseInt(opts.getOrDefault("events", "200000"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
    int keys = Integer.parseInt(opts.getOrDefault("keys", "1000"));
    List<String> clients = List.of(opts.getOrDefault("clients", "kubegen,fabric8,client-java").split(","));
    int[] handlerCounts = Arrays.stream(opts.getOrDefault("handlers", "1,4").split(",")).mapToInt(Integer::parseInt).toArray();

    byte[][] frames = frames(keys, events);
    long frameBytes = Arrays.stream(frames).mapToLong(f -> f.length).sum();
    System.out.printf(Locale.ROOT, "watch at line rate: %d cores, java %s, %,d keys, %,d events of %d B on average%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), keys, events,
        frameBytes / events);
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    try (LineRateWatchServer server = new LineRateWatchServer(listBody(keys), frames)) {
      for (int round = 0; round <= rounds; round++) {
        List<String> order = new ArrayList<>(clients);
        order.add(FLOOR);
        java.util.Collections.rotate(order, -round);
        for (String name : order) {
          if (name.equals(FLOOR)) {
            Run floor = floor(frames, events);
            System.out.printf(Locale.ROOT, "round %d raw Jackson decode: %,9.0f events/s, %5.2f us CPU/event%n", round,
                floor.eventsPerSecond, floor.cpuMicrosPerEvent);
            if (round > 0) {
              runs.computeIfAbsent(floor.client + "|0", k -> new ArrayList<>()).add(floor);
            }
            continue;
          }
          for (int handlers : handlerCounts) {
            Run r = measure(client(name, server.url()), server, keys, events, handlers);
            System.out.printf(Locale.ROOT, "round %d %-14s %d handler(s): %,9.0f events/s, %5.2f us CPU/event%s%s%n",
                round, r.client, handlers, r.eventsPerSecond, r.cpuMicrosPerEvent,
                r.webSocket ? " (WebSocket)" : " (chunked HTTP)", r.note);
            if (round > 0) {
              runs.computeIfAbsent(r.client + "|" + handlers, k -> new ArrayList<>()).add(r);
            }
          }
        }
      }
    }
    printTable(runs, rounds);
    printRatios(runs, handlerCounts);
  }

  private static InformerClient client(String name, String url) {
    Function<String, InformerClient> make = switch (name) {
      case "kubegen" -> u -> new KubegenInformerClient(u, io.kubegen.runtime.cache.ListMode.CONSISTENT_PAGED);
      case "fabric8" -> Fabric8InformerClient::new;
      case "client-java" -> ClientJavaInformerClient::new;
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
    return make.apply(url);
  }

  /** One measured watch. */
  record Run(String client, int handlers, double eventsPerSecond, double cpuMicrosPerEvent, boolean webSocket,
      String note) {}

  private static Run measure(InformerClient client, LineRateWatchServer server, int keys, int events, int handlers)
      throws Exception {
    System.gc();
    LongAdder[] counters = new LongAdder[handlers];
    for (int i = 0; i < handlers; i++) {
      counters[i] = new LongAdder();
    }
    int watchesBefore = server.watchCount();
    int listsBefore = server.listCount();
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    try (client) {
      client.start(NS, handlers, counters);
      await(counters, keys + (long) events, deadline);
      long end = System.nanoTime();
      long cpuEnd = LineRateWatchServer.processCpuNanos();
      LineRateWatchServer.WatchStart start = server.lastWatchStart();
      int watches = server.watchCount() - watchesBefore;
      int lists = server.listCount() - listsBefore;
      String note = watches == 1 && lists == 1 ? "" : " [" + lists + " lists, " + watches + " watches]";
      return new Run(client.name(), handlers, events / ((end - start.nanoTime()) / 1e9),
          (cpuEnd - start.cpuNanos()) / 1e3 / events, start.webSocket(), note);
    }
  }

  private static void await(LongAdder[] counters, long target, long deadline) throws InterruptedException {
    for (LongAdder c : counters) {
      while (c.sum() < target) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("handler saw " + c.sum() + " of " + target + " notifications in time");
        }
        Thread.sleep(0, 200_000);
      }
    }
  }

  /** The model a watch event decodes into, for the floor. */
  public static final class RawEvent {
    public String type;
    public BenchConfigMap object;
  }

  /** Jackson decoding the concatenated frames from memory into {@link RawEvent}s, on this thread. */
  private static Run floor(byte[][] frames, int events) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      all.writeBytes(f);
    }
    byte[] stream = all.toByteArray();
    ObjectReader reader = Json.mapper().readerFor(RawEvent.class);
    System.gc();
    long start = System.nanoTime();
    long cpuStart = LineRateWatchServer.processCpuNanos();
    int n = 0;
    try (MappingIterator<RawEvent> it = reader.readValues(stream)) {
      while (it.hasNext()) {
        RawEvent e = it.next();
        if (e.object.getMetadata().getResourceVersion() != null) {
          n++;
        }
      }
    }
    long end = System.nanoTime();
    long cpuEnd = LineRateWatchServer.processCpuNanos();
    if (n != events) {
      throw new IllegalStateException("decoded " + n + " of " + events);
    }
    return new Run(FLOOR, 0, events / ((end - start) / 1e9), (cpuEnd - cpuStart) / 1e3 / events,
        false, "");
  }

  private static void printTable(Map<String, List<Run>> runs, int rounds) {
    System.out.println();
    System.out.printf(Locale.ROOT, "%d measured rounds; median (min-max) events/s; median CPU us/event%n", rounds);
    System.out.println("| client | handlers | events/s, median | min-max | CPU µs/event, median |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
      List<Run> rs = e.getValue();
      double[] rates = rs.stream().mapToDouble(Run::eventsPerSecond).sorted().toArray();
      double[] cpu = rs.stream().mapToDouble(Run::cpuMicrosPerEvent).sorted().toArray();
      Run first = rs.get(0);
      System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f-%,.0f | %.2f |%n", first.client,
          first.handlers == 0 ? "–" : Integer.toString(first.handlers), median(rates), rates[0],
          rates[rates.length - 1], median(cpu));
    }
  }

  /** kubegen against the best peer and the floor, per handler count, from the medians. */
  private static void printRatios(Map<String, List<Run>> runs, int[] handlerCounts) {
    List<Run> floorRuns = runs.get(FLOOR + "|0");
    double floorRate = floorRuns == null ? Double.NaN : medianRate(floorRuns);
    double floorCpu = floorRuns == null ? Double.NaN : medianCpu(floorRuns);
    for (int handlers : handlerCounts) {
      List<Run> kubegen = runs.get("kubegen|" + handlers);
      if (kubegen == null) {
        continue;
      }
      double bestPeer = 0;
      String bestName = "none";
      for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
        Run first = e.getValue().get(0);
        if (first.handlers == handlers && !first.client.equals("kubegen") && medianRate(e.getValue()) > bestPeer) {
          bestPeer = medianRate(e.getValue());
          bestName = first.client;
        }
      }
      String peer = bestPeer == 0 ? "no peer measured"
          : String.format(Locale.ROOT, "kubegen %.2fx the best peer (%s) in events/s", medianRate(kubegen) / bestPeer, bestName);
      System.out.printf(Locale.ROOT, "%d handler(s): %s; floor/kubegen %.2fx in events/s, kubegen/floor %.2fx in CPU per "
          + "event%n", handlers, peer, floorRate / medianRate(kubegen), medianCpu(kubegen) / floorCpu);
    }
  }

  private static double medianRate(List<Run> rs) {
    return median(rs.stream().mapToDouble(Run::eventsPerSecond).sorted().toArray());
  }

  private static double medianCpu(List<Run> rs) {
    return median(rs.stream().mapToDouble(Run::cpuMicrosPerEvent).sorted().toArray());
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // ---- the bytes ----------------------------------------------------------------------------

  private static ObjectNode configMap(int key, long resourceVersion, String value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode cm = f.objectNode();
    cm.put("kind", "ConfigMap").put("apiVersion", "v1");
    ObjectNode meta = cm.putObject("metadata");
    meta.put("name", "cm-" + key).put("namespace", NS)
        .put("uid", String.format(Locale.ROOT, "5c1f0e3a-0000-4000-8000-%012d", key))
        .put("resourceVersion", Long.toString(resourceVersion))
        .put("creationTimestamp", "2026-01-01T00:00:00Z");
    meta.putObject("labels").put("app", "bench");
    cm.putObject("data").put("key", value);
    return cm;
  }

  private static byte[] listBody(int keys) throws Exception {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("kind", "ConfigMapList").put("apiVersion", "v1");
    list.putObject("metadata").put("resourceVersion", "1");
    ArrayNode items = list.putArray("items");
    for (int i = 0; i < keys; i++) {
      items.add(configMap(i, 1, "value-0"));
    }
    return Json.mapper().writeValueAsBytes(list);
  }

  private static byte[][] frames(int keys, int events) throws Exception {
    ObjectMapper mapper = Json.mapper();
    byte[][] frames = new byte[events][];
    for (int i = 0; i < events; i++) {
      ObjectNode event = JsonNodeFactory.instance.objectNode();
      event.put("type", "MODIFIED");
      event.set("object", configMap(i % keys, i + 2L, "value-" + (i + 1)));
      byte[] json = mapper.writeValueAsBytes(event);
      frames[i] = Arrays.copyOf(json, json.length + 1);
      frames[i][json.length] = '\n';
    }
    return frames;
  }
}
