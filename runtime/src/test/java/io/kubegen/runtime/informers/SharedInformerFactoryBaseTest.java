package io.kubegen.runtime.informers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.ListMeta;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.cache.Eventually;
import io.kubegen.runtime.cache.FakeListWatch;
import io.kubegen.runtime.cache.ListMode;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.cache.Thing;
import io.kubegen.runtime.watch.QueueWatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedInformerFactoryBaseTest {

  /** A factory shaped like a generated one, over an in-memory server. */
  static final class ThingFactory extends SharedInformerFactoryBase {
    final FakeListWatch server;
    final List<Duration> resyncsUsed = new CopyOnWriteArrayList<>();
    final AtomicInteger built = new AtomicInteger();

    ThingFactory(FakeListWatch server, Duration resync, SharedInformerOption... options) {
      super(resync, options);
      this.server = server;
    }

    SharedIndexInformer<Thing> things() {
      return informerFor(Thing.class, resync -> {
        built.incrementAndGet();
        resyncsUsed.add(resync);
        return SharedIndexInformer.create(listWatch(server), Thing.class, resync, Map.of());
      });
    }
  }

  @Test
  void reflectorOptionsAndListModeApplyFactoryWideAndPerTypeWithTheMostSpecificWinning() {
    ReflectorOptions small = ReflectorOptions.builder().pageSize(7).callTimeout(Duration.ofSeconds(3)).build();
    ReflectorOptions forString = ReflectorOptions.builder().pageSize(9).listMode(ListMode.CACHED).build();
    ThingFactory f = new ThingFactory(new FakeListWatch(), Duration.ZERO,
        SharedInformerOption.listMode(Integer.class, ListMode.CONSISTENT_PAGED),
        SharedInformerOption.reflectorOptions(String.class, forString),
        SharedInformerOption.listMode(ListMode.WATCH_LIST),
        SharedInformerOption.reflectorOptions(small),
        SharedInformerOption.listMode(Long.class, ListMode.CONSISTENT_PAGED),
        SharedInformerOption.reflectorOptions(Long.class, forString));

    ReflectorOptions any = f.reflectorOptionsFor(Thing.class);
    assertThat(any.listMode()).isEqualTo(ListMode.WATCH_LIST);
    assertThat(any.pageSize()).isEqualTo(7);
    assertThat(any.callTimeout()).isEqualTo(Duration.ofSeconds(3));
    // a per-type list mode keeps the factory-wide tuning, given before or after it
    assertThat(f.reflectorOptionsFor(Integer.class).listMode()).isEqualTo(ListMode.CONSISTENT_PAGED);
    assertThat(f.reflectorOptionsFor(Integer.class).pageSize()).isEqualTo(7);
    // per-type reflector options replace the factory-wide ones, list mode included
    assertThat(f.reflectorOptionsFor(String.class)).isSameAs(forString);
    // ... and a per-type list mode still changes them
    assertThat(f.reflectorOptionsFor(Long.class).listMode()).isEqualTo(ListMode.CONSISTENT_PAGED);
    assertThat(f.reflectorOptionsFor(Long.class).pageSize()).isEqualTo(9);

    ThingFactory plain = new ThingFactory(new FakeListWatch(), Duration.ZERO);
    assertThat(plain.reflectorOptionsFor(Thing.class)).isSameAs(ReflectorOptions.defaults());
    assertThatThrownBy(() -> SharedInformerOption.listMode(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SharedInformerOption.reflectorOptions(Thing.class, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void oneInformerPerTypeStartIdempotentAndSyncReported() {
    FakeListWatch server = new FakeListWatch();
    server.put("a", "x", "1");
    ThingFactory f = new ThingFactory(server, Duration.ofMinutes(10));
    SharedIndexInformer<Thing> i1 = f.things();
    assertThat(f.things()).isSameAs(i1);
    assertThat(f.built.get()).isEqualTo(1);
    assertThat(f.waitForCacheSync(Duration.ofMillis(10))).isEmpty();
    f.start();
    f.start();
    assertThat(i1.isStarted()).isTrue();
    assertThat(f.waitForCacheSync(Duration.ofSeconds(10))).isEqualTo(Map.of(Thing.class, true));
    assertThat(f.resyncsUsed).containsExactly(Duration.ofMinutes(10));
    assertThat(server.listCalls.get()).isEqualTo(1);
    f.shutdown();
    f.shutdown();
    assertThat(i1.isStopped()).isTrue();
    Eventually.noThreadsNamed("informer-");
    assertThatThrownBy(f::things).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void optionsReachTheInformers() {
    FakeListWatch server = new FakeListWatch();
    server.put("a", "x", "raw");
    ThingFactory f = new ThingFactory(server, Duration.ZERO,
        SharedInformerOption.namespace("a"),
        SharedInformerOption.tweakListOptions(o -> o.toBuilder().labelSelector("app=demo").build()),
        SharedInformerOption.customResync(Thing.class, Duration.ofSeconds(42)),
        SharedInformerOption.transform(o -> {
          ((Thing) o).setValue("transformed");
          return o;
        }));
    assertThat(f.namespace()).isEqualTo("a");
    assertThat(f.resyncFor(Thing.class)).isEqualTo(Duration.ofSeconds(42));
    assertThat(f.resyncFor(String.class)).isEqualTo(Duration.ZERO);
    SharedIndexInformer<Thing> inf = f.things();
    f.start();
    assertThat(f.waitForCacheSync(Duration.ofSeconds(10))).containsEntry(Thing.class, true);
    assertThat(server.listOptionsSeen).extracting(ListOptions::labelSelector).containsOnly("app=demo");
    Eventually.until(() -> !server.watchOptionsSeen.isEmpty(), "watching");
    assertThat(server.watchOptionsSeen).extracting(ListOptions::labelSelector).containsOnly("app=demo");
    assertThat(inf.getIndexer().getByKey("a/x")).map(Thing::getValue).hasValue("transformed");
    f.shutdown();
    Eventually.noThreadsNamed("informer-");
  }

  @Test
  void informersRequestedAfterStartAreStartedByTheNextStart() {
    FakeListWatch server = new FakeListWatch();
    ThingFactory f = new ThingFactory(server, null);
    f.start();
    SharedIndexInformer<Thing> inf = f.things();
    assertThat(inf.isStarted()).isFalse();
    f.start();
    assertThat(inf.isStarted()).isTrue();
    f.shutdown();
    Eventually.noThreadsNamed("informer-");
  }

  @Test
  void negativeResyncIsRejected() {
    assertThatThrownBy(() -> new ThingFactory(new FakeListWatch(), Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }

  /** A second resource type for factories with two informers. */
  public static final class Widget extends Thing {}

  /** An empty, quiet list-watch of widgets (the list is empty, the watch never sends anything). */
  static ListWatch<Widget> widgets() {
    return ListWatch.of(o -> new ObjectList<>(new ListMeta("1", null), List.of()), o -> new QueueWatch<>(null));
  }

  @Test
  void startStartsEveryInformerEvenWhenOneFailsAndReportsTheFailure() {
    FakeListWatch server = new FakeListWatch();
    ThingFactory f = new ThingFactory(server, Duration.ZERO);
    SharedIndexInformer<Thing> broken = f.things();
    broken.stop(); // a stopped informer refuses to start
    SharedIndexInformer<Widget> fine = f.informerFor(Widget.class,
        resync -> SharedIndexInformer.create(widgets(), Widget.class, resync, Map.of()));
    assertThatThrownBy(f::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 of 2 informers failed to start").hasMessageContaining(Thing.class.getName())
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(fine.isStarted()).as("started although the first one failed").isTrue();
    long start = System.nanoTime();
    assertThat(f.waitForCacheSync(Duration.ofSeconds(30))).containsEntry(Thing.class, false).containsEntry(Widget.class, true);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    f.start(); // nothing left to start: no error
    f.shutdown();
    Eventually.noThreadsNamed("informer-");
  }

  @Test
  void waitForCacheSyncIsFalseAtOnceForAnInformerWhoseThreadsFailed() {
    ThingFactory f = new ThingFactory(new FakeListWatch(), Duration.ZERO);
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    SharedIndexInformer<Widget> doomed = f.informerFor(Widget.class, resync -> SharedIndexInformer.create(
        ListWatch.<Widget>of(o -> {
          throw oom;
        }, o -> new QueueWatch<>(null)), Widget.class, resync, Map.of()));
    SharedIndexInformer<Thing> healthy = f.things();
    f.start();
    Eventually.until(() -> doomed.lastError().isPresent(), "failed");
    long start = System.nanoTime();
    assertThat(f.waitForCacheSync(Duration.ofSeconds(30))).containsEntry(Widget.class, false).containsEntry(Thing.class, true);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(healthy.isRunning()).isTrue();
    assertThat(doomed.isRunning()).isFalse();
    f.shutdown();
    Eventually.noThreadsNamed("informer-");
  }
}
