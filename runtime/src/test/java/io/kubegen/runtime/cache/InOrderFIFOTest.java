package io.kubegen.runtime.cache;

import static io.kubegen.runtime.cache.DeltaFIFOTest.describe;
import static io.kubegen.runtime.cache.DeltaFIFOTest.popOne;
import static io.kubegen.runtime.cache.DeltaFIFOTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InOrderFIFOTest {
  private final Indexer<Thing> known = Cache.newIndexer(Map.of());
  private final InOrderFIFO<Thing> fifo = new InOrderFIFO<>(Cache.metaNamespaceKeyFunction(), known);

  private List<String> drain() throws Exception {
    List<String> out = new ArrayList<>();
    while (fifo.size() > 0) {
      out.addAll(popOne(fifo));
    }
    return out;
  }

  @Test
  void everyDeltaComesOutAloneInArrivalOrder() throws Exception {
    fifo.add(t("a", "1"));
    fifo.add(t("b", "1"));
    fifo.update(t("a", "2"));
    assertThat(drain()).containsExactly("ADDED ns/a@1", "ADDED ns/b@1", "UPDATED ns/a@2");
  }

  @Test
  void consecutiveDeletesOfAKeyCollapse() throws Exception {
    known.add(t("a", "1"));
    fifo.delete(t("a", "2"));
    fifo.delete(t("a", "3"));
    fifo.replace(List.of(), "5");
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe).containsExactly("DELETED ns/a@2");
  }

  @Test
  void aDeleteWithTheRealFinalStateTakesThePlaceOfAPendingTombstone() throws Exception {
    known.add(t("a", "1"));
    known.add(t("b", "1"));
    fifo.replace(List.of(t("b", "2")), "2");
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe)
        .containsExactly("DELETED tombstone ns/a@1", "REPLACED ns/b@2");
    fifo.delete(t("a", "3"));
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe)
        .as("same place in the queue, real final state").containsExactly("DELETED ns/a@3", "REPLACED ns/b@2");
    fifo.replace(List.of(t("b", "2")), "4");
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe)
        .as("no tombstone for a key whose newest delta is a delete").containsExactly("DELETED ns/a@3", "REPLACED ns/b@2", "REPLACED ns/b@2");
    assertThat(drain()).first().isEqualTo("DELETED ns/a@3 [initial]");
  }

  @Test
  void aRelistQueuesItsSyntheticDeletesBeforeTheListedObjects() throws Exception {
    known.add(t("gone", "1"));
    known.add(t("kept", "1"));
    fifo.replace(List.of(t("kept", "2"), t("new", "2")), "2");
    assertThat(drain()).containsExactly(
        "DELETED tombstone ns/gone@1 [initial]",
        "REPLACED ns/kept@2 [initial]",
        "REPLACED ns/new@2 [initial]");
  }

  @Test
  void replaceSeesPendingAddsAndDeletesWhenDetectingDeletions() throws Exception {
    known.add(t("known-gone", "1"));
    known.add(t("deleted-by-watch", "1"));
    fifo.add(t("pending-gone", "2"));
    fifo.delete(t("deleted-by-watch", "3"));
    fifo.replace(List.of(t("fresh", "4")), "4");
    // as client-go's RealFIFO: tombstones for pending keys (in queue order), then for known keys,
    // then the list; a key whose newest pending delta is a delete gets none
    assertThat(drain()).containsExactly(
        "ADDED ns/pending-gone@2",
        "DELETED ns/deleted-by-watch@3",
        "DELETED tombstone ns/pending-gone@2",
        "DELETED tombstone ns/known-gone@1",
        "REPLACED ns/fresh@4");
    assertThat(fifo.hasSynced()).as("populated by the adds before the list").isTrue();
  }

  @Test
  void firstReplaceCountsEverythingQueuedUntilPopped() throws Exception {
    known.add(t("gone", "1"));
    fifo.replace(List.of(t("a", "1"), t("b", "1")), "1");
    assertThat(fifo.hasSynced()).isFalse();
    assertThat(popOne(fifo)).containsExactly("DELETED tombstone ns/gone@1 [initial]");
    assertThat(popOne(fifo)).containsExactly("REPLACED ns/a@1 [initial]");
    assertThat(fifo.hasSynced()).isFalse();
    assertThat(popOne(fifo)).containsExactly("REPLACED ns/b@1 [initial]");
    assertThat(fifo.hasSynced()).isTrue();
  }

  @Test
  void resyncSkipsKeysWithPendingDeltas() throws Exception {
    known.add(t("a", "1"));
    known.add(t("b", "1"));
    fifo.update(t("a", "2"));
    fifo.resync();
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe).containsExactly("UPDATED ns/a@2", "SYNC ns/b@1");
  }

  @Test
  void requeuePutsTheDeltaBackAtTheHead() throws Exception {
    fifo.add(t("a", "1"));
    fifo.add(t("b", "1"));
    fifo.pop((deltas, initial) -> {
      throw new RequeueException("later", null);
    });
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe).containsExactly("ADDED ns/a@1", "ADDED ns/b@1");
    assertThat(fifo.listKeys()).containsExactlyInAnyOrder("ns/a", "ns/b");
    assertThat(describe(fifo.deltas().get(0))).isEqualTo("ADDED ns/a@1");
  }

  @Test
  void aTransformThatThrowsLeavesTheQueueAsItWas() throws Exception {
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
    assertThat(fifo.deltas()).extracting(DeltaFIFOTest::describe).containsExactly("ADDED ns/a@1");
    assertThat(fifo.hasSynced()).isTrue();
  }
}
