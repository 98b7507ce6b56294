package io.kubegen.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.watch.Watch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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

  private void start(ListWatch<Thing> lw) {
    reflector = new Reflector<>("test", lw, Thing.class, store, Duration.ZERO, null, FAST);
    reflector.setWatchErrorHandler((r, e) -> errors.add(e));
    thread = new Thread(reflector::run, "reflector-test");
    thread.start();
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
    Eventually.until(() -> store.listKeys().size() == 10, "all listed");
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
}
