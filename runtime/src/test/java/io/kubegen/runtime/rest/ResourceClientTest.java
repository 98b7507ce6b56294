package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.RecordedRequest;
import io.kubegen.runtime.testserver.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link ResourceClient} puts on the wire: verbs, paths, query parameters, bodies, content types. */
@Timeout(20)
class ResourceClientTest {
  private static final GroupVersionResource FOOS = new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos");
  private static final String BASE = "/apis/samplecontroller.k8s.io/v1alpha1/namespaces/ns/foos";
  private static final String FOO_JSON = Json.write(TestFoo.of("ns", "a", 1));

  private final FaultServer server = FaultServer.start();
  private final RestClient client = RestClient.create(RestConfig.builder().server(server.url().toString()).qps(-1).build());
  private final ResourceClient<TestFoo> foos = new ResourceClient<>(client, FOOS, TestFoo.class, "ns");

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private RecordedRequest only() {
    assertThat(server.requests()).hasSize(1);
    return server.requests().get(0);
  }

  @Test
  void applySendsTheWholeObjectAsAnApplyPatchWithTheFieldManager() {
    server.route("PATCH", BASE + "/a").always(Reply.json(200, FOO_JSON));
    TestFoo applied = foos.apply(TestFoo.of("ns", "a", 1), PatchOptions.builder().fieldManager("ctl").force(true).build());
    assertThat(applied.getMetadata().getName()).isEqualTo("a");
    RecordedRequest r = only();
    assertThat(r.header("Content-Type")).isEqualTo("application/apply-patch+yaml");
    assertThat(r.query()).containsEntry("fieldManager", "ctl").containsEntry("force", "true");
    assertThat(Json.read(r.body(), TestFoo.class).getSpec().getReplicas()).isEqualTo(1);
    assertThatThrownBy(() -> foos.apply(TestFoo.of("ns", "a", 1), PatchOptions.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fieldManager");
  }

  @Test
  void applyStatusAndPatchOfASubresourceGoToTheSubresource() {
    server.route("PATCH", BASE + "/a/status").always(Reply.json(200, FOO_JSON));
    foos.applyStatus(TestFoo.of("ns", "a", 1), PatchOptions.builder().fieldManager("ctl").build());
    foos.patch("a", PatchType.JSON, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":{}}]", null, "status");
    assertThat(server.requests()).extracting(r -> r.header("Content-Type"))
        .containsExactly("application/apply-patch+yaml", "application/json-patch+json");
    assertThat(server.requests().get(0).query()).containsEntry("fieldManager", "ctl");
    assertThatThrownBy(() -> foos.patch("a", PatchType.MERGE, "{}", null, "status", "deeper"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subresourceVerbsUseTheirPaths() {
    server.route("GET", BASE + "/a/scale").always(Reply.json(200, "{\"spec\":{\"replicas\":3}}"));
    server.route("PUT", BASE + "/a/scale").always(Reply.json(200, "{\"spec\":{\"replicas\":4}}"));
    server.route("POST", BASE + "/a/eviction").always(Reply.json(201, "{\"kind\":\"Status\",\"status\":\"Success\"}"));
    @SuppressWarnings("unchecked")
    Map<String, Object> scale = foos.getSubresource("a", "scale", Map.class, GetOptions.builder().resourceVersion("0").build());
    assertThat(scale).containsKey("spec");
    foos.updateSubresource("a", "scale", Map.of("spec", Map.of("replicas", 4)), Map.class, UpdateOptions.none());
    io.kubegen.runtime.api.Status status = foos.createSubresource("a", "eviction", Map.of("kind", "Eviction"),
        io.kubegen.runtime.api.Status.class, CreateOptions.none());
    assertThat(status.getStatus()).isEqualTo("Success");
    assertThat(server.requests().get(0).query()).containsEntry("resourceVersion", "0");
    assertThat(server.requests().get(1).body()).isEqualTo("{\"spec\":{\"replicas\":4}}");
  }

  @Test
  void deleteOfASubresourceGoesToItsPathWithTheOptionsAsParameters() {
    server.route("DELETE", BASE + "/a/finalizer").always(Reply.json(200, "{\"kind\":\"Status\",\"status\":\"Success\"}"));
    ResourceOperations<TestFoo> operations = foos;
    operations.deleteSubresource("a", "finalizer", DeleteOptions.builder().gracePeriodSeconds(0L).build());
    RecordedRequest r = only();
    assertThat(r.method()).isEqualTo("DELETE");
    assertThat(r.query()).containsEntry("gracePeriodSeconds", "0");
  }

  @Test
  void deleteCollectionSendsSelectorsAsParametersAndOptionsAsBody() {
    server.route("DELETE", BASE).always(Reply.json(200, "{\"kind\":\"Status\",\"status\":\"Success\"}"));
    foos.deleteCollection(DeleteOptions.builder().propagationPolicy(DeleteOptions.FOREGROUND).build(),
        ListOptions.builder().labelSelector("app=x").build());
    RecordedRequest r = only();
    assertThat(r.query()).containsEntry("labelSelector", "app=x");
    assertThat(Json.read(r.body(), Map.class)).containsEntry("kind", "DeleteOptions")
        .containsEntry("propagationPolicy", "Foreground");
  }

  @Test
  void clusterWideClientsUseTheObjectsNamespaceForWritesAndNoneForLists() {
    server.route("POST", BASE).always(Reply.json(201, FOO_JSON));
    server.route("GET", "/apis/samplecontroller.k8s.io/v1alpha1/foos").always(Reply.json(200, "{\"items\":[]}"));
    ResourceClient<TestFoo> all = foos.inNamespace(null);
    all.create(TestFoo.of("ns", "a", 1), null);
    assertThat(all.list(null).getItems()).isEmpty();
    assertThat(server.requests()).extracting(RecordedRequest::path)
        .containsExactly(BASE, "/apis/samplecontroller.k8s.io/v1alpha1/foos");
    TestFoo nameless = new TestFoo();
    assertThatThrownBy(() -> foos.update(nameless, null)).hasMessageContaining("metadata.name");
  }

  @Test
  void writesFillInANullApiVersionAndKindFromTheResourceTypeWithoutChangingTheObject() {
    server.route("POST", BASE).always(Reply.json(201, FOO_JSON));
    server.route("PUT", BASE + "/a").always(Reply.json(200, FOO_JSON));
    server.route("PUT", BASE + "/a/status").always(Reply.json(200, FOO_JSON));
    server.route("PATCH", BASE + "/a").always(Reply.json(200, FOO_JSON));
    ResourceClient<TestFoo> typed = new ResourceClient<>(client,
        new ResourceType<>(FOOS, "Foo", TestFoo.class, true, true), "ns");
    TestFoo bare = TestFoo.of("ns", "a", 2);
    bare.setApiVersion(null);
    bare.setKind(null);
    typed.create(bare, null);
    typed.update(bare, null);
    typed.updateStatus(bare, null);
    typed.apply(bare, PatchOptions.builder().fieldManager("ctl").build());
    assertThat(server.requests()).hasSize(4).allSatisfy(r -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = Json.read(r.body(), Map.class);
      assertThat(body).containsEntry("apiVersion", "samplecontroller.k8s.io/v1alpha1").containsEntry("kind", "Foo")
          .containsKey("metadata").containsKey("spec");
      assertThat(Json.read(r.body(), TestFoo.class).getSpec().getReplicas()).isEqualTo(2);
    });
    assertThat(bare.getApiVersion()).isNull();
    assertThat(bare.getKind()).isNull();
  }

  @Test
  void writesKeepTheObjectsOwnApiVersionAndKind() {
    server.route("POST", BASE).always(Reply.json(201, FOO_JSON));
    ResourceClient<TestFoo> typed = new ResourceClient<>(client,
        new ResourceType<>(FOOS, "Foo", TestFoo.class, true, true), "ns");
    TestFoo foo = TestFoo.of("ns", "a", 2);
    foo.setApiVersion("samplecontroller.k8s.io/v1beta1");
    typed.create(foo, null);
    TestFoo withoutKind = TestFoo.of("ns", "b", 2);
    withoutKind.setKind(null);
    typed.create(withoutKind, null);
    foos.create(withoutKind, null); // a client built from a bare resource knows no kind: sent as it is
    assertThat(server.requests()).extracting(r -> Json.read(r.body(), Map.class).get("apiVersion"))
        .containsExactly("samplecontroller.k8s.io/v1beta1", "samplecontroller.k8s.io/v1alpha1", "samplecontroller.k8s.io/v1alpha1");
    assertThat(server.requests()).extracting(r -> Json.read(r.body(), Map.class).get("kind"))
        .containsExactly("Foo", "Foo", null);
  }
}
