package io.kubegen.apiserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InMemoryStorageTest {
  private static ObjectNode object(int value) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.putObject("metadata");
    o.put("value", value);
    return o;
  }

  @Test
  void optimisticUpdatesFromManyThreadsLoseNothing() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    storage.create("counters", "ns", "c", object(0));
    ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    WatchRegistration watch = storage.watch("counters", storage.revision(), false, e -> seen.add(e.revision()));
    int threads = 8;
    int incrementsEach = 300;
    AtomicInteger conflicts = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < incrementsEach; ) {
          StoredObject current = storage.get("counters", "ns", "c");
          try {
            storage.update("counters", "ns", "c", current.revision(), object(current.object().get("value").asInt() + 1));
            i++;
          } catch (StorageException e) {
            if (e.reason() != StorageException.Reason.CONFLICT) {
              unexpected.add(e);
              return;
            }
            conflicts.incrementAndGet();
          }
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    assertThat(unexpected).isEmpty();
    StoredObject last = storage.get("counters", "ns", "c");
    assertThat(last.object().get("value").asInt()).isEqualTo(threads * incrementsEach);
    assertThat(last.object().at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(last.revision()));
    List<Long> revisions = new ArrayList<>(seen);
    assertThat(revisions).hasSize(threads * incrementsEach).isSorted().doesNotHaveDuplicates();
    watch.close();
  }

  @Test
  void createOfAnExistingKeyAndChangesOfMissingKeysFail() {
    InMemoryStorage storage = new InMemoryStorage();
    StoredObject a = storage.create("r", null, "a", object(1));
    assertThatThrownBy(() -> storage.create("r", null, "a", object(2)))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.ALREADY_EXISTS));
    assertThatThrownBy(() -> storage.update("r", null, "b", 0, object(2)))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_FOUND));
    assertThatThrownBy(() -> storage.delete("r", null, "a", a.revision() + 100))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.CONFLICT));
    StoredObject gone = storage.delete("r", null, "a", a.revision());
    assertThat(gone.revision()).isGreaterThan(a.revision());
    assertThat(gone.object().get("value").asInt()).isEqualTo(1);
    assertThat(storage.get("r", null, "a")).isNull();
  }

  @Test
  void listAtAnOlderRevisionIsThatSnapshot() {
    InMemoryStorage storage = new InMemoryStorage();
    storage.create("r", "ns", "a", object(1));
    storage.create("r", "ns", "b", object(1));
    long then = storage.revision();
    storage.update("r", "ns", "a", 0, object(2));
    storage.delete("r", "ns", "b", 0);
    storage.create("r", "ns", "c", object(1));
    storage.create("r", "other", "d", object(1));
    ListPage old = storage.list("r", "ns", then, null, 0, o -> true);
    assertThat(old.items()).extracting(StoredObject::name).containsExactly("a", "b");
    assertThat(old.items().get(0).object().get("value").asInt()).isEqualTo(1);
    ListPage now = storage.list("r", "ns", 0, null, 0, o -> true);
    assertThat(now.items()).extracting(StoredObject::name).containsExactly("a", "c");
    ListPage page = storage.list("r", null, 0, null, 2, o -> true);
    assertThat(page.items()).extracting(StoredObject::key).containsExactly("ns/a", "ns/c");
    assertThat(storage.list("r", null, page.revision(), page.nextKey(), 2, o -> true).items())
        .extracting(StoredObject::key).containsExactly("other/d");
  }

  @Test
  void historyIsBoundedAndOlderRevisionsAreGone() {
    InMemoryStorage storage = new InMemoryStorage(10);
    long start = storage.revision();
    for (int i = 0; i < 30; i++) {
      storage.create("r", null, "o" + i, object(i));
    }
    assertThatThrownBy(() -> storage.watch("r", start, false, e -> { }))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.GONE));
    assertThatThrownBy(() -> storage.list("r", null, start + 1, null, 0, o -> true))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.GONE));
    List<Long> replayed = new ArrayList<>();
    storage.watch("r", storage.revision() - 5, false, e -> replayed.add(e.revision())).close();
    assertThat(replayed).hasSize(5);
    assertThatThrownBy(() -> new InMemoryStorage(0)).hasMessageContaining("at least 1");
  }
}
