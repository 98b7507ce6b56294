package io.kubegen.apiserver.e2e.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.dynamic.DynamicClient;
import io.kubegen.runtime.dynamic.DynamicInformer;
import io.kubegen.runtime.dynamic.DynamicResource;
import io.kubegen.runtime.dynamic.DynamicSharedInformerFactory;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.resource.ManifestResult;
import io.kubegen.runtime.resource.ResourceBuilder;
import io.kubegen.runtime.resource.Manifests;
import io.kubegen.runtime.rest.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dynamic informer factory over real HTTP, for a custom resource installed from a manifest at run time. */
@Timeout(60)
class DynamicInformerFactoryTest {
  private static final GroupVersionResource GADGETS = new GroupVersionResource("example.io", "v1", "gadgets");
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gadgets.example.io}
      spec:
        group: example.io
        scope: Namespaced
        names: {plural: gadgets, singular: gadget, kind: Gadget}
        versions:
        - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
      """;

  private EmbeddedApiServer server;
  private RestClient client;
  private DynamicSharedInformerFactory factory;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.start();
    client = RestClient.create(server.restConfig());
    List<ManifestResult> installed = Manifests.using(client).create(ResourceBuilder.create(client).strings(CRD).build());
    assertThat(installed).extracting(ManifestResult::toString)
        .containsExactly("customresourcedefinition.apiextensions.k8s.io/gadgets.example.io created");
  }

  @AfterEach
  void stop() {
    if (factory != null) {
      factory.shutdown();
    }
    client.close();
    server.close();
  }

  private static GenericObject gadget(String namespace, String name, Map<String, String> labels) {
    GenericObject g = new GenericObject("example.io/v1", "Gadget", ObjectMeta.builder().namespace(namespace).name(name).labels(labels).build());
    return g.setPath(3, "spec", "size");
  }

  @Test
  void sharesOneInformerPerResourceListsWatchesAndServesTheCache() throws Exception {
    DynamicResource gadgets = DynamicClient.create(client).resource(GADGETS);
    gadgets.namespace("default").create(gadget("default", "before", Map.of("tier", "web")), null);

    factory = DynamicSharedInformerFactory.create(DynamicClient.create(client), Duration.ZERO);
    DynamicInformer informer = factory.forResource(GADGETS);
    assertThat(factory.forResource(GADGETS)).isSameAs(informer);
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    informer.informer().addEventHandler(new ResourceEventHandler<GenericObject>() {
      @Override
      public void onAdd(GenericObject obj, boolean initial) { events.add("add " + obj.getMetadata().getName() + " " + initial); }

      @Override
      public void onUpdate(GenericObject oldObj, GenericObject newObj) { events.add("update " + newObj.getMetadata().getName()); }

      @Override
      public void onDelete(GenericObject obj, boolean unknown) { events.add("delete " + obj.getMetadata().getName()); }
    });
    factory.start();
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(20))).containsEntry(GADGETS, true);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("add before true");

    gadgets.namespace("kube-public").create(gadget("kube-public", "after", Map.of()), null);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("add after false");
    gadgets.namespace("default").patch("before", io.kubegen.runtime.api.PatchType.MERGE, "{\"spec\":{\"size\":4}}", null);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("update before");

    assertThat(informer.lister().list(LabelSelector.everything())).extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("before", "after");
    assertThat(informer.lister().list(LabelSelector.parse("tier=web"))).extracting(o -> o.getMetadata().getName())
        .containsExactly("before");
    assertThat(informer.lister().namespace("kube-public").list(LabelSelector.everything()))
        .extracting(o -> o.getMetadata().getName()).containsExactly("after");
    assertThat(informer.lister().namespace("default").get("before")).get()
        .satisfies(o -> assertThat(o.get("spec", "size")).isEqualTo(4));
    assertThat(informer.lister().get("kube-public/after")).isPresent();

    gadgets.namespace("kube-public").delete("after", null);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("delete after");
    assertThat(informer.lister().get("kube-public/after")).isEmpty();
  }

  @Test
  void aFilteredFactoryWatchesOneNamespaceAndSelector() throws Exception {
    DynamicResource gadgets = DynamicClient.create(client).resource(GADGETS);
    gadgets.namespace("default").create(gadget("default", "web", Map.of("tier", "web")), null);
    gadgets.namespace("default").create(gadget("default", "db", Map.of("tier", "db")), null);
    gadgets.namespace("kube-public").create(gadget("kube-public", "elsewhere", Map.of("tier", "web")), null);

    factory = DynamicSharedInformerFactory.filtered(DynamicClient.create(client), Duration.ZERO, "default",
        o -> o.toBuilder().labelSelector("tier=web").build());
    DynamicInformer informer = factory.forResource(GADGETS);
    factory.start();
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(20))).containsEntry(GADGETS, true);

    assertThat(informer.lister().list(LabelSelector.everything())).extracting(o -> o.getMetadata().getName())
        .containsExactly("web");
    factory.shutdown();
    assertThat(informer.informer().isStopped()).isTrue();
  }
}
