package io.kubegen.informergen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.core.v1.Namespace;
import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import com.example.testinformers.clientset.Clientset;
import com.example.testinformers.clientset.samplecontroller.v1alpha1.FooClient;
import com.example.testinformers.informers.SharedInformerFactory;
import com.example.testinformers.informers.samplecontroller.v1alpha1.BarInformer;
import com.example.testinformers.informers.samplecontroller.v1alpha1.FooInformer;
import com.example.testinformers.listers.samplecontroller.v1alpha1.FooLister;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.cache.ResourceEventHandlerRegistration;
import io.kubegen.runtime.informers.GenericInformer;
import io.kubegen.runtime.informers.SharedInformerOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated informer factory, informers and listers used end to end as a downstream user
 * would: factory → informer → handler → lister, over thousands of objects across namespaces,
 * with {@code @GenIndex} lookups, live changes, a late handler, the factory's namespace and
 * list-options options, {@code forResource}, and a shutdown that leaves no informer thread
 * running. Subclasses provide the clientset (embedded API server, {@code FakeClientset}).
 */
@Timeout(180)
abstract class InformerContract {
  static final int NAMESPACES = 10;
  static final int FOOS = 2000;
  static final int DEPLOYMENTS = 50;
  static final Duration WAIT = Duration.ofSeconds(60);

  /** The clientset under test; the same for every test of a class. */
  abstract Clientset clientset();

  /** Makes {@code name} usable as a namespace (a real server needs the Namespace object). */
  void createNamespace(String name) {
    clientset().coreV1().namespaces().create(Namespace.of(name));
  }

  /** Counts what a handler gets; thread-safe. */
  static final class RecordingHandler implements ResourceEventHandler<Foo> {
    final Set<String> initial = ConcurrentHashMap.newKeySet();
    final Map<String, Foo> added = new ConcurrentHashMap<>();
    final Map<String, Foo> updated = new ConcurrentHashMap<>();
    final Map<String, Foo> deleted = new ConcurrentHashMap<>();
    final CountDownLatch initialList;

    RecordingHandler(int expectedInitial) {
      initialList = new CountDownLatch(expectedInitial);
    }

    @Override
    public void onAdd(Foo obj, boolean isInInitialList) {
      if (isInInitialList) {
        if (initial.add(Cache.metaNamespaceKey(obj))) {
          initialList.countDown();
        }
      } else {
        added.put(Cache.metaNamespaceKey(obj), obj);
      }
    }

    @Override
    public void onUpdate(Foo oldObj, Foo newObj) {
      updated.put(Cache.metaNamespaceKey(newObj), newObj);
    }

    @Override
    public void onDelete(Foo obj, boolean finalStateUnknown) {
      deleted.put(Cache.metaNamespaceKey(obj), obj);
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long pause = 1;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for: " + what).isNegative();
      TimeUnit.MILLISECONDS.sleep(pause);
      pause = Math.min(50, pause * 2);
    }
  }

  /**
   * After {@code shutdown()}: the informers' own threads are joined by then; a watch stream's reader
   * thread ends once it sees its closed stream, which {@code close()} does not wait for.
   */
  static void assertNoInformerThreadsLeft() throws InterruptedException {
    assertThat(liveInformerThreads()).noneMatch(n -> n.startsWith("informer-"));
    await("watch readers end after shutdown", () -> liveInformerThreads().isEmpty());
  }

  /** The live threads of informers ({@code informer-<type>-...}) and of their watch streams. */
  static List<String> liveInformerThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("informer-") || n.startsWith("kubegen-watch-")).sorted().toList();
  }

  private List<String> namespaces(String prefix) {
    List<String> names = IntStream.range(0, NAMESPACES).mapToObj(i -> prefix + "-" + i).toList();
    names.forEach(this::createNamespace);
    return names;
  }

  @Test
  void factoryInformerHandlerAndListerOverThousandsOfObjects() throws Exception {
    List<String> ns = namespaces("e2e");
    for (int i = 0; i < FOOS; i++) {
      Foo foo = Foo.of(ns.get(i % NAMESPACES), "foo-" + i, "deploy-" + (i % DEPLOYMENTS), "t" + (i % 7), "all");
      clientset().samplecontrollerV1alpha1().foos(foo.getMetadata().getNamespace()).create(foo);
    }
    // other tests of the class may have left Foos elsewhere: the informer sees every namespace
    int total = clientset().samplecontrollerV1alpha1().foos("").list().getItems().size();
    assertThat(total).isGreaterThanOrEqualTo(FOOS);
    SharedInformerFactory factory = SharedInformerFactory.create(clientset(), Duration.ZERO);
    try {
      FooInformer foos = factory.samplecontroller().v1alpha1().foos();
      RecordingHandler handler = new RecordingHandler(total);
      foos.informer().addEventHandler(handler);
      factory.start();
      assertThat(factory.waitForCacheSync(WAIT)).isEqualTo(Map.of(Foo.class, true));
      assertThat(handler.initialList.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(handler.initial).hasSize(total);
      assertThat(factory.samplecontroller().v1alpha1().foos().informer()).isSameAs(foos.informer());

      FooLister lister = foos.lister();
      assertThat(lister.list(LabelSelector.everything())).hasSize(total);
      String ns3 = ns.get(3);
      assertThat(lister.foos(ns3).list(LabelSelector.everything())).hasSize(FOOS / NAMESPACES)
          .allMatch(f -> f.getMetadata().getNamespace().equals(ns3));
      assertThat(lister.foos(ns3).get("foo-13")).get().extracting(f -> f.getSpec().getDeploymentName())
          .isEqualTo("deploy-13");
      assertThat(lister.foos(ns.get(4)).get("foo-13")).isEmpty();
      assertThat(lister.byDeployment("deploy-7")).hasSize(FOOS / DEPLOYMENTS)
          .allMatch(f -> f.getSpec().getDeploymentName().equals("deploy-7"));
      long t3 = IntStream.range(0, FOOS).filter(i -> i % 7 == 3).count();
      assertThat(lister.byTag("t3")).hasSize((int) t3);
      assertThat(lister.byTag("all")).hasSize(FOOS);

      assertThat(liveInformerThreads()).contains("informer-Foo-reflector", "informer-Foo-controller");

      // live changes reach the handler and the lister, indexes included
      FooClient ns0 = clientset().samplecontrollerV1alpha1().foos(ns.get(0));
      ns0.create(Foo.of(ns.get(0), "foo-new", "deploy-new", "fresh"));
      Foo moved = Cache.copy(lister.foos(ns3).get("foo-13").orElseThrow());
      moved.getSpec().setDeploymentName("deploy-moved");
      clientset().samplecontrollerV1alpha1().foos(ns3).update(moved);
      clientset().samplecontrollerV1alpha1().foos(ns.get(4)).delete("foo-14");
      await("add, update and delete delivered", () -> handler.added.containsKey(ns.get(0) + "/foo-new")
          && handler.updated.containsKey(ns3 + "/foo-13") && handler.deleted.containsKey(ns.get(4) + "/foo-14"));
      assertThat(handler.updated.get(ns3 + "/foo-13").getSpec().getDeploymentName()).isEqualTo("deploy-moved");
      assertThat(lister.byDeployment("deploy-new")).extracting(f -> f.getMetadata().getName()).containsExactly("foo-new");
      assertThat(lister.byDeployment("deploy-moved")).extracting(f -> f.getMetadata().getName()).containsExactly("foo-13");
      assertThat(lister.byDeployment("deploy-13")).extracting(f -> f.getMetadata().getName()).doesNotContain("foo-13");
      assertThat(lister.foos(ns.get(4)).get("foo-14")).isEmpty();
      assertThat(lister.list(LabelSelector.everything())).hasSize(total);

      // a handler added to the running informer first gets the whole cache, then live changes
      RecordingHandler late = new RecordingHandler(total);
      ResourceEventHandlerRegistration lateRegistration = foos.informer().addEventHandler(late);
      assertThat(late.initialList.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(late.initial).contains(ns.get(0) + "/foo-new").doesNotContain(ns.get(4) + "/foo-14");
      await("late handler synced", lateRegistration::hasSynced);
      ns0.delete("foo-new");
      await("late handler sees a delete", () -> late.deleted.containsKey(ns.get(0) + "/foo-new"));

      // the untyped view of the same informer
      GenericInformer generic = factory.forResource(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos"));
      assertThat(generic.informer()).isSameAs(foos.informer());
      assertThat(generic.lister().list(ns3, LabelSelector.everything())).hasSize(FOOS / NAMESPACES);
      assertThat(generic.lister().get(ns3, "foo-13")).get().isInstanceOf(Foo.class);
      assertThatThrownBy(() -> factory.forResource(new GroupVersionResource("apps", "v1", "deployments")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("apps/v1, Resource=deployments")
          .hasMessageContaining("samplecontroller.k8s.io/v1alpha1, Resource=foos");
      assertThatThrownBy(() -> factory.forResource(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "policies")))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      factory.shutdown();
    }
    assertNoInformerThreadsLeft();
  }

  @Test
  void namespaceAndListOptionsOfTheFactoryAreHonoured() throws Exception {
    List<String> ns = namespaces("opt");
    int perNamespace = 100;
    for (String n : ns.subList(0, 2)) {
      for (int i = 0; i < perNamespace; i++) {
        Foo foo = Foo.of(n, "foo-" + i, "opt-deploy-" + (i % 5));
        foo.getMetadata().getLabels().put("keep", i % 2 == 0 ? "yes" : "no");
        clientset().samplecontrollerV1alpha1().foos(n).create(foo);
      }
    }
    String zone = "zone-" + System.nanoTime();
    for (int i = 0; i < 4; i++) {
      Bar bar = Bar.of("bar-" + zone + "-" + i, zone);
      bar.metadata().getLabels().put("keep", i < 3 ? "yes" : "no");
      clientset().samplecontrollerV1alpha1().bars().create(bar);
    }
    SharedInformerFactory factory = SharedInformerFactory.create(clientset(), Duration.ofMinutes(10),
        SharedInformerOption.namespace(ns.get(1)),
        SharedInformerOption.tweakListOptions(o -> o.toBuilder().labelSelector("keep=yes").build()));
    try {
      FooInformer foos = factory.samplecontroller().v1alpha1().foos();
      BarInformer bars = factory.samplecontroller().v1alpha1().bars();
      foos.informer();
      bars.informer();
      factory.start();
      factory.start(); // idempotent
      assertThat(factory.waitForCacheSync(WAIT)).isEqualTo(Map.of(Foo.class, true, Bar.class, true));
      assertThat(foos.lister().list(LabelSelector.everything())).hasSize(perNamespace / 2)
          .allMatch(f -> f.getMetadata().getNamespace().equals(ns.get(1)))
          .allMatch(f -> f.getMetadata().getLabels().get("keep").equals("yes"));
      assertThat(foos.lister().foos(ns.get(0)).list(LabelSelector.everything())).isEmpty();
      assertThat(foos.lister().byDeployment("opt-deploy-2")).hasSize(perNamespace / 10);
      // cluster-scoped types ignore the namespace option but not the list options
      List<Bar> inZone = bars.lister().list(LabelSelector.everything()).stream()
          .filter(b -> zone.equals(b.zone())).toList();
      assertThat(inZone).hasSize(3);
      assertThat(bars.lister().get("bar-" + zone + "-0")).isPresent();
      assertThat(bars.lister().get("bar-" + zone + "-3")).isEmpty();

      // an informer asked for after start() is started by the next start()
      var late = factory.core().v1().namespaces();
      late.informer();
      assertThat(late.informer().isStarted()).isFalse();
      factory.start();
      assertThat(late.informer().isStarted()).isTrue();
    } finally {
      factory.shutdown();
    }
    assertNoInformerThreadsLeft();
    assertThatThrownBy(() -> factory.samplecontroller().v1alpha1().foos().informer())
        .isInstanceOf(IllegalStateException.class);
  }
}
