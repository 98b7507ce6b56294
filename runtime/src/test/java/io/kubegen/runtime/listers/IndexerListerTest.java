package io.kubegen.runtime.listers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import io.kubegen.runtime.cache.Thing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IndexerLister} and {@link GenericLister} over a real indexer, used as generated listers use them. */
class IndexerListerTest {
  private static final Map<String, IndexFunction<Thing>> INDEXERS = Map.of("byValue", t -> List.of(t.getValue()));

  /** Shaped like a generated lister of a namespaced type with one index. */
  interface ThingLister extends ResourceLister<Thing> {
    ThingNamespaceLister things(String namespace);

    default List<Thing> byValue(String value) {
      return byIndex("byValue", value);
    }

    static ThingLister create(Indexer<Thing> indexer) {
      IndexerLister.requireIndexes(indexer, INDEXERS.keySet(), "ThingLister");
      final class Impl extends IndexerLister<Thing> implements ThingLister, ThingNamespaceLister {
        Impl(String namespace) {
          super(indexer, namespace);
        }

        @Override
        public ThingNamespaceLister things(String namespace) {
          return new Impl(namespace);
        }
      }
      return new Impl("");
    }

    interface ThingNamespaceLister extends ScopedLister<Thing> {
    }
  }

  private final Indexer<Thing> indexer = Cache.newIndexer(INDEXERS);

  private void add(String ns, String name, String value, Map<String, String> labels) {
    indexer.add(Thing.of(ns, name, "1", value, labels));
  }

  @Test
  void listsGetsAndLooksUpByIndexAcrossAndWithinNamespaces() {
    add("a", "one", "x", Map.of("app", "web"));
    add("a", "two", "y", Map.of("app", "db"));
    add("b", "one", "x", Map.of("app", "web"));
    ThingLister lister = ThingLister.create(indexer);

    assertThat(lister.list(LabelSelector.everything())).hasSize(3);
    assertThat(lister.list(LabelSelector.parse("app=web"))).extracting(Cache::metaNamespaceKey)
        .containsExactlyInAnyOrder("a/one", "b/one");
    assertThat(lister.byValue("x")).extracting(Cache::metaNamespaceKey).containsExactlyInAnyOrder("a/one", "b/one");
    assertThat(lister.byValue("none")).isEmpty();

    ThingLister.ThingNamespaceLister inA = lister.things("a");
    assertThat(inA.list(LabelSelector.everything())).extracting(Cache::metaNamespaceKey)
        .containsExactlyInAnyOrder("a/one", "a/two");
    assertThat(inA.list(LabelSelector.parse("app!=web"))).extracting(Cache::metaNamespaceKey).containsExactly("a/two");
    assertThat(inA.get("two")).get().extracting(Thing::getValue).isEqualTo("y");
    assertThat(inA.get("three")).isEmpty();
    assertThat(inA.byIndex("byValue", "x")).extracting(Cache::metaNamespaceKey).containsExactly("a/one");
    assertThatThrownBy(() -> inA.byIndex("byNothing", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(lister.things("c").list(LabelSelector.everything())).isEmpty();
    assertThat(lister.things("").list(LabelSelector.everything())).hasSize(3);
    assertThatThrownBy(() -> lister.things(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> lister.byValue(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theListerSeesTheCacheAsItIsAtEachCall() {
    ThingLister lister = ThingLister.create(indexer);
    assertThat(lister.things("a").get("one")).isEmpty();
    add("a", "one", "x", Map.of());
    assertThat(lister.things("a").get("one")).isPresent();
    indexer.delete(Thing.of("a", "one", "2", "x"));
    assertThat(lister.byValue("x")).isEmpty();
  }

  @Test
  void anIndexerWithoutTheListersIndexesIsRefusedNamingTheIndex() {
    Indexer<Thing> bare = Cache.newIndexer(Map.of());
    assertThatThrownBy(() -> ThingLister.create(bare)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the indexer has no index \"byValue\"; register ThingLister.indexers() on the informer");
  }

  @Test
  void theGenericListerReadsAnyTypeWithoutKnowingIt() {
    add("a", "one", "x", Map.of("app", "web"));
    add("b", "two", "y", Map.of("app", "db"));
    GenericLister generic = new GenericLister(indexer);
    assertThat(generic.list(LabelSelector.parse("app=web"))).extracting(Cache::metaNamespaceKey).containsExactly("a/one");
    assertThat(generic.list("b", LabelSelector.everything())).extracting(Cache::metaNamespaceKey).containsExactly("b/two");
    assertThat(generic.get("b", "two")).get().isInstanceOf(Thing.class);
    assertThat(generic.get("a", "two")).isEmpty();
    List<KubernetesObject> all = generic.list("", LabelSelector.everything());
    assertThat(all).hasSize(2);
  }
}
