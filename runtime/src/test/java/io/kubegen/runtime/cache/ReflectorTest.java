package io.kubegen.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.ListMeta;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.workqueue.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReflectorTest {
  private static final ReflectorOptions FAST = ReflectorOptions.builder().pageSize(3)
      .backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMinutes(2), 0).build();
  private final FakeListWatch server = new FakeListWatch();
  private final Indexer<Thing> store = Cache.newIndexer(Map.of());
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private Reflector<Thing> reflector;
  private Thread thread;

  private final List<Throwable> runEndedWith = new CopyOnWriteArrayList<>();

  private void start(ListWatch<Thing> lw) {
    start(lw, FAST, store, Duration.ZERO);
  }

  private void start(ListWatch<Thing> lw, ReflectorOptions options, Store<Thing> target, Duration resync) {
    reflector = new Reflector<>("test", lw, Thing.class, target, resync, null, options);
    reflector.setWatchErrorHandler((r, e) -> errors.add(e));
    thread = new Thread(() -> {
      try {
        reflector.run();
      } catch (Throwable t) {
        runEndedWith.add(t);
      }
    }, "reflector-test");
    thread.start();
  }

  /** Options on a fake clock: calls get 60 s, backoff is a fixed second, watches ask for 1-2 s. */
  private static ReflectorOptions onFakeClock(FakeClock clock) {
    return ReflectorOptions.builder().clock(clock).callTimeout(Duration.ofSeconds(60))
        .minWatchTimeout(Duration.ofSeconds(1))
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(2), 0).build();
  }

  /** Moves the fake clock on a second at a time until {@code condition} holds. */
  private static void advanceUntil(FakeClock clock, BooleanSupplier condition, String what) {
    Eventually.until(Duration.ofSeconds(20), () -> {
      if (condition.getAsBoolean()) {
        return true;
      }
      clock.advance(Duration.ofSeconds(1));
      return false;
    }, () -> what);
  }

  /** Waits for {@code latch} ignoring interrupts, as a call stuck in a kernel or a careless library would. */
  private static void awaitIgnoringInterrupts(CountDownLatch latch, AtomicBoolean interrupted) {
    while (true) {
      try {
        if (latch.await(30, TimeUnit.SECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (reflector != null) {
      reflector.stop();
      thread.join(5000);
      assertThat(thread.isAlive()).isFalse();
    }
  }

  @Test
  void pagesFollowContinueTokensAndFallBackToAFullListWhenTheTokenExpired() {
    for (int i = 0; i < 10; i++) {
      server.put("a", "o" + i, "v");
    }
    server.setExpireContinueTokens(true);
    start(server);
    // the store is filled before the reflector records the list's resourceVersion: wait for both
    Eventually.until(() -> store.listKeys().size() == 10
        && reflector.lastSyncResourceVersion().equals(server.resourceVersion()), "all listed");
    List<ListOptions> seen = server.listOptionsSeen;
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).limit()).isEqualTo(3);
    assertThat(seen.get(1).continueToken()).isNotNull();
    assertThat(seen.get(2).limit()).as("full list without a limit").isNull();
    assertThat(seen.get(2).continueToken()).isNull();
    assertThat(reflector.lastSyncResourceVersion()).isEqualTo(server.resourceVersion());
    assertThat(errors).isEmpty();
  }

  @Test
  void cachedModeListsAtZeroThenAtTheLastVersionAndConsistentlyWhenThatVersionIsGone() {
    for (int i = 0; i < 5; i++) {
      server.put("a", "o" + i, "v");
    }
    List<ListOptions> lists = new CopyOnWriteArrayList<>();
    AtomicBoolean refuseVersionedList = new AtomicBoolean(true);
    start(ListWatch.of(o -> {
      lists.add(o);
      String rv = o.resourceVersion();
      if (rv != null && !rv.equals("0") && refuseVersionedList.getAndSet(false)) {
        throw new KubeApiException(Status.failure(410, "Expired", "too old resource version"));
      }
      return server.list(o);
    }, server::watch), ReflectorOptions.builder().pageSize(3).listMode(ListMode.CACHED)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMinutes(2), 0).build(), store, Duration.ZERO);
    Eventually.until(() -> server.openWatches() == 1, "watching");
    assertThat(lists.get(0).resourceVersion()).as("first list from the cache").isEqualTo("0");
    assertThat(lists.get(0).limit()).isEqualTo(3);
    assertThat(lists.get(1).resourceVersion()).as("continue pages carry no resourceVersion").isNull();
    int firstListCalls = lists.size();
    String seen = reflector.lastSyncResourceVersion();

    server.compactHistory();
    server.expireWatches();
    server.put("a", "late", "v");
    Eventually.until(() -> store.listKeys().size() == 6 && server.openWatches() == 1, "relisted and watching");
    ListOptions atLastSeen = lists.get(firstListCalls);
    assertThat(atLastSeen.resourceVersion()).as("relist not older than what was seen").isEqualTo(seen);
    assertThat(atLastSeen.limit()).as("a list at a resourceVersion is not paged").isNull();
    ListOptions consistent = lists.get(firstListCalls + 1);
    assertThat(consistent.resourceVersion()).as("after 410, the newest state").isNull();
    assertThat(consistent.limit()).isEqualTo(3);
  }

  @Test
  void tooManyRequestsOnWatchBacksOffAndRetriesTheWatchWithoutRelisting() {
    server.put("a", "x", "1");
    AtomicInteger refusals = new AtomicInteger(3);
    start(ListWatch.of(server::list, o -> {
      if (refusals.getAndDecrement() > 0) {
        throw new KubeApiException(Status.failure(429, "TooManyRequests", "slow down"));
      }
      return server.watch(o);
    }));
    Eventually.until(() -> server.openWatches() == 1, "watching");
    assertThat(server.listCalls.get()).isEqualTo(1);
    assertThat(reflector.watchCalls()).isEqualTo(4);
    assertThat(server.watchCalls.get()).isEqualTo(1);
    assertThat(errors).isEmpty();
  }

  @Test
  void aWatchThatEndsAtOnceWithoutEventsCountsAsAFailureAndRelists() {
    server.put("a", "x", "1");
    AtomicInteger emptyWatches = new AtomicInteger(2);
    start(ListWatch.of(server::list, o -> {
      Watch<Thing> w = server.watch(o);
      if (emptyWatches.getAndDecrement() > 0) {
        w.close();
      }
      return w;
    }));
    Eventually.until(() -> server.watchCalls.get() == 3 && server.openWatches() == 1, "watching for good");
    assertThat(server.listCalls.get()).isEqualTo(3);
    assertThat(errors).hasSize(2).allMatch(e -> e.getMessage().contains("very short watch"));
  }

  @Test
  void otherErrorsGoToTheHandlerAndTheReflectorRecovers() {
    server.put("a", "x", "1");
    AtomicInteger failures = new AtomicInteger(2);
    start(ListWatch.of(o -> {
      if (failures.getAndDecrement() > 0) {
        throw new KubeApiException(Status.failure(500, "InternalError", "etcd is sad"));
      }
      return server.list(o);
    }, server::watch));
    Eventually.until(() -> server.openWatches() == 1, "watching");
    assertThat(errors).hasSize(2).allMatch(e -> e.getMessage().contains("etcd is sad"));
    assertThat(store.listKeys()).containsExactly("a/x");
  }

  @Test
  void objectsOfTheWrongTypeInAListAreAnError() {
    List<Object> items = List.of("not a thing");
    @SuppressWarnings({"unchecked", "rawtypes"})
    io.kubegen.runtime.api.ObjectList<Thing> list = new io.kubegen.runtime.api.ObjectList(
        new io.kubegen.runtime.api.ListMeta("1", null), items);
    ListWatch<Thing> bad = ListWatch.of(o -> list, server::watch);
    start(bad);
    Eventually.until(() -> !errors.isEmpty(), "error reported");
    assertThat(errors.get(0)).hasMessageContaining("expected " + Thing.class.getName());
  }

  @Test
  void runTwiceIsRejected() {
    start(server);
    Eventually.until(() -> server.openWatches() == 1, "watching");
    assertThatThrownBy(reflector::run).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aListThatDoesNotAnswerIsAbandonedAtItsDeadlineAndRetriedAfterABackoff() throws Exception {
    server.put("a", "x", "1");
    FakeClock clock = new FakeClock();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicInteger lists = new AtomicInteger();
    try {
      start(ListWatch.of(o -> {
        if (lists.incrementAndGet() == 1) {
          entered.countDown();
          awaitIgnoringInterrupts(release, interrupted); // a stalled server
        }
        return server.list(o);
      }, server::watch), onFakeClock(clock), store, Duration.ZERO);
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofSeconds(59));
      assertThat(errors).as("still within the deadline").isEmpty();
      clock.advance(Duration.ofSeconds(1));
      Eventually.until(() -> errors.size() == 1, "the stalled list reported");
      assertThat(errors.get(0)).isInstanceOf(ListWatchTimeoutException.class).hasMessageContaining("list page 1");
      Eventually.until(interrupted::get, "the stalled call interrupted");
      advanceUntil(clock, () -> server.openWatches() == 1, "listed again after the backoff and watching");
      assertThat(lists.get()).isEqualTo(2);
      assertThat(store.listKeys()).containsExactly("a/x");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aWatchRequestThatDoesNotAnswerIsAbandonedAndRetriedWithoutRelistingAndItsLateWatchIsClosed() throws Exception {
    server.put("a", "x", "1");
    FakeClock clock = new FakeClock();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicInteger watches = new AtomicInteger();
    try {
      start(ListWatch.of(server::list, o -> {
        if (watches.incrementAndGet() == 1) {
          entered.countDown();
          awaitIgnoringInterrupts(release, interrupted);
        }
        return server.watch(o);
      }), onFakeClock(clock), store, Duration.ZERO);
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      advanceUntil(clock, () -> watches.get() == 2 && server.openWatches() == 1, "watching on the second try");
      assertThat(server.listCalls.get()).as("no relist").isEqualTo(1);
      assertThat(server.watchOptionsSeen.get(0).resourceVersion()).isEqualTo(reflector.lastSyncResourceVersion());
      assertThat(errors).isEmpty();
      release.countDown();
      Eventually.until(() -> server.watchCalls.get() == 2 && server.openWatches() == 1, "the late watch closed");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aWatchStillOpenAMinuteAfterTheTimeoutItAskedForIsReplacedFromTheLastResourceVersion() {
    server.put("a", "x", "1");
    FakeClock clock = new FakeClock();
    start(server, onFakeClock(clock), store, Duration.ZERO); // the fake server ignores timeoutSeconds
    Eventually.until(() -> server.openWatches() == 1, "watching");
    int asked = server.watchOptionsSeen.get(0).timeoutSeconds();
    assertThat(asked).isBetween(1, 2);
    server.put("a", "y", "1");
    Eventually.until(() -> store.listKeys().size() == 2
        && reflector.lastSyncResourceVersion().equals(server.resourceVersion()), "event seen and recorded");
    String rv = reflector.lastSyncResourceVersion();
    clock.advance(Duration.ofSeconds(asked).plus(Duration.ofSeconds(59)));
    assertThat(server.watchCalls.get()).as("within the grace").isEqualTo(1);
    advanceUntil(clock, () -> server.watchCalls.get() == 2 && server.openWatches() == 1, "watch replaced");
    assertThat(server.watchOptionsSeen.get(1).resourceVersion()).isEqualTo(rv);
    assertThat(server.listCalls.get()).isEqualTo(1);
    assertThat(errors).isEmpty();
  }

  @Test
  void theWatchAsksTheServerForATimeoutBetweenFiveAndTenMinutesAsClientGo() {
    server.put("a", "x", "1");
    start(server);
    for (int i = 1; i <= 20; i++) {
      int watchCalls = i;
      Eventually.until(() -> server.watchCalls.get() == watchCalls && server.openWatches() == 1, "watching");
      server.endWatches();
    }
    assertThat(server.watchOptionsSeen).extracting(ListOptions::timeoutSeconds)
        .allSatisfy(t -> assertThat(t).isBetween(300, 600));
    assertThat(server.watchOptionsSeen.stream().map(ListOptions::timeoutSeconds).distinct().count())
        .as("drawn at random").isGreaterThanOrEqualTo(10);
  }

  @Test
  void watchErrorEventsWith429Or5xxBackOffAndWatchAgainFromTheLastResourceVersion() {
    server.put("a", "x", "1");
    start(server);
    int[] codes = {503, 429, 500, 504};
    for (int i = 0; i < codes.length; i++) {
      int watchCalls = i + 1;
      Eventually.until(() -> server.watchCalls.get() == watchCalls && server.openWatches() == 1, "watching");
      server.put("a", "x", "v" + i);
      String rv = server.resourceVersion();
      Eventually.until(() -> reflector.lastSyncResourceVersion().equals(rv), "event seen");
      server.sendErrorToWatches(codes[i], codes[i] == 429 ? "TooManyRequests" : "InternalError");
      Eventually.until(() -> server.watchOptionsSeen.size() == watchCalls + 1, "watched again");
      assertThat(server.watchOptionsSeen.get(watchCalls).resourceVersion()).as("after ERROR %d", codes[i]).isEqualTo(rv);
    }
    assertThat(server.listCalls.get()).as("never relisted").isEqualTo(1);
    assertThat(errors).isEmpty();
    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.sendErrorToWatches(410, "Expired");
    Eventually.until(() -> server.listCalls.get() == 2, "410 relists");
    assertThat(errors).hasSize(1);
  }

  @Test
  void aPagedListIsAtTheResourceVersionOfItsFirstPageAndTheWatchStartsThere() {
    List<ListOptions> watchOptions = new CopyOnWriteArrayList<>();
    start(ListWatch.of(o -> {
      if (o.continueToken() == null) {
        return new ObjectList<>(new ListMeta("100", "page-2"), List.of(Thing.of("a", "one", "90", "v")));
      }
      // a server whose later pages report a newer resourceVersion than the snapshot they belong to
      return new ObjectList<>(new ListMeta("105", null), List.of(Thing.of("a", "two", "95", "v")));
    }, o -> {
      watchOptions.add(o);
      return new QueueWatch<>(null);
    }));
    Eventually.until(() -> !watchOptions.isEmpty(), "watching");
    assertThat(watchOptions.get(0).resourceVersion()).isEqualTo("100");
    assertThat(reflector.lastSyncResourceVersion()).isEqualTo("100");
    assertThat(store.listKeys()).containsExactlyInAnyOrder("a/one", "a/two");
  }

  @Test
  void aWatchErrorHandlerThatThrowsDoesNotStopTheReflector() {
    server.put("a", "x", "1");
    AtomicInteger failures = new AtomicInteger(3);
    reflector = new Reflector<>("test", ListWatch.of(o -> {
      if (failures.getAndDecrement() > 0) {
        throw new KubeApiException(Status.failure(500, "InternalError", "etcd is sad"));
      }
      return server.list(o);
    }, server::watch), Thing.class, store, Duration.ZERO, null, FAST);
    AtomicInteger handled = new AtomicInteger();
    reflector.setWatchErrorHandler((r, e) -> {
      handled.incrementAndGet();
      throw new IllegalStateException("a careless error handler");
    });
    thread = new Thread(reflector::run, "reflector-test");
    thread.start();
    Eventually.until(() -> server.openWatches() == 1, "watching despite the handler");
    assertThat(handled.get()).isEqualTo(3);
    assertThat(store.listKeys()).containsExactly("a/x");
  }

  @Test
  void aResyncThatThrowsIsLoggedAndTheNextOneStillHappens() {
    FakeClock clock = new FakeClock();
    AtomicInteger resyncs = new AtomicInteger();
    Indexer<Thing> target = new ForwardingIndexer(store) {
      @Override
      public void resync() {
        if (resyncs.incrementAndGet() == 1) {
          throw new IllegalStateException("first resync fails");
        }
      }
    };
    start(server, onFakeClock(clock), target, Duration.ofSeconds(10));
    Eventually.until(() -> server.openWatches() == 1, "watching");
    advanceUntil(clock, () -> resyncs.get() >= 2, "resynced again after the failure");
    assertThat(thread.isAlive()).isTrue();
  }

  @Test
  void anErrorEndsRunWhichThrowsIt() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    start(ListWatch.of(o -> {
      throw oom;
    }, server::watch));
    Eventually.until(() -> !thread.isAlive(), "run ended");
    assertThat(runEndedWith).containsExactly(oom);
    assertThat(errors).as("an error is not a list/watch failure to retry").isEmpty();
  }
}
