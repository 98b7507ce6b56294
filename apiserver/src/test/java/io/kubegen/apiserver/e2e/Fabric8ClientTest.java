package io.kubegen.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fabric8 client against the embedded server, over HTTPS with a bearer token. */
@Timeout(60)
class Fabric8ClientTest {
  @RegisterExtension
  static EmbeddedApiServerExtension api = EmbeddedApiServerExtension.configured(b -> b.https(true).bearerToken("fabric8-token"));

  static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("example.com").withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true).build();

  KubernetesClient client;

  @BeforeEach
  void connect(EmbeddedApiServer server) {
    server.register(ResourceDefinition.of("example.com", "v1", "Widget", "widgets", true).withStatusSubresource());
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url().toString())
        .withCaCertData(java.util.Base64.getEncoder().encodeToString(server.caCertificatePem().getBytes()))
        .withOauthToken("fabric8-token").withNamespace("default").withRequestTimeout(10_000).build();
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterEach
  void disconnect() { client.close(); }

  private static GenericKubernetesResource widget(String name, int size) {
    return new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
        .withNewMetadata().withName(name).withLabels(Map.of("app", "w")).endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", size))).build();
  }

  private void namespace(String name) {
    client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(name)
        .endMetadata().build()).create();
  }

  @Test
  void crudOnGenericResources() {
    namespace("f8-crud");
    var widgets = client.genericKubernetesResources(WIDGETS).inNamespace("f8-crud");
    GenericKubernetesResource created = widgets.resource(widget("one", 1)).create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

    GenericKubernetesResource got = widgets.withName("one").get();
    assertThat(got.<Integer>get("spec", "size")).isEqualTo(1);

    got.setAdditionalProperty("spec", Map.of("size", 2));
    GenericKubernetesResource updated = widgets.resource(got).update();
    assertThat(updated.<Integer>get("spec", "size")).isEqualTo(2);
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);

    GenericKubernetesResource stale = widget("one", 3);
    stale.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
    assertThatThrownBy(() -> widgets.resource(stale).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

    GenericKubernetesResource edited = widgets.withName("one").edit(w -> {
      w.getMetadata().getLabels().put("edited", "yes");
      return w;
    });
    assertThat(edited.getMetadata().getLabels()).containsEntry("edited", "yes");

    widgets.resource(widget("two", 1)).create();
    assertThat(widgets.withLabel("edited", "yes").list().getItems()).extracting(r -> r.getMetadata().getName())
        .containsExactly("one");
    assertThat(widgets.list().getItems()).hasSize(2);

    assertThat(widgets.withName("one").delete()).hasSize(1);
    assertThat(widgets.withName("one").get()).isNull();
    widgets.withName("two").delete();
  }

  @Test
  void informerSyncsAndFollowsChanges() throws Exception {
    namespace("f8-inf");
    var widgets = client.genericKubernetesResources(WIDGETS).inNamespace("f8-inf");
    for (int i = 0; i < 25; i++) {
      widgets.resource(widget("inf-" + i, i)).create();
    }
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    SharedIndexInformer<GenericKubernetesResource> informer = widgets.withLimit(10L).runnableInformer(0);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) { events.add("add " + obj.getMetadata().getName()); }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        events.add("update " + newObj.getMetadata().getName() + " " + newObj.get("spec", "size"));
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        events.add("delete " + obj.getMetadata().getName());
      }
    });
    try {
      informer.start().toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(informer.hasSynced()).isTrue();
      assertThat(informer.getStore().list()).hasSize(25);
      widgets.resource(widget("inf-new", 100)).create();
      widgets.withName("inf-3").edit(w -> {
        w.setAdditionalProperty("spec", Map.of("size", 33));
        return w;
      });
      widgets.withName("inf-4").delete();
      List<String> wanted = List.of("add inf-new", "update inf-3 33", "delete inf-4");
      for (String w : wanted) {
        String e;
        do {
          e = events.poll(20, TimeUnit.SECONDS);
          assertThat(e).as("waiting for " + w).isNotNull();
        } while (!e.equals(w));
      }
      assertThat(informer.getStore().getByKey("f8-inf/inf-3").<Integer>get("spec", "size")).isEqualTo(33);
      assertThat(informer.getStore().getByKey("f8-inf/inf-4")).isNull();
    } finally {
      informer.close();
    }
  }
}
