package io.kubegen.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.workqueue.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class SharedIndexInformerTest {
  private static final ReflectorOptions FAST = ReflectorOptions.builder()
      .backoff(Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMinutes(2), 0).build();

  private final FakeListWatch server = new FakeListWatch();
  private SharedIndexInformer<Thing> informer;

  @AfterEach
  void stopAndCheckThreads() {
    if (informer != null) {
      informer.stop();
    }
    Eventually.noThreadsNamed("informer-");
  }

  private SharedIndexInformer<Thing> informer(FifoMode mode) {
    informer = SharedIndexInformer.builder(server, Thing.class).fifoMode(mode).reflectorOptions(FAST).build();
    return informer;
  }

  private Map<String, String> cacheValues() {
    Map<String, String> out = new TreeMap<>();
    for (Thing t : informer.getIndexer().list()) {
      out.put(Cache.metaNamespaceKey(t), t.getValue());
    }
    return out;
  }

  private Map<String, String> serverValues() {
    Map<String, String> out = new TreeMap<>();
    server.snapshot().forEach((k, v) -> out.put(k, v.getValue()));
    return out;
  }

  private void awaitConverged(RecordingHandler... handlers) {
    Eventually.until(Duration.ofSeconds(20), () -> {
      Map<String, String> expected = serverValues();
      if (!cacheValues().equals(expected)) {
        return false;
      }
      for (RecordingHandler h : handlers) {
        if (!h.values().equals(expected)) {
          return false;
        }
      }
      return true;
    }, () -> "cache and handlers equal the server: server=" + serverValues().size() + " cache=" + cacheValues().size());
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void initialSyncOfManyObjectsIsPagedAndDeliveredAsInitialAdds(FifoMode mode) {
    for (int i = 0; i < 5_000; i++) {
      server.put("ns" + (i % 10), "obj" + i, "v" + i);
    }
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler handler = new RecordingHandler(false);
    ResourceEventHandlerRegistration reg = inf.addEventHandler(handler);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(20), inf, reg)).isTrue();
    assertThat(handler.initialAdds.get()).isEqualTo(5_000);
    assertThat(handler.adds.get()).isEqualTo(5_000);
    assertThat(server.listCalls.get()).isEqualTo(10);
    assertThat(server.listOptionsSeen).allMatch(o -> o.limit() == 500);
    assertThat(inf.lastSyncResourceVersion()).isEqualTo(server.resourceVersion());
    assertThat(inf.getIndexer().byIndex(Cache.NAMESPACE_INDEX, "ns3")).hasSize(500);
    awaitConverged(handler);
    Eventually.until(() -> server.openWatches() == 1, "watching");
    assertThat(server.watchOptionsSeen.get(0).resourceVersion()).isEqualTo(inf.lastSyncResourceVersion());
    assertThat(server.watchOptionsSeen.get(0).allowWatchBookmarks()).isTrue();
    assertThat(server.watchOptionsSeen.get(0).timeoutSeconds()).isBetween(300, 600);
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void liveChangesReachCacheAndHandlers(FifoMode mode) {
    server.put("a", "x", "1");
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler handler = new RecordingHandler(true);
    inf.addEventHandler(handler);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "y", "1");
    server.put("a", "x", "2");
    server.remove("a", "y");
    awaitConverged(handler);
    Eventually.until(() -> handler.log.size() == 4, "4 notifications");
    // per object, in order; across objects the compacting FIFO may reorder
    assertThat(handler.log.stream().filter(l -> l.contains("a/x"))).containsExactly(
        "add a/x@101=1 initial", "update a/x@101=1 -> a/x@103=2");
    assertThat(handler.log.stream().filter(l -> l.contains("a/y"))).containsExactly(
        "add a/y@102=1", "delete a/y@104=1");
    if (mode == FifoMode.IN_ORDER) {
      assertThat(handler.log).containsExactly(
          "add a/x@101=1 initial", "add a/y@102=1", "update a/x@101=1 -> a/x@103=2", "delete a/y@104=1");
    }
  }

  @Test
  void burstsOfChangesReachEveryHandlerCompleteAndInTheSameOrder() {
    server.put("a", "k0", "0");
    SharedIndexInformer<Thing> inf = informer(FifoMode.IN_ORDER);
    RecordingHandler[] handlers = {new RecordingHandler(true), new RecordingHandler(true), new RecordingHandler(true)};
    for (RecordingHandler h : handlers) {
      inf.addEventHandler(h);
    }
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    // more changes than one wake-up burst, offered as fast as the fake server takes them
    int changes = 1_000;
    for (int i = 1; i <= changes; i++) {
      server.put("a", "k" + (i % 7), "v" + i);
    }
    awaitConverged(handlers);
    Eventually.until(() -> handlers[0].log.size() == changes + 1 && handlers[1].log.size() == changes + 1
        && handlers[2].log.size() == changes + 1, "every handler told of every change");
    assertThat(handlers[0].log.get(0)).isEqualTo("add a/k0@101=0 initial");
    assertThat(handlers[1].log).isEqualTo(handlers[0].log);
    assertThat(handlers[2].log).isEqualTo(handlers[0].log);
    for (int i = 1; i < handlers[0].log.size(); i++) {
      // in-order mode: every change, in resourceVersion order (101 was the initial list)
      assertThat(handlers[0].log.get(i)).contains("@" + (101 + i) + "=v" + i);
    }
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void lateHandlerFirstGetsTheCacheAsAddsThenLiveChanges(FifoMode mode) {
    for (int i = 0; i < 200; i++) {
      server.put("a", "o" + i, "v");
    }
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler early = new RecordingHandler(false);
    inf.addEventHandler(early);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf)).isTrue();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    // changes race with the late registration: nothing may be missed or repeated
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 200; i++) {
        server.put("a", "late" + i, "w");
        server.put("a", "o" + i, "changed");
      }
    });
    writer.start();
    RecordingHandler late = new RecordingHandler(false);
    ResourceEventHandlerRegistration reg = inf.addEventHandler(late);
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), reg)).isTrue();
    assertThat(late.initialAdds.get()).isGreaterThanOrEqualTo(200);
    Eventually.until(() -> !writer.isAlive(), "writer done");
    awaitConverged(early, late);
    assertThat(late.adds.get()).as("each object added once").isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void watchEndOrBreakRewatchesFromLastVersionWithoutRelist(FifoMode mode) {
    server.put("a", "x", "1");
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler handler = new RecordingHandler(false);
    inf.addEventHandler(handler);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "x", "2");
    awaitConverged(handler);
    // the reflector records an event's resourceVersion just after queueing it: wait for both
    Eventually.until(() -> inf.lastSyncResourceVersion().equals(server.resourceVersion()), "resourceVersion recorded");
    String rvBeforeCut = inf.lastSyncResourceVersion();
    server.endWatches();
    server.put("a", "y", "1"); // happens while no watch is open: must be replayed
    Eventually.until(() -> server.openWatches() == 1, "watching again");
    server.breakWatches();
    server.put("a", "x", "3");
    server.remove("a", "y");
    Eventually.until(() -> server.openWatches() == 1, "watching again after break");
    awaitConverged(handler);
    assertThat(server.listCalls.get()).as("no relist").isEqualTo(1);
    assertThat(server.watchCalls.get()).isEqualTo(3);
    assertThat(server.watchOptionsSeen.get(1).resourceVersion()).isEqualTo(rvBeforeCut);
    assertThat(handler.tombstones.get()).isZero();
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void expiredResourceVersionRelistsAndDeliversTombstones(FifoMode mode) {
    for (int i = 0; i < 20; i++) {
      server.put("a", "o" + i, "v");
    }
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler handler = new RecordingHandler(true);
    inf.addEventHandler(handler);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    awaitConverged(handler);
    // the watch goes away; meanwhile objects change and the history is compacted
    server.setDown(true);
    server.setDown(false);
    synchronized (server) {
      for (int i = 0; i < 5; i++) {
        server.remove("a", "o" + i);
      }
      server.put("a", "o10", "changed");
      server.put("a", "new", "v");
      server.compactHistory();
    }
    Eventually.until(() -> server.listCalls.get() >= 2, "relisted");
    awaitConverged(handler);
    assertThat(handler.tombstones.get()).isEqualTo(5);
    assertThat(handler.log).contains("delete a/o0@101=v unknown", "update a/o10@111=v -> a/o10@126=changed");
    Eventually.until(() -> server.openWatches() == 1, "watching after relist");
  }

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void expiredErrorEventRelists(FifoMode mode) {
    server.put("a", "x", "1");
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler handler = new RecordingHandler(false);
    inf.addEventHandler(handler);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.expireWatches();
    Eventually.until(() -> server.listCalls.get() == 2, "relisted after ERROR 410");
    Eventually.until(() -> server.openWatches() == 1, "watching again");
    server.put("a", "x", "2");
    awaitConverged(handler);
  }

  @Test
  void bookmarksAdvanceTheResourceVersion() {
    server.put("a", "x", "1");
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    synchronized (server) {
      server.put("b", "other", "1");
      server.compactHistory();
    }
    server.bookmark();
    Eventually.until(() -> inf.lastSyncResourceVersion().equals(server.resourceVersion()), "bookmark seen");
  }

  @Test
  void slowHandlerDoesNotBlockOthersAndExposesItsBacklog() throws Exception {
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    CountDownLatch release = new CountDownLatch(1);
    ResourceEventHandlerRegistration slow = inf.addEventHandler(new ResourceEventHandler<Thing>() {
      @Override
      public void onAdd(Thing obj, boolean initial) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    RecordingHandler fast = new RecordingHandler(false);
    ResourceEventHandlerRegistration fastReg = inf.addEventHandler(fast);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    for (int i = 0; i < 100; i++) {
      server.put("a", "o" + i, "v");
    }
    awaitConverged(fast);
    assertThat(fastReg.hasSynced()).isTrue();
    assertThat(slow.pendingNotifications()).isGreaterThanOrEqualTo(99);
    release.countDown();
    Eventually.until(() -> slow.pendingNotifications() == 0, "slow handler catches up");
  }

  @Test
  void throwingHandlerKeepsGettingNotificationsAndErrorsAreReported() {
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger reported = new AtomicInteger();
    inf.setExceptionHandler((h, e) -> reported.incrementAndGet());
    inf.addEventHandler(new ResourceEventHandler<Thing>() {
      @Override
      public void onAdd(Thing obj, boolean initial) {
        calls.incrementAndGet();
        throw new IllegalStateException("handler bug");
      }
    });
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "1", "v");
    server.put("a", "2", "v");
    Eventually.until(() -> calls.get() == 2 && reported.get() == 2, "both delivered despite the errors");
  }

  @Test
  void removedHandlerGetsNothingMoreAndItsThreadEnds() {
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    RecordingHandler kept = new RecordingHandler(false);
    RecordingHandler removed = new RecordingHandler(false);
    inf.addEventHandler(kept);
    ResourceEventHandlerRegistration reg = inf.addEventHandler(removed);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "1", "v");
    awaitConverged(kept, removed);
    inf.removeEventHandler(reg);
    assertThat(reg.isRemoved()).isTrue();
    Eventually.noThreadsNamed("informer-Thing-handler-2");
    server.put("a", "2", "v");
    awaitConverged(kept);
    assertThat(removed.adds.get()).isEqualTo(1);
    assertThatThrownBy(() -> inf.removeEventHandler(reg)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transformAppliesBeforeCachingAndOnlyBeforeStart() {
    server.put("a", "x", "raw");
    SharedIndexInformer<Thing> inf = informer(FifoMode.IN_ORDER);
    inf.setTransform(t -> {
      t.setValue(t.getValue().toUpperCase());
      return t;
    });
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf)).isTrue();
    assertThat(inf.getIndexer().getByKey("a/x")).map(Thing::getValue).hasValue("RAW");
    assertThatThrownBy(() -> inf.setTransform(t -> t)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(inf::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resyncReachesOnlyHandlersThatAskedForIt() {
    FakeClock clock = new FakeClock();
    informer = SharedIndexInformer.builder(server, Thing.class)
        .reflectorOptions(ReflectorOptions.builder().clock(clock).build()).build();
    server.put("a", "1", "v");
    server.put("a", "2", "v");
    RecordingHandler resyncing = new RecordingHandler(false);
    RecordingHandler quiet = new RecordingHandler(false);
    informer.addEventHandler(resyncing, Duration.ofSeconds(10));
    informer.addEventHandler(quiet, Duration.ZERO);
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), informer)).isTrue();
    awaitConverged(resyncing, quiet);
    // the resync thread starts waiting when the informer starts, so its first period ends 10 s on
    // (at least: under load the clock may run on past the next period before the poll sees it)
    int first = advanceUntil(clock, Duration.ofSeconds(1), () -> resyncing.syncs.get() >= 2, "one resync of both objects");
    assertThat(first).isGreaterThanOrEqualTo(10);
    // the next period starts when the resync thread is back waiting, which the handler's view
    // does not tell: move the clock on a second at a time
    int second = advanceUntil(clock, Duration.ofSeconds(1), () -> resyncing.syncs.get() >= 4, "second resync");
    assertThat(first + second).isGreaterThanOrEqualTo(20);
    assertThat(quiet.updates.get()).isZero();
  }

  @Test
  void serverDownMeansSpacedOutRetriesThenRecovery() {
    FakeClock clock = new FakeClock();
    informer = SharedIndexInformer.builder(server, Thing.class)
        .reflectorOptions(ReflectorOptions.builder().clock(clock)
            .backoff(Duration.ofMillis(800), Duration.ofSeconds(30), Duration.ofMinutes(2), 0).build())
        .build();
    server.put("a", "1", "v");
    server.setDown(true);
    RecordingHandler handler = new RecordingHandler(false);
    informer.addEventHandler(handler);
    informer.start();
    Eventually.until(() -> server.listCalls.get() == 1, "first attempt");
    // 60 seconds of server downtime in 100 ms steps; backoff 0.8, 1.6, 3.2, 6.4, 12.8, 25.6 s
    for (int step = 0; step < 600; step++) {
      awaitReflectorWaiting();
      clock.advance(Duration.ofMillis(100));
      int calls = server.listCalls.get() + server.watchCalls.get();
      assertThat(calls).as("calls after %d ms", (step + 1) * 100).isLessThanOrEqualTo(7);
    }
    // the last advance may wake the reflector after the loop's check saw it still waiting
    Eventually.until(() -> server.listCalls.get() >= 7, "the attempt at 50.4 s");
    awaitReflectorWaiting();
    assertThat(server.listCalls.get()).as("tried at 0, 0.8, 2.4, 5.6, 12, 24.8 and 50.4 s").isEqualTo(7);
    assertThat(informer.hasSynced()).isFalse();
    server.setDown(false);
    server.put("a", "2", "v");
    clock.advance(Duration.ofSeconds(30));
    Eventually.until(() -> informer.hasSynced(), "synced after recovery");
    awaitConverged(handler);
  }

  /** Moves {@code clock} on by {@code step} until {@code condition} holds; returns the number of steps. */
  private static int advanceUntil(FakeClock clock, Duration step, java.util.function.BooleanSupplier condition,
      String what) {
    AtomicInteger steps = new AtomicInteger();
    Eventually.until(Duration.ofSeconds(20), () -> {
      if (condition.getAsBoolean()) {
        return true;
      }
      clock.advance(step);
      steps.incrementAndGet();
      return false;
    }, () -> what);
    return steps.get();
  }

  /**
   * Waits until the reflector thread sleeps in its backoff (not while it waits for a call's
   * answer), so the fake clock can move on.
   */
  private static void awaitReflectorWaiting() {
    Eventually.until(() -> Thread.getAllStackTraces().entrySet().stream()
        .anyMatch(e -> e.getKey().getName().equals("informer-Thing-reflector")
            && e.getKey().getState() == Thread.State.TIMED_WAITING
            && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith(".ClockWaiter"))),
        "reflector backing off");
  }

  @Test
  void stopJoinsEveryThreadAndRunReturns() throws Exception {
    SharedIndexInformer<Thing> inf = SharedIndexInformer.builder(server, Thing.class)
        .resync(Duration.ofSeconds(30)).reflectorOptions(FAST).name("stoppable").build();
    inf.addEventHandler(new RecordingHandler(false));
    Thread runner = new Thread(inf::run);
    runner.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .contains("informer-stoppable-reflector", "informer-stoppable-controller",
            "informer-stoppable-handler-1", "informer-stoppable-resync");
    inf.stop();
    runner.join(5000);
    assertThat(runner.isAlive()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(n -> n.startsWith("informer-stoppable"));
    assertThat(server.openWatches()).isZero();
    assertThatThrownBy(() -> inf.addEventHandler(new RecordingHandler(false))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stopWhileTheServerIsDownReturnsPromptly() {
    server.setDown(true);
    SharedIndexInformer<Thing> inf = SharedIndexInformer.create(server, Thing.class, Duration.ZERO, Map.of());
    informer = inf;
    inf.start();
    Eventually.until(() -> server.listCalls.get() >= 1, "tried");
    inf.stop();
    Eventually.noThreadsNamed("informer-");
  }

  @Test
  void customIndexersFromCreate() {
    server.put("a", "1", "red");
    server.put("b", "2", "red");
    server.put("b", "3", "blue");
    informer = SharedIndexInformer.create(server, Thing.class, null, Map.of("value", t -> List.of(t.getValue())));
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), informer)).isTrue();
    assertThat(informer.getIndexer().indexKeys("value", "red")).containsExactlyInAnyOrder("a/1", "b/2");
    assertThat(informer.getApiType()).isEqualTo(Thing.class);
  }

  @Test
  void waitForCacheSyncGivesUpAtTheDeadline() {
    server.setDown(true);
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    inf.start();
    long start = System.nanoTime();
    assertThat(Cache.waitForCacheSync(Duration.ofMillis(200), inf)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    assertThat(inf.hasSynced()).isFalse();
    assertThat(inf.lastSyncResourceVersion()).isEmpty();
  }

  @Test
  void registrationSyncsOnlyAfterItsHandlerSawTheInitialList() throws Exception {
    server.put("a", "1", "v");
    server.put("a", "2", "v");
    SharedIndexInformer<Thing> inf = informer(FifoMode.IN_ORDER);
    CountDownLatch release = new CountDownLatch(1);
    ResourceEventHandlerRegistration slow = inf.addEventHandler(new ResourceEventHandler<Thing>() {
      @Override
      public void onAdd(Thing obj, boolean initial) {
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf)).isTrue();
    assertThat(slow.hasSynced()).as("informer synced, handler still busy").isFalse();
    release.countDown();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), slow)).isTrue();
  }

  // ---- nothing dies silently ----

  /** A list-watch over the fake server whose list calls after the first throw {@code error}. */
  private ListWatch<Thing> listFailingAfterTheFirstWith(Error error) {
    AtomicInteger lists = new AtomicInteger();
    return ListWatch.of(o -> {
      if (lists.incrementAndGet() > 1) {
        throw error;
      }
      return server.list(o);
    }, server::watch);
  }

  @Test
  void anErrorOnTheReflectorThreadFailsTheInformerAndWaitForCacheSyncSaysFalseAtOnce() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    server.put("a", "x", "1");
    informer = SharedIndexInformer.builder(listFailingAfterTheFirstWith(oom), Thing.class).reflectorOptions(FAST)
        .name("doomed").build();
    RecordingHandler handler = new RecordingHandler(false);
    ResourceEventHandlerRegistration reg = informer.addEventHandler(handler);
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), informer, reg)).isTrue();
    assertThat(informer.isRunning()).isTrue();
    assertThat(informer.lastError()).isEmpty();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    Thread runner = new Thread(informer::run, "runner");
    runner.start();
    server.expireWatches(); // the relist hits the error
    Eventually.until(() -> informer.lastError().isPresent(), "failure recorded");
    Eventually.until(() -> !runner.isAlive(), "run() returned: the informer no longer runs");
    assertThat(informer.lastError()).containsSame(oom);
    assertThat(informer.isRunning()).isFalse();
    assertThat(informer.hasSynced()).isFalse();
    assertThat(reg.hasSynced()).isFalse();
    long start = System.nanoTime();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer)).isFalse();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), reg)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at once, not at the deadline").isLessThan(Duration.ofSeconds(10));
    Eventually.noThreadsNamed("informer-doomed-reflector");
    Eventually.noThreadsNamed("informer-doomed-controller");
    assertThat(informer.isStopped()).isFalse();
    assertThat(informer.toString()).contains("simulated");
  }

  @Test
  void anErrorInAHandlerEndsOnlyThatHandlerAndFailsTheInformer() {
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    inf.setExceptionHandler((h, e) -> reported.add(e));
    StackOverflowError overflow = new StackOverflowError("simulated");
    AtomicInteger badCalls = new AtomicInteger();
    ResourceEventHandlerRegistration bad = inf.addEventHandler(new ResourceEventHandler<Thing>() {
      @Override
      public void onUpdate(Thing oldObj, Thing newObj) {
        badCalls.incrementAndGet();
        throw overflow;
      }
    });
    RecordingHandler good = new RecordingHandler(false);
    ResourceEventHandlerRegistration goodReg = inf.addEventHandler(good);
    server.put("a", "x", "1");
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf, bad, goodReg)).isTrue();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "x", "2");
    Eventually.until(() -> inf.lastError().isPresent(), "failure recorded");
    assertThat(inf.lastError()).containsSame(overflow);
    assertThat(reported).containsExactly(overflow);
    assertThat(bad.hasSynced()).isFalse();
    assertThat(inf.isRunning()).isFalse();
    Eventually.noThreadsNamed("informer-Thing-handler-1");
    server.put("a", "x", "3");
    server.put("a", "y", "1");
    awaitConverged(good);
    assertThat(badCalls.get()).isEqualTo(1);
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), bad)).isFalse();
  }

  @Test
  void anErrorOnTheProcessingThreadFailsTheInformerAndStopsItsReflector() {
    informer = SharedIndexInformer.builder(server, Thing.class).reflectorOptions(FAST)
        .indexers(Map.of("value", t -> {
          if ("poison".equals(t.getValue())) {
            throw new OutOfMemoryError("simulated while indexing");
          }
          return List.of(t.getValue());
        })).build();
    server.put("a", "x", "1");
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), informer)).isTrue();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "x", "poison");
    Eventually.until(() -> informer.lastError().isPresent(), "failure recorded");
    assertThat(informer.lastError().get()).hasMessage("simulated while indexing");
    Eventually.until(() -> server.openWatches() == 0, "reflector stopped");
    Eventually.noThreadsNamed("informer-Thing-controller");
    Eventually.noThreadsNamed("informer-Thing-reflector");
    assertThat(informer.getIndexer().getByKey("a/x")).map(Thing::getValue).as("cache as before").hasValue("1");
  }

  @Test
  void anExceptionHandlerThatThrowsDoesNotStopDelivery() {
    SharedIndexInformer<Thing> inf = informer(FifoMode.IN_ORDER);
    inf.setExceptionHandler((h, e) -> {
      throw new IllegalStateException("a careless exception handler");
    });
    AtomicInteger adds = new AtomicInteger();
    ResourceEventHandlerRegistration reg = inf.addEventHandler(new ResourceEventHandler<Thing>() {
      @Override
      public void onAdd(Thing obj, boolean initial) {
        adds.incrementAndGet();
        throw new IllegalArgumentException("handler bug");
      }
    });
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "1", "v");
    server.put("a", "2", "v");
    server.put("a", "3", "v");
    Eventually.until(() -> adds.get() == 3, "every add delivered");
    assertThat(inf.lastError()).isEmpty();
    assertThat(reg.hasSynced()).isTrue();
  }

  @Test
  void aTransformThatThrowsLosesOnlyThatEventAndTheInformerGoesOn() {
    server.put("a", "x", "1");
    SharedIndexInformer<Thing> inf = informer(FifoMode.DELTA_FIFO);
    inf.setTransform(t -> {
      if (t.getValue().equals("poison")) {
        throw new IllegalArgumentException("cannot transform " + t.describe());
      }
      return t;
    });
    RecordingHandler handler = new RecordingHandler(false);
    inf.addEventHandler(handler);
    inf.start();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "bad", "poison");
    server.put("a", "good", "v");
    Eventually.until(() -> inf.getIndexer().getByKey("a/good").isPresent(), "later events still arrive");
    assertThat(inf.getIndexer().getByKey("a/bad")).isEmpty();
    assertThat(server.listCalls.get()).as("no relist").isEqualTo(1);
    assertThat(inf.isRunning()).isTrue();
  }

  @Test
  void anIndexFunctionThatThrowsLeavesCacheAndIndexesAsTheyWereUntilTheNextGoodUpdate() {
    informer = SharedIndexInformer.builder(server, Thing.class).reflectorOptions(FAST)
        .indexers(Map.of("value", t -> {
          if ("bad".equals(t.getValue())) {
            throw new IllegalStateException("cannot index bad");
          }
          return List.of(t.getValue());
        })).build();
    RecordingHandler handler = new RecordingHandler(true);
    informer.addEventHandler(handler);
    server.put("a", "x", "good");
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), informer)).isTrue();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("a", "x", "bad");
    server.put("a", "y", "other"); // processed after the bad update: the processing thread lives on
    Eventually.until(() -> informer.getIndexer().getByKey("a/y").isPresent(), "next change applied");
    assertThat(informer.getIndexer().getByKey("a/x")).map(Thing::describe).hasValue("a/x@101=good");
    assertThat(informer.getIndexer().indexKeys("value", "good")).containsExactly("a/x");
    assertThat(informer.getIndexer().listIndexFuncValues("value")).containsExactlyInAnyOrder("good", "other");
    server.put("a", "x", "fine");
    Eventually.until(() -> informer.getIndexer().indexKeys("value", "fine").contains("a/x"), "repaired");
    assertThat(informer.getIndexer().indexKeys("value", "good")).isEmpty();
    Eventually.until(() -> handler.log.size() == 3, "three notifications");
    assertThat(handler.log).containsExactly("add a/x@101=good initial", "add a/y@103=other",
        "update a/x@101=good -> a/x@104=fine");
    assertThat(informer.lastError()).isEmpty();
  }

  // ---- notifications as client-go ----

  @ParameterizedTest
  @EnumSource(FifoMode.class)
  void aRelistThatFindsObjectsUnchangedUpdatesEveryHandlerWhenNoneResyncs(FifoMode mode) {
    server.put("a", "1", "v");
    server.put("a", "2", "v");
    SharedIndexInformer<Thing> inf = informer(mode);
    RecordingHandler early = new RecordingHandler(true);
    inf.addEventHandler(early);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf)).isTrue();
    RecordingHandler late = new RecordingHandler(true);
    ResourceEventHandlerRegistration lateReg = inf.addEventHandler(late);
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), lateReg)).isTrue();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.expireWatches(); // relist: nothing changed
    Eventually.until(() -> server.listCalls.get() == 2, "relisted");
    for (RecordingHandler h : List.of(early, late)) {
      Eventually.until(() -> h.log.containsAll(List.of("update a/1@101=v -> a/1@101=v", "update a/2@102=v -> a/2@102=v")),
          "onUpdate(old, new) with the same resourceVersion for both objects");
      assertThat(h.syncs.get()).isEqualTo(2);
    }
  }

  @Test
  void withResyncOnlyHandlersFlaggedAtTheLastResyncCheckHearOfUnchangedObjectsAsClientGo() {
    FakeClock clock = new FakeClock();
    Duration step = Duration.ofMillis(100);
    informer = SharedIndexInformer.builder(server, Thing.class)
        .reflectorOptions(ReflectorOptions.builder().clock(clock).backoff(step, step, Duration.ofMinutes(2), 0).build())
        .build();
    server.put("a", "1", "v");
    RecordingHandler resyncing = new RecordingHandler(false);
    RecordingHandler quiet = new RecordingHandler(false);
    informer.addEventHandler(resyncing, Duration.ofSeconds(10));
    informer.addEventHandler(quiet, Duration.ZERO);
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), informer)).isTrue();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    // before the first resync check every handler is flagged (client-go's addListener): both hear it
    server.expireWatches();
    advanceUntil(clock, step, () -> resyncing.syncs.get() == 1 && quiet.syncs.get() == 1,
        "relisted after the backoff; both told of the unchanged object");
    Eventually.until(() -> server.openWatches() == 1, "watching again");
    // the check at 10 s flags the handler that is due and unflags the other
    advanceUntil(clock, Duration.ofSeconds(1), () -> resyncing.syncs.get() >= 2, "resync");
    int before = resyncing.syncs.get();
    server.expireWatches();
    advanceUntil(clock, step, () -> server.listCalls.get() == 3 && resyncing.syncs.get() > before, "flagged handler told");
    Eventually.until(() -> server.openWatches() == 1, "watching again");
    server.put("a", "2", "v"); // a real change reaches both, after the relist's notifications
    Eventually.until(() -> quiet.adds.get() == 2, "quiet handler got the new object");
    assertThat(quiet.syncs.get()).as("unflagged since the check").isEqualTo(1);
    assertThat(server.listCalls.get()).isEqualTo(3);
  }
}
