package io.kubegen.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeltaFIFOTest {
  private final Indexer<Thing> known = Cache.newIndexer(Map.of());
  private final DeltaFIFO<Thing> fifo = new DeltaFIFO<>(Cache.metaNamespaceKeyFunction(), known);

  static Thing t(String name, String rv) {
    return Thing.of("ns", name, rv, "v" + rv);
  }

  static String describe(Delta<Thing> d) {
    if (d.object() instanceof DeletedFinalStateUnknown<?> tomb) {
      Thing last = d.unwrap();
      return d.type() + " tombstone " + tomb.key() + (last == null ? "" : "@" + last.getMetadata().getResourceVersion());
    }
    return d.type() + " " + d.unwrap().describe().replaceAll("=.*", "");
  }

  /** Pops one key; returns its deltas described, and whether they were in the initial list. */
  static List<String> popOne(DeltaQueue<Thing> q) throws Exception {
    List<String> out = new ArrayList<>();
    q.pop((deltas, initial) -> {
      for (Delta<Thing> d : deltas) {
        out.add(describe(d) + (initial ? " [initial]" : ""));
      }
    });
    return out;
  }

  /** Pops one key and applies it to the known store, as an informer does. */
  void popAndApply() throws Exception {
    fifo.pop((deltas, initial) -> apply(known, deltas));
  }

  static void apply(Store<Thing> store, List<Delta<Thing>> deltas) {
    for (Delta<Thing> d : deltas) {
      if (d.type() == DeltaType.DELETED) {
        store.delete(d.object());
      } else {
        store.update(d.unwrap());
      }
    }
  }

  @Test
  void deltasOfAKeyAccumulateInOrderAndTheKeyWaitsOnce() throws Exception {
    fifo.add(t("a", "1"));
    fifo.add(t("b", "1"));
    fifo.update(t("a", "2"));
    fifo.delete(t("a", "2"));
    assertThat(fifo.listKeys()).containsExactly("ns/a", "ns/b");
    assertThat(popOne(fifo)).containsExactly("ADDED ns/a@1", "UPDATED ns/a@2", "DELETED ns/a@2");
    assertThat(popOne(fifo)).containsExactly("ADDED ns/b@1");
    assertThat(fifo.size()).isZero();
  }

  @Test
  void consecutiveDeletesCollapseAsClientGoDedupsThem() {
    known.add(t("a", "1"));
    fifo.delete(t("a", "2"));
    fifo.delete(t("a", "3"));
    // two real deletes: the older stays (client-go's isDeletionDup)
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("DELETED ns/a@2");
    fifo.replace(List.of(), "10"); // would add a tombstone for ns/a: collapses into the real delete
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("DELETED ns/a@2");

    known.add(t("b", "1"));
    fifo.replace(List.of(), "11"); // tombstone for ns/b
    fifo.delete(t("b", "12")); // the real final state arrives after the tombstone: it wins
    assertThat(fifo.deltasOf("ns/b")).extracting(DeltaFIFOTest::describe).containsExactly("DELETED ns/b@12");
  }

  @Test
  void aTransformThatThrowsLeavesTheQueueAsItWas() {
    known.add(t("gone", "1"));
    fifo.add(t("a", "1"));
    fifo.setTransform(obj -> {
      if (obj.getMetadata().getName().equals("poison")) {
        throw new IllegalArgumentException("cannot transform poison");
      }
      return obj;
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fifo.replace(List.of(t("b", "2"), t("poison", "2")), "2"))
        .hasMessageContaining("poison");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fifo.update(t("poison", "3"))).hasMessageContaining("poison");
    assertThat(fifo.listKeys()).containsExactly("ns/a");
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("ADDED ns/a@1");
    assertThat(fifo.deltasOf("ns/gone")).isEmpty();
  }

  @Test
  void deleteOfAnUnknownObjectIsIgnored() {
    fifo.delete(t("ghost", "1"));
    assertThat(fifo.size()).isZero();
  }

  @Test
  void replaceEmitsReplacedAndTombstonesForKnownAndQueuedObjectsMissingFromTheList() throws Exception {
    known.add(t("stays", "1"));
    known.add(t("gone", "1"));
    fifo.add(t("queued-gone", "4"));
    fifo.replace(List.of(t("stays", "5"), t("new", "5")), "5");
    List<List<String>> popped = new ArrayList<>();
    while (fifo.size() > 0) {
      popped.add(popOne(fifo));
    }
    assertThat(popped).containsExactlyInAnyOrder(
        List.of("ADDED ns/queued-gone@4", "DELETED tombstone ns/queued-gone@4"),
        List.of("REPLACED ns/stays@5"),
        List.of("REPLACED ns/new@5"),
        List.of("DELETED tombstone ns/gone@1"));
  }

  @Test
  void hasSyncedOnceEverythingFromTheFirstReplaceWasPopped() throws Exception {
    assertThat(fifo.hasSynced()).isFalse();
    known.add(t("old", "1"));
    fifo.replace(List.of(t("a", "1"), t("b", "1")), "1");
    assertThat(fifo.hasSynced()).isFalse();
    assertThat(popOne(fifo)).allMatch(s -> s.endsWith("[initial]"));
    assertThat(popOne(fifo)).allMatch(s -> s.endsWith("[initial]"));
    assertThat(fifo.hasSynced()).isFalse();
    assertThat(popOne(fifo)).containsExactly("DELETED tombstone ns/old@1 [initial]");
    assertThat(fifo.hasSynced()).isTrue();
    fifo.add(t("c", "2"));
    assertThat(popOne(fifo)).containsExactly("ADDED ns/c@2");
    fifo.replace(List.of(), "3");
    assertThat(fifo.hasSynced()).as("only the first replace counts").isTrue();
  }

  @Test
  void emptyFirstListSyncsAtOnce() {
    fifo.replace(List.of(), "1");
    assertThat(fifo.hasSynced()).isTrue();
  }

  @Test
  void resyncQueuesSyncOnlyForKnownKeysWithNothingQueued() throws Exception {
    fifo.replace(List.of(t("a", "1"), t("b", "1")), "1");
    popAndApply();
    popAndApply();
    fifo.update(t("a", "2"));
    fifo.resync();
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("UPDATED ns/a@2");
    assertThat(fifo.deltasOf("ns/b")).extracting(DeltaFIFOTest::describe).containsExactly("SYNC ns/b@1");
  }

  @Test
  void requeueKeepsTheDeltasUnlessNewerOnesArrived() throws Exception {
    fifo.add(t("a", "1"));
    fifo.pop((deltas, initial) -> {
      throw new RequeueException("try later", null);
    });
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("ADDED ns/a@1");
    fifo.pop((deltas, initial) -> {
      fifo.lock.unlock(); // simulate a concurrent producer while processing
      try {
        Thread producer = new Thread(() -> fifo.update(t("a", "2")));
        producer.start();
        producer.join();
      } finally {
        fifo.lock.lock();
      }
      throw new RequeueException("try later", null);
    });
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("UPDATED ns/a@2");
  }

  @Test
  void otherProcessorErrorsPropagateAndDropTheDeltas() {
    fifo.add(t("a", "1"));
    AtomicReference<Exception> thrown = new AtomicReference<>();
    try {
      fifo.pop((deltas, initial) -> {
        throw new IllegalStateException("boom");
      });
    } catch (Exception e) {
      thrown.set(e);
    }
    assertThat(thrown.get()).hasMessage("boom");
    assertThat(fifo.size()).isZero();
  }

  @Test
  void closeWakesABlockedPop() throws Exception {
    AtomicReference<Boolean> result = new AtomicReference<>();
    Thread popper = new Thread(() -> {
      try {
        result.set(fifo.pop((d, i) -> { }));
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    popper.start();
    Eventually.until(() -> popper.getState() == Thread.State.WAITING, "pop blocked");
    fifo.close();
    popper.join(5000);
    assertThat(result.get()).isFalse();
    assertThat(fifo.isClosed()).isTrue();
  }

  @Test
  void transformAppliesToIncomingObjectsButNotToTombstones() throws Exception {
    fifo.setTransform(th -> Thing.of(th.getMetadata().getNamespace(), th.getMetadata().getName(),
        th.getMetadata().getResourceVersion(), "T"));
    known.add(t("gone", "1"));
    fifo.replace(List.of(t("a", "1")), "1");
    assertThat(fifo.getByKey("ns/a")).map(Thing::getValue).hasValue("T");
    assertThat(fifo.deltasOf("ns/gone").get(0).unwrap().getValue()).isEqualTo("v1");
  }

  @Test
  void addIfNotPresentOnlyWhenTheKeyHasNothingQueued() {
    fifo.addIfNotPresent(List.of(new Delta<>(DeltaType.ADDED, t("a", "1"))));
    fifo.addIfNotPresent(List.of(new Delta<>(DeltaType.ADDED, t("a", "2"))));
    assertThat(fifo.deltasOf("ns/a")).extracting(DeltaFIFOTest::describe).containsExactly("ADDED ns/a@1");
    assertThat(fifo.list()).extracting(Thing::describe).containsExactly("ns/a@1=v1");
  }

  @Test
  void aBurstPopsWhatIsQueuedInOrderUpToItsLimitAndKeepsTheInitialListCount() throws Exception {
    fifo.replace(List.of(t("a", "1"), t("b", "1"), t("c", "1")), "1");
    fifo.update(t("a", "2"));
    fifo.add(t("d", "2"));
    List<String> popped = new ArrayList<>();
    DeltaProcessor<Thing> record = (deltas, initial) -> {
      for (Delta<Thing> d : deltas) {
        popped.add(describe(d) + (initial ? " [initial]" : ""));
      }
      apply(known, deltas);
    };

    assertThat(fifo.popBurst(record, 2)).isTrue();
    assertThat(popped).containsExactly("REPLACED ns/a@1 [initial]", "UPDATED ns/a@2 [initial]",
        "REPLACED ns/b@1 [initial]");
    assertThat(fifo.hasSynced()).isFalse();

    popped.clear();
    assertThat(fifo.popBurst(record, 64)).isTrue();
    assertThat(popped).containsExactly("REPLACED ns/c@1 [initial]", "ADDED ns/d@2");
    assertThat(fifo.hasSynced()).isTrue();
    assertThat(fifo.size()).isZero();

    fifo.add(t("e", "3"));
    fifo.close();
    assertThat(fifo.popBurst(record, 64)).isFalse();
  }
}
