package io.kubegen.apiserver.e2e.chaos;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.WatchTimeouts;
import io.kubegen.runtime.testserver.FaultProxy;
import io.kubegen.runtime.testserver.FaultProxy.HttpFault;
import io.kubegen.runtime.testserver.FaultProxy.Mode;
import io.kubegen.runtime.testserver.SelfSignedCertificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One chaos run: an embedded API server, a {@link FaultProxy} in front of it, and a shared
 * informer (two handlers, one with a one-second resync) that reaches the server only through the
 * proxy. A writer talking to the server directly makes {@code ops} random creates, updates and
 * deletes across three namespaces; between stretches of clean writes it injects a fault, keeps
 * it for a number of writes and a minimum time, and heals it. Everything random comes from the
 * seed. {@link #execute()} returns once the faults have stopped and the informer has converged,
 * or its deadline has passed; {@link #close()} stops everything and reports threads left behind.
 */
final class ChaosRun implements AutoCloseable {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String[] NAMESPACES = {"default", "kube-system", "kube-public"};
  private static final int WATCH_HISTORY = 500;
  private static final Duration CONVERGENCE_DEADLINE = Duration.ofSeconds(90);
  private static final Duration RATE_WINDOW = Duration.ofSeconds(1);

  private final ChaosSettings settings;
  private final Random random;
  private final EmbeddedApiServer server;
  private final FaultProxy proxy;
  private final RestClient direct;
  private final RestClient viaProxy;
  private final ResourceClient<ConfigMap> writes;
  private final RecordingListWatch listWatch;
  private final SharedIndexInformer<ConfigMap> informer;
  private final NotificationLedger plain = new NotificationLedger("handler");
  private final NotificationLedger resyncing = new NotificationLedger("resync-handler");
  private final AtomicInteger watchErrors = new AtomicInteger();
  private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
  private final List<long[]> outages = new ArrayList<>();
  /** The writer's own record of what exists: key → the object as the server last returned it. */
  private final Map<String, ConfigMap> existing = new TreeMap<>();
  private final List<String> keys = new ArrayList<>();
  private int created;

  ChaosRun(ChaosSettings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.server = EmbeddedApiServer.builder().https(settings.tls()).watchHistory(WATCH_HISTORY)
        .bookmarkInterval(Duration.ofMillis(500)).start();
    FaultProxy.Builder proxyBuilder = FaultProxy.builder(server.url()).seed(settings.seed());
    RestConfig.Builder clientConfig = RestConfig.builder().qps(50f).burst(100);
    if (settings.tls()) {
      SelfSignedCertificate proxyCertificate = SelfSignedCertificate.create();
      proxyBuilder.terminateTls(proxyCertificate.serverContext(),
          RestConfig.builder().server(server.url().toString()).caData(server.caCertificatePem()).build().sslContext());
      clientConfig.caData(proxyCertificate.certificatePem());
    }
    this.proxy = proxyBuilder.build();
    this.direct = RestClient.create(server.restConfig());
    this.writes = new ResourceClient<>(direct, CONFIGMAPS, ConfigMap.class, null);
    // a silent watch is given up 2 s past its timeoutSeconds, or after 2 s without a byte where
    // bookmarks were promised (the server sends them every 500 ms)
    this.viaProxy = RestClient.builder(clientConfig.server(proxy.url(settings.tls() ? "https" : "http").toString()).build())
        .watchTimeouts(new WatchTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(5)))
        .build();
    this.listWatch = new RecordingListWatch(ListWatch.of(new ResourceClient<>(viaProxy, CONFIGMAPS, ConfigMap.class, null)));
    ReflectorOptions options = ReflectorOptions.builder()
        .pageSize(100)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5)
        .minWatchTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(4))
        .build();
    this.informer = SharedIndexInformer.builder(listWatch, ConfigMap.class).fifoMode(settings.fifo())
        .reflectorOptions(options).name("chaos-" + settings.seed()).build();
    informer.setWatchErrorHandler((reflector, error) -> watchErrors.incrementAndGet());
    informer.addEventHandler(plain);
    informer.addEventHandler(resyncing, Duration.ofSeconds(1));
  }

  /** Seeds some objects, starts the informer, writes with faults, heals and waits for convergence. */
  ChaosResult execute() {
    long started = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      create();
    }
    informer.start();
    if (!Cache.waitForCacheSync(Duration.ofSeconds(30), informer)) {
      throw new AssertionError(settings + ": the informer did not sync within 30 s");
    }
    int done = 0;
    while (done < settings.ops()) {
      int clean = Math.min(settings.ops() - done, 10 + random.nextInt(30));
      for (int i = 0; i < clean; i++) {
        write();
      }
      done += clean;
      if (done >= settings.ops()) {
        break;
      }
      int during = Math.min(settings.ops() - done, 5 + random.nextInt(40));
      Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
      Duration hold = Duration.ofMillis(300 + random.nextInt(1200));
      episode(fault, during, hold);
      done += during;
    }
    proxy.heal();
    long faultsStopped = System.nanoTime();
    String lastDifference = awaitConvergence();
    long converged = System.nanoTime();
    return new ChaosResult(settings, settings.ops(), new EnumMap<>(injected), proxy.counts(),
        listWatch.listsStarted() - 1, listWatch.pages(), listWatch.watches(), watchErrors.get(),
        maxRate(true), maxRate(false), plain.tombstones(), existing.size(),
        Duration.ofNanos(converged - faultsStopped), Duration.ofNanos(converged - started), lastDifference,
        plain.violations() + resyncing.violations(), plain.counts() + "; " + resyncing.counts());
  }

  private void episode(Fault fault, int ops, Duration hold) {
    injected.merge(fault, 1, Integer::sum);
    long start = System.nanoTime();
    switch (fault) {
      case DROP_WATCH -> proxy.dropWatches();
      case DROP_ALL -> proxy.dropConnections();
      case REFUSE -> proxy.refuse();
      case RESET_AT_ACCEPT -> {
        proxy.always(Mode.RESET_AT_ACCEPT);
        proxy.dropConnections();
      }
      case BLACK_HOLE -> {
        proxy.always(Mode.BLACK_HOLE);
        proxy.blackHoleOpenConnections();
      }
      case UNAVAILABLE -> {
        proxy.httpFault(HttpFault.UNAVAILABLE);
        proxy.dropConnections();
      }
      case UNAVAILABLE_RETRY_AFTER -> {
        proxy.httpFault(HttpFault.UNAVAILABLE_RETRY_AFTER);
        proxy.dropConnections();
      }
      case TRUNCATE -> {
        proxy.truncateResponses(true);
        proxy.dropWatches();
      }
      case SLOW_REWATCH -> {
        proxy.delayWatchRequests(Duration.ofMillis(200), Duration.ofMillis(1500));
        proxy.dropWatches();
      }
      case COMPACT -> proxy.refuse();
    }
    for (int i = 0; i < ops; i++) {
      write();
    }
    if (fault == Fault.COMPACT) {
      // everything the informer saw before the outage is history now: resuming meets 410 Gone
      server.storage().compact(server.storage().revision());
    }
    if (fault.outage() || fault == Fault.TRUNCATE || fault == Fault.SLOW_REWATCH) {
      pauseUntil(start + hold.toNanos());
    }
    if (fault.outage()) {
      outages.add(new long[] {start, System.nanoTime()});
    }
    proxy.heal();
  }

  /** One random write: create, update or delete (more deletes once many objects exist). */
  private void write() {
    int roll = random.nextInt(100);
    int deleteShare = keys.size() > 300 ? 45 : 20;
    if (keys.size() < 10 || roll < 40) {
      create();
    } else if (roll < 100 - deleteShare) {
      update(keys.get(random.nextInt(keys.size())));
    } else {
      delete(keys.get(random.nextInt(keys.size())));
    }
  }

  private void create() {
    String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
    // names come back after a delete now and then: a re-created object under a known key
    String name = random.nextInt(10) == 0 && created > 0 ? "cm-" + random.nextInt(created) : "cm-" + created++;
    if (existing.containsKey(ns + "/" + name)) {
      name = "cm-" + created++;
    }
    ConfigMap made = writes.inNamespace(ns).create(ConfigMap.of(ns, name, "v" + random.nextInt(1000)),
        CreateOptions.none());
    existing.put(made.key(), made);
    keys.add(made.key());
  }

  private void update(String key) {
    ConfigMap current = existing.get(key);
    ConfigMap changed = ConfigMap.of(current.getMetadata().getNamespace(), current.getMetadata().getName(),
        "v" + random.nextInt(1000));
    changed.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
    ConfigMap stored = writes.inNamespace(current.getMetadata().getNamespace()).update(changed, UpdateOptions.none());
    existing.put(key, stored);
  }

  private void delete(String key) {
    ConfigMap current = existing.remove(key);
    keys.remove(key);
    writes.inNamespace(current.getMetadata().getNamespace()).delete(current.getMetadata().getName(),
        DeleteOptions.none());
  }

  /** Waits until cache, both handlers' views and the server agree; the last difference seen if they never do. */
  private String awaitConvergence() {
    long deadline = System.nanoTime() + CONVERGENCE_DEADLINE.toNanos();
    Map<String, String> expected = serverState();
    if (!expected.equals(writerState())) {
      return "the server's list differs from what the writer wrote";
    }
    while (true) {
      String difference = difference(expected);
      if (difference == null) {
        return null;
      }
      if (System.nanoTime() > deadline) {
        return difference;
      }
      pause(Duration.ofMillis(20));
    }
  }

  private String difference(Map<String, String> expected) {
    Map<String, String> cache = new TreeMap<>();
    for (ConfigMap c : informer.getIndexer().list()) {
      cache.put(c.key(), c.state());
    }
    String d = describe("cache", cache, expected);
    if (d == null) {
      d = describe(plain.toString(), plain.view(), expected);
    }
    if (d == null) {
      d = describe(resyncing.toString(), resyncing.view(), expected);
    }
    return d;
  }

  private static String describe(String what, Map<String, String> actual, Map<String, String> expected) {
    if (actual.equals(expected)) {
      return null;
    }
    List<String> diffs = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String a = actual.get(e.getKey());
      if (!e.getValue().equals(a)) {
        diffs.add(e.getKey() + " server " + e.getValue() + " " + what + " " + a);
      }
    }
    for (String k : actual.keySet()) {
      if (!expected.containsKey(k)) {
        diffs.add(k + " server null " + what + " " + actual.get(k));
      }
    }
    return what + " (" + actual.size() + ") differs from the server (" + expected.size() + ") in " + diffs.size()
        + ": " + diffs.subList(0, Math.min(10, diffs.size()));
  }

  private Map<String, String> serverState() {
    Map<String, String> out = new TreeMap<>();
    for (ConfigMap c : writes.list(ListOptions.none()).getItems()) {
      out.put(c.key(), c.state());
    }
    return out;
  }

  private Map<String, String> writerState() {
    Map<String, String> out = new TreeMap<>();
    existing.forEach((k, v) -> out.put(k, v.state()));
    return out;
  }

  /** The most reflector calls (or proxy attempts) in any one second of an outage. */
  private int maxRate(boolean reflectorCalls) {
    int max = 0;
    for (long[] o : outages) {
      int n = reflectorCalls ? listWatch.calls().maxInWindow(RATE_WINDOW, o[0], o[1])
          : proxy.attempts().maxInWindow(RATE_WINDOW, o[0], o[1]);
      max = Math.max(max, n);
    }
    return max;
  }

  /** The informer's health, as it reports it. */
  String health() {
    return "running=" + informer.isRunning() + " synced=" + informer.hasSynced() + " lastError="
        + informer.lastError().map(Throwable::toString).orElse("none");
  }

  boolean healthy() {
    return informer.isRunning() && informer.hasSynced() && informer.lastError().isEmpty();
  }

  /** Stops the informer and closes everything; the names of the informer's threads still alive after 10 s. */
  List<String> stop() {
    informer.stop();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> left = informerThreads();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      pause(Duration.ofMillis(20));
      left = informerThreads();
    }
    return left;
  }

  private List<String> informerThreads() {
    String prefix = "informer-chaos-" + settings.seed() + "-";
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith(prefix)) {
        names.add(t.getName() + " " + t.getState());
      }
    }
    return names;
  }

  @Override
  public void close() {
    informer.stop();
    viaProxy.close();
    direct.close();
    try {
      proxy.close();
    } finally {
      server.close();
    }
  }

  private static void pauseUntil(long nanoTime) {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      pause(Duration.ofNanos(left));
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
