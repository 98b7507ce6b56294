package io.kubegen.runtime.informers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.cache.Thing;
import io.kubegen.runtime.listers.GenericLister;
import io.kubegen.runtime.rest.ResourceBackend;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.rest.TypedClient;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TypedInformer} and {@link GenericInformer} on a factory shaped like a generated one. */
@Timeout(30)
class TypedInformerTest {
  private static final GroupVersionResource THINGS = new GroupVersionResource("test.kubegen.io", "v1", "things");

  private static final ResourceType<Thing> TYPE = new ResourceType<>(THINGS, "Thing", Thing.class, true, false);

  /** A typed client of things, as a generated one is made. */
  static final class ThingClient extends TypedClient<Thing> {
    ThingClient(ResourceOperations<Thing> operations) {
      super(operations);
    }
  }

  static final class Factory extends SharedInformerFactoryBase {
    final ObjectTracker tracker = new ObjectTracker();
    final ResourceBackend backend = FakeResourceClient.backend(tracker);
    final List<String> namespacesAsked = new CopyOnWriteArrayList<>();

    Factory(SharedInformerOption... options) {
      super(Duration.ZERO, options);
    }

    ThingInformer things() {
      return new ThingInformer(this);
    }
  }

  /** Shaped like a generated {@code FooInformer}; its lister is the untyped one, for brevity. */
  static final class ThingInformer extends TypedInformer<Thing, GenericLister> {
    ThingInformer(Factory factory) {
      super(factory, Thing.class, namespace -> {
        factory.namespacesAsked.add(namespace);
        return new ThingClient(factory.backend.operations(TYPE, namespace));
      }, Map.of("byValue", t -> List.of(t.getValue())), GenericLister::new);
    }
  }

  /** What a generated factory's {@code forResource} does: its typed accessor, or null when it serves no such resource. */
  private static GenericInformer forResource(Factory factory, GroupVersionResource resource) {
    SharedIndexInformer<? extends KubernetesObject> informer = resource.equals(THINGS) ? factory.things().informer() : null;
    return GenericInformer.of(resource, informer, List.of(List.of(TYPE)));
  }

  @Test
  void everyInstanceOfOneFactorySharesOneInformerWithTheFactorysNamespaceTweakAndIndexes() throws Exception {
    Factory factory = new Factory(SharedInformerOption.namespace("ns"),
        SharedInformerOption.tweakListOptions(o -> o.toBuilder().labelSelector("keep=yes").build()));
    ThingClient all = new ThingClient(factory.backend.operations(TYPE, null));
    all.create(Thing.of("ns", "kept", null, "x", Map.of("keep", "yes")));
    all.create(Thing.of("ns", "dropped", null, "x", Map.of("keep", "no")));
    all.create(Thing.of("other", "elsewhere", null, "x", Map.of("keep", "yes")));
    try {
      SharedIndexInformer<Thing> informer = factory.things().informer();
      assertThat(factory.things().informer()).isSameAs(informer);
      assertThat(factory.namespacesAsked).containsExactly("ns");
      factory.start();
      assertThat(factory.waitForCacheSync(Duration.ofSeconds(20))).containsEntry(Thing.class, true);
      assertThat(factory.things().lister().list(LabelSelector.everything())).extracting(Cache::metaNamespaceKey)
          .containsExactly("ns/kept");
      assertThat(informer.getIndexer().byIndex("byValue", "x")).hasSize(1);
      assertThat(factory.things().toString()).contains(Thing.class.getName());
    } finally {
      factory.shutdown();
    }
  }

  @Test
  void forResourceFindsTheTypedInformerOrNamesWhatTheFactoryServes() {
    Factory factory = new Factory();
    try {
      GenericInformer generic = forResource(factory, THINGS);
      assertThat(generic.resource()).isEqualTo(THINGS);
      assertThat(generic.informer()).isSameAs(factory.things().informer());
      assertThat(generic.lister().list(LabelSelector.everything())).isEmpty();
      GroupVersionResource other = new GroupVersionResource("apps", "v1", "deployments");
      assertThatThrownBy(() -> forResource(factory, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no informer for resource apps/v1, Resource=deployments; this factory has informers for: "
              + "test.kubegen.io/v1, Resource=things");
    } finally {
      factory.shutdown();
    }
  }

  @Test
  void newInformerListsAndWatchesThroughATypedClientWithTheTweakAndIndexes() throws Exception {
    ObjectTracker tracker = new ObjectTracker();
    ResourceOperations<Thing> operations = FakeResourceClient.backend(tracker)
        .operations(new ResourceType<>(THINGS, "Thing", Thing.class, true, false), "ns");
    ThingClient client = new ThingClient(operations);
    client.create(Thing.of("ns", "kept", null, "x", Map.of("keep", "yes")));
    client.create(Thing.of("ns", "dropped", null, "x", Map.of("keep", "no")));
    SharedIndexInformer<Thing> informer = TypedInformer.newInformer(client, Thing.class, Duration.ZERO,
        o -> o.toBuilder().labelSelector("keep=yes").build(), Map.of("byValue", t -> List.of(t.getValue())));
    try {
      informer.start();
      assertThat(Cache.waitForCacheSync(Duration.ofSeconds(20), informer)).isTrue();
      assertThat(informer.getIndexer().byIndex("byValue", "x")).extracting(Cache::metaNamespaceKey)
          .containsExactly("ns/kept");
    } finally {
      informer.stop();
    }
  }
}
