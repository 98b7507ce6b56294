package io.kubegen.apiserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Storage} promises, run against each implementation by a subclass: CRUD,
 * 409 on stale revisions, consistent paging under concurrent writes, watch replay, 410 after
 * compaction and progress for bookmarks.
 */
@Timeout(60)
abstract class StorageContractTest {
  /** Each test gets a resource name of its own, so storages shared between tests do not mix. */
  private static int serial;

  protected Storage storage;
  protected String resource;

  /** A fresh storage, or a shared one (resources are unique per test). */
  protected abstract Storage open();

  /** Releases what {@link #open()} returned. */
  protected abstract void release(Storage storage);

  @BeforeEach
  void setUp() {
    storage = open();
    resource = "widgets" + (++serial) + "-" + System.nanoTime() + ".contract.kubegen.io";
  }

  @AfterEach
  void tearDown() {
    release(storage);
  }

  static ObjectNode object(int value) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("apiVersion", "contract.kubegen.io/v1").put("kind", "Widget");
    o.putObject("metadata");
    o.put("value", value);
    return o;
  }

  static int value(StoredObject o) { return o.object().get("value").asInt(); }

  private static StorageException.Reason reasonOf(Runnable r) {
    try {
      r.run();
    } catch (StorageException e) {
      return e.reason();
    }
    return null;
  }

  @Test
  void createGetUpdateDeleteWithOptimisticConcurrency() {
    StoredObject a = storage.create(resource, "ns", "a", object(1));
    assertThat(a.revision()).isPositive();
    assertThat(a.object().at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(a.revision()));
    assertThat(storage.revision()).isGreaterThanOrEqualTo(a.revision());

    StoredObject read = storage.get(resource, "ns", "a");
    assertThat(read.revision()).isEqualTo(a.revision());
    assertThat(read.key()).isEqualTo("ns/a");
    assertThat(value(read)).isEqualTo(1);
    assertThat(read.object().at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(a.revision()));
    assertThat(storage.get(resource, "ns", "missing")).isNull();
    assertThat(storage.get(resource, "other", "a")).isNull();

    assertThat(reasonOf(() -> storage.create(resource, "ns", "a", object(2)))).isEqualTo(StorageException.Reason.ALREADY_EXISTS);
    StoredObject b = storage.update(resource, "ns", "a", a.revision(), object(2));
    assertThat(b.revision()).isGreaterThan(a.revision());
    assertThat(value(storage.get(resource, "ns", "a"))).isEqualTo(2);
    assertThat(reasonOf(() -> storage.update(resource, "ns", "a", a.revision(), object(3)))).isEqualTo(StorageException.Reason.CONFLICT);
    assertThat(reasonOf(() -> storage.update(resource, "ns", "missing", 1, object(3)))).isEqualTo(StorageException.Reason.NOT_FOUND);
    assertThat(reasonOf(() -> storage.update(resource, "ns", "missing", 0, object(3)))).isEqualTo(StorageException.Reason.NOT_FOUND);
    StoredObject c = storage.update(resource, "ns", "a", 0, object(3));
    assertThat(c.revision()).isGreaterThan(b.revision());

    assertThat(reasonOf(() -> storage.delete(resource, "ns", "a", b.revision()))).isEqualTo(StorageException.Reason.CONFLICT);
    StoredObject gone = storage.delete(resource, "ns", "a", c.revision());
    assertThat(gone.revision()).isGreaterThan(c.revision());
    assertThat(value(gone)).isEqualTo(3);
    assertThat(gone.object().at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(gone.revision()));
    assertThat(storage.get(resource, "ns", "a")).isNull();
    assertThat(reasonOf(() -> storage.delete(resource, "ns", "a", 0))).isEqualTo(StorageException.Reason.NOT_FOUND);

    StoredObject cluster = storage.create(resource, null, "c", object(4));
    assertThat(cluster.namespace()).isNull();
    assertThat(storage.get(resource, null, "c").key()).isEqualTo("c");
  }

  @Test
  void listsFilterByNamespaceAndPredicateInKeyOrder() {
    storage.create(resource, "b-ns", "x", object(1));
    storage.create(resource, "a-ns", "y", object(2));
    storage.create(resource, "a-ns", "x", object(3));
    storage.create(resource, "a", "z", object(4));
    ListPage all = storage.list(resource, null, 0, null, 0, o -> true);
    assertThat(all.items()).extracting(StoredObject::key).containsExactly("a-ns/x", "a-ns/y", "a/z", "b-ns/x");
    assertThat(all.nextKey()).isNull();
    assertThat(all.revision()).isGreaterThanOrEqualTo(all.items().stream().mapToLong(StoredObject::revision).max().orElseThrow());
    assertThat(storage.list(resource, "a", 0, null, 0, o -> true).items()).extracting(StoredObject::key).containsExactly("a/z");
    assertThat(storage.list(resource, "a-ns", 0, null, 0, o -> value(o) > 2).items())
        .extracting(StoredObject::key).containsExactly("a-ns/x");
    ListPage first = storage.list(resource, null, 0, null, 2, o -> value(o) != 2);
    assertThat(first.items()).extracting(StoredObject::key).containsExactly("a-ns/x", "a/z");
    ListPage second = storage.list(resource, null, first.revision(), first.nextKey(), 2, o -> value(o) != 2);
    assertThat(second.items()).extracting(StoredObject::key).containsExactly("b-ns/x");
    assertThat(second.nextKey()).isNull();
    ListPage exact = storage.list(resource, null, 0, null, 4, o -> true);
    assertThat(exact.items()).hasSize(4);
    assertThat(exact.nextKey()).as("no continue when nothing follows").isNull();
  }

  @Test
  void continuePagesShowTheFirstPagesSnapshot() {
    for (int i = 1; i <= 6; i++) {
      storage.create(resource, "ns", "o" + i, object(i));
    }
    ListPage first = storage.list(resource, "ns", 0, null, 2, o -> true);
    assertThat(first.items()).extracting(StoredObject::name).containsExactly("o1", "o2");
    long snapshot = first.revision();
    // After the snapshot: an object created and then changed again, one changed, one deleted, one new at the end.
    StoredObject created = storage.create(resource, "ns", "o3a", object(30));
    storage.update(resource, "ns", "o3a", created.revision(), object(31));
    storage.update(resource, "ns", "o4", 0, object(40));
    storage.delete(resource, "ns", "o5", 0);
    storage.create(resource, "ns", "o9", object(9));

    ListPage second = storage.list(resource, "ns", snapshot, first.nextKey(), 2, o -> true);
    assertThat(second.revision()).isEqualTo(snapshot);
    assertThat(second.items()).extracting(StoredObject::name).containsExactly("o3", "o4");
    assertThat(value(second.items().get(1))).isEqualTo(4);
    ListPage third = storage.list(resource, "ns", snapshot, second.nextKey(), 2, o -> true);
    assertThat(third.items()).extracting(StoredObject::name).containsExactly("o5", "o6");
    assertThat(third.nextKey()).isNull();
    assertThat(storage.list(resource, "ns", 0, null, 0, o -> true).items()).extracting(StoredObject::name)
        .containsExactly("o1", "o2", "o3", "o3a", "o4", "o6", "o9");
  }

  /** One committed write as its writer saw it: the state of a key from {@code revision} on (null: deleted). */
  private record Write(long revision, String name, Integer value) {}

  @Test
  void pagedListsUnderConcurrentWritesAreExactSnapshots() throws Exception {
    int writers = 3;
    int writesEach = 150;
    int keys = 24;
    ConcurrentLinkedQueue<Write> log = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (int k = 0; k < keys; k += 2) {
      StoredObject o = storage.create(resource, "ns", name(k), object(k));
      log.add(new Write(o.revision(), name(k), k));
    }
    long before = storage.revision();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    for (int w = 0; w < writers; w++) {
      int seed = w;
      pool.execute(() -> {
        Random random = new Random(seed);
        try {
          go.await();
          for (int i = 0; i < writesEach; i++) {
            String name = name(random.nextInt(keys));
            int v = random.nextInt(1000);
            try {
              StoredObject current = storage.get(resource, "ns", name);
              if (current == null) {
                log.add(new Write(storage.create(resource, "ns", name, object(v)).revision(), name, v));
              } else if (random.nextInt(4) == 0) {
                log.add(new Write(storage.delete(resource, "ns", name, current.revision()).revision(), name, null));
              } else {
                log.add(new Write(storage.update(resource, "ns", name, current.revision(), object(v)).revision(), name, v));
              }
            } catch (StorageException e) {
              if (e.reason() == StorageException.Reason.UNAVAILABLE || e.reason() == StorageException.Reason.GONE) {
                throw e;
              }
              // lost a race with another writer: fine, nothing was written
            }
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      });
    }
    List<ListPage[]> lists = new ArrayList<>();
    go.countDown();
    pool.shutdown();
    while (!pool.isTerminated()) {
      List<ListPage> pages = new ArrayList<>();
      ListPage page = storage.list(resource, "ns", 0, null, 3, o -> true);
      pages.add(page);
      while (page.nextKey() != null) {
        page = storage.list(resource, "ns", page.revision(), page.nextKey(), 3, o -> true);
        pages.add(page);
      }
      lists.add(pages.toArray(ListPage[]::new));
    }
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(failures).isEmpty();
    assertThat(lists).isNotEmpty();
    assertThat(storage.revision()).isGreaterThan(before);
    List<Write> writes = new ArrayList<>(log);
    writes.sort((a, b) -> Long.compare(a.revision(), b.revision()));
    int checkedWithChangesBetweenPages = 0;
    for (ListPage[] pages : lists) {
      long at = pages[0].revision();
      Map<String, Integer> expected = new TreeMap<>();
      for (Write w : writes) {
        if (w.revision() <= at) {
          if (w.value() == null) {
            expected.remove(w.name());
          } else {
            expected.put(w.name(), w.value());
          }
        }
      }
      Map<String, Integer> listed = new TreeMap<>();
      for (ListPage p : pages) {
        assertThat(p.revision()).isEqualTo(at);
        for (StoredObject o : p.items()) {
          assertThat(o.revision()).isLessThanOrEqualTo(at);
          assertThat(listed.put(o.name(), value(o))).as("listed twice: %s", o.name()).isNull();
        }
      }
      assertThat(listed).as("the paged list at %d", at).isEqualTo(expected);
      if (pages.length > 1 && writes.stream().anyMatch(w -> w.revision() > at)) {
        checkedWithChangesBetweenPages++;
      }
    }
    assertThat(checkedWithChangesBetweenPages).as("lists that raced writes").isPositive();
  }

  private static String name(int k) { return String.format("k%02d", k); }

  /** A sink that queues what it gets. */
  static final class Collector implements WatchSink {
    final BlockingQueue<StorageEvent> events = new LinkedBlockingQueue<>();
    final AtomicReference<StorageException> ended = new AtomicReference<>();
    final CountDownLatch endedLatch = new CountDownLatch(1);

    @Override public void accept(StorageEvent e) { events.add(e); }

    @Override public void ended(StorageException why) {
      ended.set(why);
      endedLatch.countDown();
    }

    StorageEvent next() throws InterruptedException {
      StorageEvent e = events.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("an event within 10 s").isNotNull();
      return e;
    }
  }

  @Test
  void watchReplaysFromARevisionThenFollowsLive() throws Exception {
    long start = storage.revision();
    StoredObject a = storage.create(resource, "ns", "a", object(1));
    StoredObject a2 = storage.update(resource, "ns", "a", a.revision(), object(2));
    storage.create(resource, "other", "b", object(5));
    Collector sink = new Collector();
    try (WatchRegistration w = storage.watch(resource, start, false, sink)) {
      assertThat(w.startRevision()).isEqualTo(start);
      assertThat(w.initial()).isEmpty();
      StorageEvent e1 = sink.next();
      assertThat(e1.type()).isEqualTo(StorageEvent.Type.ADDED);
      assertThat(e1.revision()).isEqualTo(a.revision());
      assertThat(e1.previous()).isNull();
      StorageEvent e2 = sink.next();
      assertThat(e2.type()).isEqualTo(StorageEvent.Type.MODIFIED);
      assertThat(value(e2.object())).isEqualTo(2);
      assertThat(e2.previous().revision()).isEqualTo(a.revision());
      assertThat(value(e2.previous())).isEqualTo(1);
      assertThat(sink.next().key()).isEqualTo("other/b");
      StoredObject gone = storage.delete(resource, "ns", "a", a2.revision());
      StorageEvent e4 = sink.next();
      assertThat(e4.type()).isEqualTo(StorageEvent.Type.DELETED);
      assertThat(e4.revision()).isEqualTo(gone.revision());
      assertThat(value(e4.object())).isEqualTo(2);
      assertThat(e4.object().object().at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(gone.revision()));
      assertThat(e4.previous().revision()).isEqualTo(a2.revision());
      StoredObject c = storage.create(resource, null, "c", object(7));
      assertThat(sink.next().revision()).isEqualTo(c.revision());
    }
    storage.create(resource, null, "after-close", object(8));
    assertThat(sink.events.poll(300, TimeUnit.MILLISECONDS)).as("nothing after close").isNull();
  }

  @Test
  void watchFromNowCarriesTheInitialStateAndThenOnlyNewChanges() throws Exception {
    storage.create(resource, "ns", "a", object(1));
    storage.create(resource, "ns", "b", object(2));
    Collector sink = new Collector();
    try (WatchRegistration w = storage.watch(resource, -1, true, sink)) {
      assertThat(w.initial()).extracting(StoredObject::key).containsExactlyInAnyOrder("ns/a", "ns/b");
      StoredObject c = storage.create(resource, "ns", "c", object(3));
      StorageEvent e = sink.next();
      assertThat(e.revision()).isEqualTo(c.revision()).isGreaterThan(w.startRevision());
      assertThat(sink.events).isEmpty();
    }
  }

  @Test
  void compactedRevisionsAreGoneForListsAndWatches() throws Exception {
    long old = storage.create(resource, "ns", "first", object(0)).revision();
    StoredObject a = storage.create(resource, "ns", "a", object(1));
    storage.update(resource, "ns", "a", a.revision(), object(2));
    storage.create(resource, "ns", "b", object(3));
    long now = storage.revision();
    storage.compact(now);
    storage.compact(now); // again: a no-op
    assertThat(reasonOf(() -> storage.list(resource, "ns", old, null, 0, o -> true))).isEqualTo(StorageException.Reason.GONE);
    Collector sink = new Collector();
    StorageException.Reason watched = reasonOf(() -> storage.watch(resource, old, false, sink).close());
    if (watched == null) {
      assertThat(sink.endedLatch.await(10, TimeUnit.SECONDS)).as("the watch ends").isTrue();
      watched = sink.ended.get().reason();
    }
    assertThat(watched).isEqualTo(StorageException.Reason.GONE);
    assertThat(storage.list(resource, "ns", now, null, 0, o -> true).items()).hasSize(3);
    Collector fresh = new Collector();
    try (WatchRegistration w = storage.watch(resource, now, false, fresh)) {
      StoredObject c = storage.create(resource, "ns", "c", object(4));
      assertThat(fresh.next().revision()).isEqualTo(c.revision());
    }
  }

  @Test
  void quietWatchesProgressPastChangesOfOtherResources() throws Exception {
    Collector sink = new Collector();
    try (WatchRegistration w = storage.watch(resource, -1, false, sink)) {
      long started = w.startRevision();
      assertThat(w.progressRevision()).isGreaterThanOrEqualTo(started);
      long elsewhere = 0;
      for (int i = 0; i < 3; i++) {
        elsewhere = storage.create(resource + "-other", "ns", "o" + i, object(i)).revision();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      AtomicBoolean reached = new AtomicBoolean();
      while (System.nanoTime() < deadline) {
        if (w.progressRevision() >= elsewhere) {
          reached.set(true);
          break;
        }
        sink.events.poll(50, TimeUnit.MILLISECONDS);
      }
      assertThat(reached).as("progress reached %d, is %d", elsewhere, w.progressRevision()).isTrue();
      assertThat(sink.events).isEmpty();
      StoredObject mine = storage.create(resource, "ns", "mine", object(1));
      assertThat(sink.next().revision()).isEqualTo(mine.revision());
      // A storage may move its progress just after handing the change over, so wait for it.
      long moved = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (w.progressRevision() < mine.revision() && System.nanoTime() < moved) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      assertThat(w.progressRevision()).isGreaterThanOrEqualTo(mine.revision());
    }
  }

  @Test
  void watchesDeliverEveryChangeOfConcurrentWritersInRevisionOrder() throws Exception {
    Collector sink = new Collector();
    int writers = 4;
    int each = 40;
    Map<Long, String> written = new HashMap<>();
    try (WatchRegistration w = storage.watch(resource, -1, false, sink)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<java.util.concurrent.Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        int writer = t;
        futures.add(pool.submit(() -> {
          List<Long> revs = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            revs.add(storage.create(resource, "w" + writer, "o" + i, object(i)).revision());
          }
          return revs;
        }));
      }
      for (var f : futures) {
        for (long r : f.get(30, TimeUnit.SECONDS)) {
          written.put(r, "x");
        }
      }
      pool.shutdown();
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < writers * each; i++) {
        seen.add(sink.next().revision());
      }
      assertThat(seen).isSorted().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written.keySet());
    }
  }
}
