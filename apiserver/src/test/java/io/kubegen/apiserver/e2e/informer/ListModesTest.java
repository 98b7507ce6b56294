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
import io.kubegen.runtime.cache.ListMode;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.testserver.ChunkedStream;
import io.kubegen.runtime.testserver.FaultProxy;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.RecordedRequest;
import io.kubegen.runtime.testserver.Reply;
import io.kubegen.runtime.watch.Watch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reflector's three ways to get the initial state, over real HTTP: against the embedded API
 * server with changes made while the initial state is still being read, and against servers
 * that refuse or ignore the watch-list protocol (the reflector must fall back to a list).
 */
@Timeout(120)
class ListModesTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String NS = "default";
  private static final String PATH = "/api/v1/namespaces/default/configmaps";
  private static final int OBJECTS = 300;
  private static final int PAGE = 50;

  private EmbeddedApiServer server;
  private FaultServer faults;
  private FaultProxy proxy;
  private RestClient client;
  private ResourceClient<ConfigMap> writes;
  private SharedIndexInformer<ConfigMap> informer;

  @AfterEach
  void tearDown() {
    if (informer != null) {
      informer.stop();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    if (faults != null) {
      faults.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  /** Records the calls and, once, changes the server right after the first call that starts the initial state. */
  static final class WritingListWatch implements ListWatch<ConfigMap> {
    final ListWatch<ConfigMap> delegate;
    final Runnable changes;
    final AtomicBoolean changed = new AtomicBoolean();
    final List<ListOptions> lists = new CopyOnWriteArrayList<>();
    final List<ListOptions> watches = new CopyOnWriteArrayList<>();

    WritingListWatch(ListWatch<ConfigMap> delegate, Runnable changes) {
      this.delegate = delegate;
      this.changes = changes;
    }

    @Override
    public ObjectList<ConfigMap> list(ListOptions options) {
      ObjectList<ConfigMap> page = delegate.list(options);
      lists.add(options);
      changeOnce();
      return page;
    }

    @Override
    public Watch<ConfigMap> watch(ListOptions options) {
      Watch<ConfigMap> w = delegate.watch(options);
      watches.add(options);
      if (Boolean.TRUE.equals(options.sendInitialEvents())) {
        // the server has taken its snapshot; these changes come after the initial events, on the same stream
        changeOnce();
      }
      return w;
    }

    private void changeOnce() {
      if (changed.compareAndSet(false, true)) {
        changes.run();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ListMode.class)
  void informerConvergesWithChangesMadeDuringTheInitialState(ListMode mode) throws Exception {
    server = EmbeddedApiServer.builder().watchHistory(10_000).start();
    client = RestClient.create(server.restConfig());
    writes = new ResourceClient<>(client, CONFIGMAPS, ConfigMap.class, NS);
    for (int i = 0; i < OBJECTS; i++) {
      writes.create(ConfigMap.of(NS, "cm-" + i, "v" + i), CreateOptions.none());
    }
    WritingListWatch listWatch = new WritingListWatch(ListWatch.of(writes), () -> {
      update("cm-1", "changed");
      writes.delete("cm-2", DeleteOptions.none());
      writes.create(ConfigMap.of(NS, "late", "new"), CreateOptions.none());
    });
    informer = SharedIndexInformer.builder(listWatch, ConfigMap.class)
        .reflectorOptions(ReflectorOptions.builder().pageSize(PAGE).listMode(mode).build()).build();
    InformerOverHttpTest.ViewHandler handler = new InformerOverHttpTest.ViewHandler();
    informer.addEventHandler(handler);
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(60), informer::hasSynced)).isTrue();
    assertConverged(handler);
    assertThat(handler.initialAdds.get()).as("objects delivered as the initial list").isEqualTo(OBJECTS);
    assertThat(cacheState()).containsKey("late").doesNotContainKey("cm-2");
    assertThat(cacheState().get("cm-1")).endsWith("=changed");

    switch (mode) {
      case CONSISTENT_PAGED -> {
        assertThat(listWatch.lists).hasSize(OBJECTS / PAGE);
        assertThat(listWatch.lists.get(0).resourceVersion()).isNull();
        assertThat(listWatch.lists.get(0).limit()).isEqualTo((long) PAGE);
        assertThat(listWatch.watches.get(0).sendInitialEvents()).isNull();
      }
      case CACHED -> {
        // served from the cache at resourceVersion 0: whole, in one call
        assertThat(listWatch.lists).hasSize(1);
        assertThat(listWatch.lists.get(0).resourceVersion()).isEqualTo("0");
        assertThat(listWatch.lists.get(0).resourceVersionMatch()).isNull();
        assertThat(listWatch.watches.get(0).sendInitialEvents()).isNull();
      }
      case WATCH_LIST -> {
        assertThat(listWatch.lists).isEmpty();
        ListOptions first = listWatch.watches.get(0);
        assertThat(first.sendInitialEvents()).isTrue();
        assertThat(first.resourceVersionMatch()).isEqualTo("NotOlderThan");
        assertThat(first.allowWatchBookmarks()).isTrue();
        assertThat(first.resourceVersion()).isNull();
        // the stream that carried the initial state carries the changes too
        assertThat(listWatch.watches).hasSize(1);
      }
      default -> throw new AssertionError(mode);
    }

    update("cm-3", "after-sync");
    writes.delete("cm-4", DeleteOptions.none());
    writes.create(ConfigMap.of(NS, "later", "x"), CreateOptions.none());
    assertConverged(handler);
  }

  @Test
  void watchListFallsBackToAListWhenTheServerIgnoresSendInitialEvents() throws Exception {
    faults = FaultServer.start();
    // a server from before watch-list: it sends the current state as ADDED events, then a plain bookmark
    ChunkedStream old = new ChunkedStream().probeClientEvery(Duration.ofMillis(50));
    old.writeEvent("ADDED", object("a", "5")).writeEvent("ADDED", object("b", "6"))
        .writeEvent("BOOKMARK", "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\"}}");
    ChunkedStream live = fallbackRoutes(Reply.stream(old));
    startInformerAgainstFaults();

    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer::hasSynced)).isTrue();
    // "c" is only in the list: the state came from it, not from the stream
    assertThat(cacheState().keySet()).containsExactly("a", "b", "c");
    assertThat(old.awaitClientGone(Duration.ofSeconds(10))).as("the ignored stream is closed").isTrue();
    assertFallbackRequests();

    live.writeEvent("ADDED", object("d", "8"));
    awaitTrue(Duration.ofSeconds(10), () -> cacheState().containsKey("d"), () -> "d from the watch: " + cacheState());
  }

  @Test
  void watchListFallsBackToAListWhenTheServerRefusesIt() throws Exception {
    faults = FaultServer.start();
    ChunkedStream live = fallbackRoutes(Reply.status(422, "Invalid",
        "ListOptions.meta.k8s.io \"\" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch "
            + "unless the WatchList feature gate is enabled"));
    startInformerAgainstFaults();

    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer::hasSynced)).isTrue();
    assertThat(cacheState().keySet()).containsExactly("a", "b", "c");
    assertFallbackRequests();
    live.writeEvent("DELETED", object("a", "8"));
    awaitTrue(Duration.ofSeconds(10), () -> !cacheState().containsKey("a"), () -> "a deleted: " + cacheState());
  }

  /** How a server tells the reflector that the resourceVersion of its watch-list request cannot be served. */
  enum Unavailable {
    /** 410 Expired answering the request. */
    EXPIRED_RESPONSE(Reply.status(410, "Expired", "too old resource version: 7 (9)")),
    /** kube's watch cache, asked for a version newer than its own: 504 after a wait. */
    TOO_LARGE_RESPONSE(Reply.status(504, "Timeout", "Too large resource version: 7, current: 3")),
    /** 410 Expired as the first event of the stream. */
    EXPIRED_EVENT(null);

    final Reply reply;

    Unavailable(Reply reply) {
      this.reply = reply;
    }
  }

  @ParameterizedTest
  @EnumSource(Unavailable.class)
  void aWatchListRefusedForItsResourceVersionIsAskedForAgainAtOnceWithoutOne(Unavailable how) throws Exception {
    faults = FaultServer.start();
    ChunkedStream first = new ChunkedStream().probeClientEvery(Duration.ofMillis(50));
    first.writeEvent("ADDED", object("a", "5")).writeEvent("BOOKMARK", initialEventsEnd("7"));
    Reply refusal = how.reply;
    if (refusal == null) {
      ChunkedStream expired = new ChunkedStream();
      expired.writeEvent("ERROR", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
          + "\"message\":\"too old resource version: 7 (9)\",\"reason\":\"Expired\",\"code\":410}");
      expired.end();
      refusal = Reply.stream(expired);
    }
    ChunkedStream newest = new ChunkedStream().probeClientEvery(Duration.ofMillis(50));
    newest.writeEvent("ADDED", object("b", "11")).writeEvent("BOOKMARK", initialEventsEnd("12"));
    faults.route("GET", PATH, r -> "true".equals(r.query().get("sendInitialEvents")))
        .then(Reply.stream(first), refusal, Reply.stream(newest));
    // a list would bring "listed": it must not be asked for
    faults.route("GET", PATH).always(Reply.json(200, "{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"resourceVersion\":\"20\"},\"items\":[" + object("listed", "20") + "]}"));
    startInformerAgainstFaults();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer::hasSynced)).isTrue();
    assertThat(cacheState().keySet()).containsExactly("a");

    // the watch that carried the initial state expires: the reflector relists
    first.writeEvent("ERROR", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
        + "\"message\":\"too old resource version: 7 (9)\",\"reason\":\"Expired\",\"code\":410}");
    awaitTrue(Duration.ofSeconds(20), () -> cacheState().keySet().equals(java.util.Set.of("b")),
        () -> "the newest state streamed: " + cacheState() + ", requests " + faults.requests(PATH));

    List<Map<String, String>> queries = faults.requests(PATH).stream().map(RecordedRequest::query).collect(Collectors.toList());
    assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q).containsEntry("sendInitialEvents", "true")
        .containsEntry("resourceVersionMatch", "NotOlderThan").containsEntry("allowWatchBookmarks", "true"));
    assertThat(queries.get(0).getOrDefault("resourceVersion", "")).as("the first stream: newest state").isEmpty();
    // as client-go: after the watch expired, the relist asks for state not older than the last version seen ...
    assertThat(queries.get(1)).containsEntry("resourceVersion", "7");
    // ... and once the server says that version is unavailable, for the newest state, at once
    assertThat(queries.get(2).getOrDefault("resourceVersion", "")).as("the retry after " + how).isEmpty();
  }

  /**
   * The embedded server compacts its history while the informer is cut off: the watch that resumes
   * meets 410 Expired and the reflector relists, asking (as client-go) for state not older than the
   * last resourceVersion it saw.
   */
  @ParameterizedTest
  @EnumSource(value = ListMode.class, names = {"WATCH_LIST", "CACHED"})
  void afterAWatchExpiredByCompactionTheRelistAsksForStateNotOlderThanTheLastVersionSeen(ListMode mode)
      throws Exception {
    server = EmbeddedApiServer.builder().watchHistory(10_000).start();
    client = RestClient.create(server.restConfig());
    writes = new ResourceClient<>(client, CONFIGMAPS, ConfigMap.class, NS);
    for (int i = 0; i < 20; i++) {
      writes.create(ConfigMap.of(NS, "cm-" + i, "v" + i), CreateOptions.none());
    }
    proxy = FaultProxy.to(server.url());
    RestClient proxied = RestClient.builder(RestConfig.builder().server(proxy.url("http").toString()).qps(-1f).build())
        .build();
    try {
      ResourceClient<ConfigMap> reads = new ResourceClient<>(proxied, CONFIGMAPS, ConfigMap.class, NS);
      informer = SharedIndexInformer.builder(ListWatch.of(reads), ConfigMap.class)
          .reflectorOptions(ReflectorOptions.builder().listMode(mode).pageSize(PAGE)
              .backoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(2), 0.5).build())
          .build();
      InformerOverHttpTest.ViewHandler handler = new InformerOverHttpTest.ViewHandler();
      informer.addEventHandler(handler);
      informer.start();
      assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer::hasSynced)).isTrue();
      update("cm-0", "seen");
      assertConverged(handler);

      proxy.refuse();
      update("cm-1", "while-away");
      writes.delete("cm-2", DeleteOptions.none());
      writes.create(ConfigMap.of(NS, "late", "new"), CreateOptions.none());
      server.storage().compact(server.storage().revision());
      int before = proxy.requests().size();
      proxy.listen();
      assertConverged(handler);

      List<RecordedRequest> after = proxy.requests().subList(before, proxy.requests().size());
      int expiredWatch = indexOf(after, q -> "true".equals(q.get("watch")) && q.get("sendInitialEvents") == null);
      assertThat(expiredWatch).as("a plain watch resumed after the compaction: %s", after).isGreaterThanOrEqualTo(0);
      String lastSeen = after.get(expiredWatch).query().get("resourceVersion");
      assertThat(Long.parseLong(lastSeen)).as("the resumed watch is older than the compaction")
          .isLessThan(server.storage().revision() - 1);
      Map<String, String> relist = after.get(expiredWatch + 1).query();
      if (mode == ListMode.WATCH_LIST) {
        assertThat(relist).containsEntry("sendInitialEvents", "true").containsEntry("resourceVersionMatch", "NotOlderThan")
            .containsEntry("resourceVersion", lastSeen);
      } else {
        // not older than lastSeen, unpaged so that kube can answer from its watch cache
        assertThat(relist).doesNotContainKeys("watch", "limit", "resourceVersionMatch")
            .containsEntry("resourceVersion", lastSeen);
      }
      assertThat(cacheState()).containsKey("late").doesNotContainKey("cm-2");
      assertThat(cacheState().get("cm-1")).endsWith("=while-away");
    } finally {
      informer.stop();
      proxied.close();
    }
  }

  private static int indexOf(List<RecordedRequest> requests, java.util.function.Predicate<Map<String, String>> query) {
    for (int i = 0; i < requests.size(); i++) {
      if (query.test(requests.get(i).query())) {
        return i;
      }
    }
    return -1;
  }

  private static String initialEventsEnd(String rv) {
    return "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" + rv + "\","
        + "\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}}}";
  }

  /** Routes: the watch-list request gets {@code watchList}; a list gets a, b, c at 7; a plain watch gets the returned stream. */
  private ChunkedStream fallbackRoutes(Reply watchList) {
    faults.route("GET", PATH, r -> "true".equals(r.query().get("sendInitialEvents"))).then(watchList);
    ChunkedStream live = new ChunkedStream();
    faults.watchRoute(PATH).then(Reply.stream(live));
    faults.route("GET", PATH).always(Reply.json(200, "{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[" + object("a", "5") + "," + object("b", "6") + ","
        + object("c", "4") + "]}"));
    return live;
  }

  private void startInformerAgainstFaults() {
    client = RestClient.builder(RestConfig.builder().server(faults.url().toString()).qps(-1f).build()).build();
    ResourceClient<ConfigMap> configMaps = new ResourceClient<>(client, CONFIGMAPS, ConfigMap.class, NS);
    informer = SharedIndexInformer.builder(ListWatch.of(configMaps), ConfigMap.class)
        .reflectorOptions(ReflectorOptions.builder().listMode(ListMode.WATCH_LIST)
            .backoff(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMinutes(2), 0.5).build())
        .build();
    informer.start();
  }

  /** The watch-list request, then a list, then a plain watch from the list's resourceVersion. */
  private void assertFallbackRequests() {
    awaitTrue(Duration.ofSeconds(10), () -> faults.requests(PATH).size() >= 3, () -> "3 requests: " + faults.requests(PATH));
    List<Map<String, String>> queries = faults.requests(PATH).stream().map(RecordedRequest::query).collect(Collectors.toList());
    assertThat(queries.get(0)).containsEntry("sendInitialEvents", "true").containsEntry("resourceVersionMatch", "NotOlderThan")
        .containsEntry("allowWatchBookmarks", "true");
    assertThat(queries.get(1)).doesNotContainKeys("watch", "sendInitialEvents");
    assertThat(queries.get(2)).containsEntry("watch", "true").containsEntry("resourceVersion", "7")
        .doesNotContainKey("sendInitialEvents");
  }

  private static String object(String name, String rv) {
    return "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\","
        + "\"resourceVersion\":\"" + rv + "\"},\"data\":{\"value\":\"" + name + "\"}}";
  }

  private void update(String name, String value) {
    ConfigMap current = writes.get(name, null);
    current.getData().put("value", value);
    writes.update(current, UpdateOptions.none());
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

  private void assertConverged(InformerOverHttpTest.ViewHandler handler) {
    awaitTrue(Duration.ofSeconds(30), () -> {
      Map<String, String> expected = serverState();
      return cacheState().equals(expected) && new TreeMap<>(handler.view).equals(expected);
    }, () -> "cache (" + cacheState().size() + ") and handler equal the server (" + serverState().size() + ")");
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
}
