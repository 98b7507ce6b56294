package io.kubegen.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IndexerTest {
  private static final IndexFunction<Thing> BY_VALUE = t -> t.getValue() == null ? List.of() : List.of(t.getValue());
  private static final IndexFunction<Thing> BY_LABELS = t -> new ArrayList<>(t.getMetadata().getLabels().values());

  @Test
  void keysAreNamespaceSlashNameOrJustName() {
    assertThat(Cache.metaNamespaceKey(Thing.of("ns", "a", "1", "x"))).isEqualTo("ns/a");
    assertThat(Cache.metaNamespaceKey(Thing.of(null, "node1", "1", "x"))).isEqualTo("node1");
    assertThat(Cache.metaNamespaceKey(new DeletedFinalStateUnknown<>("ns/gone", null))).isEqualTo("ns/gone");
    assertThat(Cache.splitMetaNamespaceKey("ns/a")).containsExactly("ns", "a");
    assertThat(Cache.splitMetaNamespaceKey("a")).containsExactly("", "a");
    assertThatThrownBy(() -> Cache.splitMetaNamespaceKey("a/b/c")).hasMessageContaining("a/b/c");
    assertThatThrownBy(() -> Cache.metaNamespaceKey(Thing.of("ns", null, "1", "x"))).hasMessageContaining("metadata.name");
    assertThatThrownBy(() -> Cache.metaNamespaceKey("str")).hasMessageContaining("java.lang.String");
  }

  @Test
  void crudAndNamespaceIndex() {
    Indexer<Thing> idx = Cache.newIndexer(Map.of("value", BY_VALUE));
    idx.add(Thing.of("a", "one", "1", "red"));
    idx.add(Thing.of("a", "two", "1", "blue"));
    idx.add(Thing.of("b", "three", "1", "red"));
    assertThat(idx.listKeys()).containsExactlyInAnyOrder("a/one", "a/two", "b/three");
    assertThat(idx.byIndex(Cache.NAMESPACE_INDEX, "a")).extracting(Thing::describe)
        .containsExactlyInAnyOrder("a/one@1=red", "a/two@1=blue");
    assertThat(idx.indexKeys("value", "red")).containsExactlyInAnyOrder("a/one", "b/three");
    assertThat(idx.index("value", Thing.of("z", "q", "1", "red"))).hasSize(2);
    assertThat(idx.listIndexFuncValues("value")).containsExactlyInAnyOrder("red", "blue");

    idx.update(Thing.of("a", "one", "2", "blue"));
    assertThat(idx.indexKeys("value", "red")).containsExactly("b/three");
    assertThat(idx.indexKeys("value", "blue")).containsExactlyInAnyOrder("a/one", "a/two");
    assertThat(idx.getByKey("a/one")).map(Thing::describe).hasValue("a/one@2=blue");

    idx.delete(Thing.of("b", "three", "1", "red"));
    assertThat(idx.listIndexFuncValues("value")).containsExactly("blue");
    idx.delete(new DeletedFinalStateUnknown<>("a/two", null));
    assertThat(idx.listKeys()).containsExactly("a/one");
    assertThat(idx.get(Thing.of("a", "one", "9", "?"))).isPresent();
  }

  @Test
  void replaceRebuildsIndexesAndLateIndexersSeeExistingObjects() {
    Indexer<Thing> idx = Cache.newIndexer(Map.of("value", BY_VALUE));
    idx.add(Thing.of("a", "old", "1", "red"));
    idx.replace(List.of(Thing.of("a", "n1", "5", "green"), Thing.of("c", "n2", "5", "green")), "5");
    assertThat(idx.listKeys()).containsExactlyInAnyOrder("a/n1", "c/n2");
    assertThat(idx.byIndex("value", "red")).isEmpty();
    assertThat(idx.byIndex("value", "green")).hasSize(2);
    idx.addIndexers(Map.of("ns-copy", Cache.namespaceIndexFunction()));
    assertThat(idx.indexKeys("ns-copy", "c")).containsExactly("c/n2");
    assertThatThrownBy(() -> idx.addIndexers(Map.of("value", BY_VALUE))).hasMessageContaining("already registered");
    assertThatThrownBy(() -> idx.byIndex("nope", "x")).hasMessageContaining("does not exist");
  }

  @Test
  void multiValueIndexes() {
    Indexer<Thing> idx = Cache.newIndexer(Map.of("labels", BY_LABELS));
    idx.add(Thing.of("a", "x", "1", "v", Map.of("k1", "p", "k2", "q")));
    idx.add(Thing.of("a", "y", "1", "v", Map.of("k1", "q")));
    assertThat(idx.indexKeys("labels", "q")).containsExactlyInAnyOrder("a/x", "a/y");
    idx.update(Thing.of("a", "x", "2", "v", Map.of("k1", "r")));
    assertThat(idx.indexKeys("labels", "q")).containsExactly("a/y");
    assertThat(idx.indexKeys("labels", "p")).isEmpty();
    assertThat(idx.listIndexFuncValues("labels")).containsExactlyInAnyOrder("q", "r");
  }

  @Test
  void indexesStayExactUnderConcurrentUpdatesAndReplace() throws Exception {
    Indexer<Thing> idx = Cache.newIndexer(Map.of("value", BY_VALUE));
    int writers = 4;
    int perWriter = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int id = w;
      threads.add(new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perWriter; i++) {
          String name = "o" + (i % 50);
          idx.update(Thing.of("w" + id, name, String.valueOf(i), "c" + (i % 7)));
          if (i % 10 == 0) {
            idx.delete(Thing.of("w" + id, "o" + ((i + 25) % 50), "0", ""));
          }
          if (id == 0 && i % 500 == 0) {
            idx.replace(idx.list(), "x");
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    // every index entry must match what the index function says about the stored object
    for (String value : idx.listIndexFuncValues("value")) {
      List<String> keys = idx.indexKeys("value", value);
      assertThat(keys).isNotEmpty();
      for (String key : keys) {
        assertThat(idx.getByKey(key)).map(Thing::getValue).hasValue(value);
      }
    }
    for (Thing t : idx.list()) {
      assertThat(idx.indexKeys("value", t.getValue())).contains(Cache.metaNamespaceKey(t));
      assertThat(idx.indexKeys(Cache.NAMESPACE_INDEX, t.getMetadata().getNamespace())).contains(Cache.metaNamespaceKey(t));
    }
  }

  @Test
  void copyIsDeep() {
    Thing t = Thing.of("a", "b", "1", "v", Map.of("k", "v"));
    Thing c = Cache.copy(t);
    c.getMetadata().getLabels().put("k", "changed");
    assertThat(t.getMetadata().getLabels()).containsEntry("k", "v");
    assertThat(c).isEqualTo(t);
  }

  /** Indexes by value, but throws for the value "bad"; always after the namespace and label indexes. */
  private static Indexer<Thing> indexerWithAPickyIndex() {
    Map<String, IndexFunction<Thing>> indexers = new java.util.LinkedHashMap<>();
    indexers.put("labels", BY_LABELS);
    indexers.put("picky", t -> {
      if ("bad".equals(t.getValue())) {
        throw new IllegalStateException("cannot index bad");
      }
      return List.of(t.getValue());
    });
    return Cache.newIndexer(indexers);
  }

  /** Everything an indexer holds: objects and every index, as comparable text. */
  private static String dump(Indexer<Thing> idx) {
    StringBuilder sb = new StringBuilder();
    idx.list().stream().map(Thing::describe).sorted().forEach(d -> sb.append(d).append('\n'));
    for (String index : new java.util.TreeSet<>(idx.getIndexers().keySet())) {
      for (String value : new java.util.TreeSet<>(idx.listIndexFuncValues(index))) {
        sb.append(index).append('[').append(value).append("]=")
            .append(new java.util.TreeSet<>(idx.indexKeys(index, value))).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void anIndexFunctionThatThrowsLeavesStoreAndIndexesAsTheyWereAndTheNextGoodUpdateRepairs() {
    Indexer<Thing> idx = indexerWithAPickyIndex();
    idx.add(Thing.of("a", "x", "1", "good", Map.of("tier", "web")));
    idx.add(Thing.of("a", "y", "1", "fine", Map.of("tier", "web")));
    String before = dump(idx);

    // the label index (computed first) would change too: all or nothing
    Thing bad = Thing.of("b", "x", "2", "bad", Map.of("tier", "db"));
    assertThatThrownBy(() -> idx.update(Thing.of("a", "x", "2", "bad", Map.of("tier", "db"))))
        .isInstanceOfSatisfying(IndexFunctionException.class, e -> {
          assertThat(e.key()).isEqualTo("a/x");
          assertThat(e.indexName()).isEqualTo("picky");
          assertThat(e).hasMessageContaining("a/x").hasMessageContaining("picky")
              .hasRootCauseMessage("cannot index bad");
        });
    assertThat(dump(idx)).isEqualTo(before);
    assertThatThrownBy(() -> idx.add(bad)).isInstanceOf(IndexFunctionException.class);
    assertThat(dump(idx)).as("a new object that cannot be indexed is not stored").isEqualTo(before);
    assertThatThrownBy(() -> idx.replace(List.of(bad), "3")).isInstanceOf(IndexFunctionException.class);
    assertThat(dump(idx)).isEqualTo(before);
    assertThatThrownBy(() -> idx.addIndexers(Map.of("late", t -> {
      throw new IllegalStateException("late index broken");
    }))).isInstanceOf(IndexFunctionException.class).hasMessageContaining("late");
    assertThat(idx.getIndexers()).doesNotContainKey("late");

    idx.update(Thing.of("a", "x", "3", "better", Map.of("tier", "db")));
    assertThat(idx.indexKeys("picky", "better")).containsExactly("a/x");
    assertThat(idx.indexKeys("picky", "good")).isEmpty();
    assertThat(idx.indexKeys("labels", "db")).containsExactly("a/x");
    assertThat(idx.indexKeys("labels", "web")).containsExactly("a/y");
  }

  @Test
  void aDeleteWhoseIndexFunctionThrowsKeepsTheObjectIndexed() {
    java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
    Map<String, IndexFunction<Thing>> indexers = new java.util.LinkedHashMap<>();
    indexers.put("labels", BY_LABELS);
    indexers.put("flaky", t -> {
      if (broken.get()) {
        throw new IllegalStateException("flaky");
      }
      return List.of(t.getValue());
    });
    Indexer<Thing> idx = Cache.newIndexer(indexers);
    idx.add(Thing.of("a", "x", "1", "v", Map.of("tier", "web")));
    String before = dump(idx);
    broken.set(true);
    assertThatThrownBy(() -> idx.delete(Thing.of("a", "x", "1", "v"))).isInstanceOf(IndexFunctionException.class);
    assertThat(dump(idx)).isEqualTo(before);
    broken.set(false);
    idx.delete(Thing.of("a", "x", "1", "v"));
    assertThat(dump(idx)).isEmpty();
  }

  @Test
  void putReturnsWhatItReplacedAndReindexes() {
    CacheIndexer<Thing> indexer = Cache.newCacheIndexer(Map.of("byValue", BY_VALUE));
    Thing first = Thing.of("ns", "a", "1", "x");
    Thing second = Thing.of("ns", "a", "2", "y");
    assertThat(indexer.put(first)).isNull();
    assertThat(indexer.put(second)).isSameAs(first);
    assertThat(indexer.getByKey("ns/a")).containsSame(second);
    assertThat(indexer.byIndex("byValue", "x")).isEmpty();
    assertThat(indexer.byIndex("byValue", "y")).containsExactly(second);
    assertThat(indexer.byIndex(Cache.NAMESPACE_INDEX, "ns")).containsExactly(second);
  }
}
