package io.kubegen.listergen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Foo.Mode;
import com.example.samplecontroller.v1alpha1.Foo.Owner;
import com.example.testlisters.listers.samplecontroller.v1alpha1.BarLister;
import com.example.testlisters.listers.samplecontroller.v1alpha1.FooLister;
import com.example.testlisters.listers.samplecontroller.v1alpha1.FooNamespaceLister;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listers lister-gen wrote for the test models (during this module's test compilation),
 * used as a downstream user would: over an {@code Indexer} built with their index functions.
 */
@Timeout(30)
class GeneratedListerTest {

  private static Foo foo(String namespace, String name) {
    Foo foo = new Foo();
    foo.setMetadata(ObjectMeta.builder().namespace(namespace).name(name).build());
    return foo;
  }

  private static List<String> keys(String index, Foo foo) {
    IndexFunction<Foo> f = FooLister.indexers().get(index);
    return f.values(foo);
  }

  @Test
  void indexFunctionsWalkTheAccessorChainAndSkipNulls() {
    Foo empty = foo("ns", "empty");
    empty.setSpec(null);
    empty.setMetadata(null);
    for (String index : FooLister.indexers().keySet()) {
      assertThat(keys(index, empty)).as(index).isEmpty();
    }
    Foo foo = foo("ns", "a");
    foo.getSpec().setDeploymentName("web");
    foo.getSpec().setReplicas(3);
    foo.getSpec().setMode(Mode.SAFE);
    foo.getSpec().setTags(Arrays.asList("blue", null, "green"));
    foo.getSpec().setOwners(Arrays.asList(new Owner("alice"), null, new Owner(null), new Owner("bob")));
    foo.getMetadata().getLabels().putAll(Map.of("app", "shop"));
    assertThat(keys("byDeployment", foo)).containsExactly("web");
    assertThat(keys("byReplicas", foo)).containsExactly("3");
    assertThat(keys("byMode", foo)).containsExactly("SAFE");
    assertThat(keys("byTag", foo)).containsExactly("blue", "green");
    assertThat(keys("byOwnerName", foo)).containsExactly("alice", "bob");
    assertThat(keys("byApp", foo)).containsExactly("shop");
    assertThat(keys("byLabel", foo)).containsExactly("app=shop");
    foo.getSpec().setTags(null);
    foo.getMetadata().getLabels().clear();
    assertThat(keys("byTag", foo)).isEmpty();
    assertThat(keys("byApp", foo)).isEmpty();
    assertThat(keys("byReplicas", foo)).containsExactly("3");
  }

  @Test
  void namespacedListerUsesTheNamespaceIndexSelectorsAndGenIndexes() {
    Indexer<Foo> indexer = Cache.newIndexer(FooLister.indexers());
    List<Foo> all = new ArrayList<>();
    for (int ns = 0; ns < 5; ns++) {
      for (int i = 0; i < 200; i++) {
        Foo foo = foo("ns-" + ns, "foo-" + i);
        foo.getMetadata().getLabels().put("tier", i % 2 == 0 ? "even" : "odd");
        foo.getSpec().setTags(List.of("t" + (i % 10), "all"));
        indexer.add(foo);
        all.add(foo);
      }
    }
    FooLister lister = FooLister.create(indexer);
    assertThat(lister.list(LabelSelector.everything())).hasSize(1000);
    assertThat(lister.list(LabelSelector.parse("tier=odd"))).hasSize(500)
        .allMatch(f -> f.getMetadata().getLabels().get("tier").equals("odd"));
    FooNamespaceLister inNs3 = lister.foos("ns-3");
    assertThat(inNs3.list(LabelSelector.everything())).hasSize(200)
        .allMatch(f -> f.getMetadata().getNamespace().equals("ns-3"));
    assertThat(lister.foos("ns-3").list(LabelSelector.parse("tier in (even)"))).hasSize(100);
    assertThat(lister.foos("").list(LabelSelector.everything())).hasSize(1000);
    assertThat(lister.foos("ns-9").list(LabelSelector.everything())).isEmpty();
    assertThat(lister.foos("ns-2").get("foo-7")).containsSame(all.get(2 * 200 + 7));
    assertThat(lister.foos("ns-2").get("foo-700")).isEmpty();
    assertThat(lister.byTag("t3")).hasSize(100);
    assertThat(lister.byTag("all")).hasSize(1000);
    assertThat(lister.byTag("nothing")).isEmpty();
    indexer.delete(all.get(3));
    assertThat(lister.byTag("t3")).hasSize(99);
    assertThat(lister.foos("ns-0").get("foo-3")).isEmpty();
  }

  @Test
  void clusterScopedListerGetsByName() {
    Indexer<Bar> indexer = Cache.newIndexer(BarLister.indexers());
    indexer.add(new Bar("samplecontroller.k8s.io/v1alpha1", "Bar", ObjectMeta.builder().name("one").build(), "eu"));
    indexer.add(new Bar("samplecontroller.k8s.io/v1alpha1", "Bar",
        ObjectMeta.builder().name("two").label("a", "b").build(), "us"));
    BarLister lister = BarLister.create(indexer);
    assertThat(lister.get("one")).get().extracting(Bar::zone).isEqualTo("eu");
    assertThat(lister.get("three")).isEmpty();
    assertThat(lister.list(LabelSelector.parse("a=b"))).extracting(Bar::zone).containsExactly("us");
    assertThat(lister.byZone("eu")).extracting(b -> b.metadata().getName()).containsExactly("one");
  }

  @Test
  void aListerOverAnIndexerWithoutItsIndexesIsRefused() {
    assertThatThrownBy(() -> FooLister.create(Cache.newIndexer(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the indexer has no index \"byApp\", \"byDeployment\"")
        .hasMessageContaining("FooLister.indexers()");
    assertThatThrownBy(() -> FooLister.create(Cache.newIndexer(FooLister.indexers())).foos(null))
        .isInstanceOf(NullPointerException.class);
  }
}
