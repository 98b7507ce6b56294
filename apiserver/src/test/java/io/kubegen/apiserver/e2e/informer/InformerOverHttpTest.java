package io.kubegen.apiserver.e2e.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.FifoMode;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.cache.ResourceEventHandlerRegistration;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.rest.Backoff;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.watch.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shared informers over real HTTP against the embedded API server, with a loopback proxy in
 * between to cut watches and take the server "down". After every scenario the cache equals the
 * server's state and every handler's view equals it too.
 */
@Timeout(120)
class InformerOverHttpTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String NS = "default";
  private static final ReflectorOptions QUICK_BACKOFF = ReflectorOptions.builder()
      .backoff(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMinutes(2), 0.5).build();

  private EmbeddedApiServer server;
  private LoopbackProxy proxy;
  private RestClient direct;
  private RestClient viaProxy;
  private ResourceClient<ConfigMap> writes;
  private CountingListWatch listWatch;
  private SharedIndexInformer<ConfigMap> informer;

  private void startServer(int watchHistory) throws Exception {
    server = EmbeddedApiServer.builder().watchHistory(watchHistory).start();
    proxy = new LoopbackProxy(server.url());
    direct = RestClient.create(server.restConfig());
    // no client-level retries: the reflector's own backoff is what is under test
    viaProxy = RestClient.builder(io.kubegen.runtime.config.RestConfig.builder().server(proxy.url()).qps(-1f).build())
        .retryBackoff(new Backoff(Duration.ofMillis(10), 1.0, 0, 1, null)).build();
    writes = new ResourceClient<>(direct, CONFIGMAPS, ConfigMap.class, NS);
    listWatch = new CountingListWatch(ListWatch.of(new ResourceClient<>(viaProxy, CONFIGMAPS, ConfigMap.class, NS)));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (informer != null) {
      informer.stop();
    }
    if (viaProxy != null) {
      viaProxy.close();
      direct.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      server.close();
    }
    awaitTrue(Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("informer-")), () -> "informer threads left");
  }

  /** Records list and watch calls on the way to the REST client. */
  static final class CountingListWatch implements ListWatch<ConfigMap> {
    final ListWatch<ConfigMap> delegate;
    final List<ListOptions> lists = new CopyOnWriteArrayList<>();
    final List<ListOptions> watches = new CopyOnWriteArrayList<>();

    CountingListWatch(ListWatch<ConfigMap> delegate) {
      this.delegate = delegate;
    }

    @Override
    public ObjectList<ConfigMap> list(ListOptions options) {
      lists.add(options);
      return delegate.list(options);
    }

    @Override
    public Watch<ConfigMap> watch(ListOptions options) {
      watches.add(options);
      return delegate.watch(options);
    }

    int calls() {
      return lists.size() + watches.size();
    }
  }

  /** Keeps its own view (name → state) from the notifications, and counts them. */
  static final class ViewHandler implements ResourceEventHandler<ConfigMap> {
    final Map<String, String> view = new ConcurrentHashMap<>();
    final AtomicInteger adds = new AtomicInteger();
    final AtomicInteger initialAdds = new AtomicInteger();
    final AtomicInteger tombstones = new AtomicInteger();
    final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void onAdd(ConfigMap obj, boolean isInInitialList) {
      adds.incrementAndGet();
      if (isInInitialList) {
        initialAdds.incrementAndGet();
      }
      view.put(obj.getMetadata().getName(), obj.state());
    }

    @Override
    public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
      view.put(newObj.getMetadata().getName(), newObj.state());
    }

    @Override
    public void onDelete(ConfigMap obj, boolean finalStateUnknown) {
      if (finalStateUnknown) {
        tombstones.incrementAndGet();
      }
      deleted.add(obj.getMetadata().getName());
      view.remove(obj.getMetadata().getName());
    }
  }

  private SharedIndexInformer<ConfigMap> informer(FifoMode mode, ReflectorOptions options) {
    informer = SharedIndexInformer.builder(listWatch, ConfigMap.class).fifoMode(mode).reflectorOptions(options).build();
    return informer;
  }

  private void create(String name, String value) {
    writes.create(ConfigMap.of(NS, name, value), CreateOptions.none());
  }

  private void update(String name, String value) {
    ConfigMap current = writes.get(name, null);
    current.getData().put("value", value);
    writes.update(current, UpdateOptions.none());
  }

  private void delete(String name) {
    writes.delete(name, DeleteOptions.none());
  }

  private void seed(int count, String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < count; i += 4) {
            create(prefix + i, "v" + i);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, String> serverState() {
    Map<String, String> out = new TreeMap<>();
    for (ConfigMap c : writes.list(ListOptions.none()).getItems()) {
      out.put(c.getMetadata().getName(), c.state());
    }
    return out;
  }

  private Map<String, String> cacheState() {
    Map<String, String> out = new TreeMap<>();
    for (ConfigMap c : informer.getIndexer().list()) {
      out.put(c.getMetadata().getName(), c.state());
    }
    return out;
  }

  private void assertConverged(ViewHandler... handlers) {
    awaitTrue(Duration.ofSeconds(30), () -> {
      Map<String, String> expected = serverState();
      if (!cacheState().equals(expected)) {
        return false;
      }
      for (ViewHandler h : handlers) {
        if (!new TreeMap<>(h.view).equals(expected)) {
          return false;
        }
      }
      return true;
    }, () -> "cache (" + cacheState().size() + ") and handlers equal the server (" + serverState().size() + ")");
  }

  private static void awaitTrue(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what.get());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String reflectorStack() {
    StringBuilder sb = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, stack) -> {
      if (t.getName().startsWith("informer-") && t.getName().endsWith("-reflector")) {
        sb.append(t.getName()).append(' ').append(t.getState());
        for (StackTraceElement e : stack) {
          sb.append("\n  at ").append(e);
        }
      }
    });
    return sb.toString();
  }

  private void awaitWatching(int watchCalls) {
    awaitTrue(Duration.ofSeconds(20), () -> listWatch.watches.size() >= watchCalls, () -> "watch call " + watchCalls
        + "; reflector: " + reflectorStack());
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void initialSyncOf5000ObjectsIsPagedAndComplete(FifoMode mode) throws Exception {
    startServer(10_000);
    seed(5_000, "cm-");
    SharedIndexInformer<ConfigMap> inf = informer(mode, ReflectorOptions.defaults());
    ViewHandler handler = new ViewHandler();
    ResourceEventHandlerRegistration reg = inf.addEventHandler(handler);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(60), inf, reg)).isTrue();
    assertThat(handler.initialAdds.get()).isEqualTo(5_000);
    assertThat(listWatch.lists).hasSize(10);
    assertThat(listWatch.lists).allMatch(o -> o.limit() == 500);
    assertThat(listWatch.lists.subList(1, 10)).allMatch(o -> o.continueToken() != null);
    assertConverged(handler);
    awaitWatching(1);
    create("after-sync", "x");
    assertConverged(handler);
  }

  @Test
  void lateHandlerGetsTheCacheAsAddsThenLiveChanges() throws Exception {
    startServer(10_000);
    seed(300, "cm-");
    SharedIndexInformer<ConfigMap> inf = informer(FifoMode.DELTA_FIFO, ReflectorOptions.defaults());
    ViewHandler early = new ViewHandler();
    inf.addEventHandler(early);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), inf)).isTrue();
    awaitWatching(1);
    create("before-late", "x");
    ViewHandler late = new ViewHandler();
    ResourceEventHandlerRegistration reg = inf.addEventHandler(late);
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), reg)).isTrue();
    assertThat(late.initialAdds.get()).isBetween(300, 301);
    update("cm-1", "changed");
    delete("cm-2");
    create("after-late", "y");
    assertConverged(early, late);
    assertThat(late.adds.get()).isEqualTo(302);
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void cutWatchIsResumedFromTheLastResourceVersionWithoutRelisting(FifoMode mode) throws Exception {
    startServer(10_000);
    seed(50, "cm-");
    SharedIndexInformer<ConfigMap> inf = informer(mode, QUICK_BACKOFF);
    ViewHandler handler = new ViewHandler();
    inf.addEventHandler(handler);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), inf)).isTrue();
    awaitWatching(1);
    update("cm-1", "before-cut");
    assertConverged(handler);
    for (int round = 0; round < 3; round++) {
      int watchesBefore = listWatch.watches.size();
      proxy.cutConnections();
      update("cm-" + (10 + round), "during-cut-" + round);
      delete("cm-" + (20 + round));
      create("new-" + round, "x");
      awaitWatching(watchesBefore + 1);
      assertConverged(handler);
    }
    assertThat(listWatch.lists).as("never relisted").hasSize(1);
    assertThat(listWatch.watches.get(1).resourceVersion()).isNotEqualTo(listWatch.watches.get(0).resourceVersion());
    assertThat(handler.tombstones.get()).isZero();
    assertThat(handler.deleted).containsExactlyInAnyOrder("cm-20", "cm-21", "cm-22");
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void expiredResourceVersionRelistsWithTombstonesForObjectsDeletedMeanwhile(FifoMode mode) throws Exception {
    startServer(20);
    seed(10, "cm-");
    SharedIndexInformer<ConfigMap> inf = informer(mode, QUICK_BACKOFF);
    ViewHandler handler = new ViewHandler();
    inf.addEventHandler(handler);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), inf)).isTrue();
    awaitWatching(1);
    update("cm-9", "seen-by-the-watch"); // the watch has delivered events: a cut resumes it, not relists
    assertConverged(handler);
    proxy.down();
    delete("cm-1");
    delete("cm-2");
    delete("cm-3");
    update("cm-4", "changed-while-away");
    for (int i = 0; i < 30; i++) {
      create("churn-" + i, "c");
      delete("churn-" + i);
    }
    create("arrived-while-away", "z");
    proxy.up();
    awaitTrue(Duration.ofSeconds(30), () -> listWatch.lists.size() >= 2, () -> "relisted after 410; "
        + listWatch.watches.size() + " watch calls; reflector: " + reflectorStack());
    // first the reflector tried to resume from the resourceVersion it had seen last (the warm-up
    // update), which the server no longer had: only then did it relist
    assertThat(listWatch.watches.get(1).resourceVersion()).isNotEqualTo(listWatch.watches.get(0).resourceVersion());
    assertConverged(handler);
    assertThat(handler.tombstones.get()).isEqualTo(3);
    assertThat(handler.deleted).containsExactlyInAnyOrder("cm-1", "cm-2", "cm-3");
    update("cm-5", "live-again");
    assertConverged(handler);
  }

  @Test
  void serverDownMeansFewSpacedOutRequestsThenRecovery() throws Exception {
    startServer(10_000);
    seed(20, "cm-");
    SharedIndexInformer<ConfigMap> inf = informer(FifoMode.DELTA_FIFO, ReflectorOptions.defaults());
    ViewHandler handler = new ViewHandler();
    inf.addEventHandler(handler);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), inf)).isTrue();
    awaitWatching(1);
    proxy.down();
    int callsAtDown = listWatch.calls();
    update("cm-1", "while-down");
    delete("cm-2");
    // the cut watch is noticed and retried (however slowly a loaded machine gets there) ...
    awaitTrue(Duration.ofSeconds(30), () -> listWatch.calls() > callsAtDown, () -> "a retry while the server is down");
    int callsAtFirstRetry = listWatch.calls();
    long firstRetryAt = System.nanoTime();
    // ... and then backed off: watch four seconds of downtime, polling the call count
    awaitTrue(Duration.ofSeconds(10), () -> System.nanoTime() - firstRetryAt > Duration.ofSeconds(4).toNanos(), () -> "4s");
    int callsWhileDown = listWatch.calls() - callsAtFirstRetry;
    // backoff 0.8-1.6 s, 1.6-3.2 s, ...: at most 4 attempts in 4 s (a busy loop would make thousands)
    assertThat(callsWhileDown).isLessThanOrEqualTo(4);
    proxy.up();
    assertConverged(handler);
    assertThat(inf.hasSynced()).isTrue();
  }
}
