package io.kubegen.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TestFoo;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.RecordedRequest;
import io.kubegen.runtime.testserver.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The requests the helper sends, over real HTTP to a scripted loopback server. */
@Timeout(30)
class ResourceHelperTest {
  private static final RestMapping CONFIGMAPS = new RestMapping(new GroupVersionResource("", "v1", "configmaps"),
      new GroupVersionKind("", "v1", "ConfigMap"), true);
  private static final RestMapping NAMESPACES = new RestMapping(new GroupVersionResource("", "v1", "namespaces"),
      new GroupVersionKind("", "v1", "Namespace"), false);
  private static final RestMapping FOOS = new RestMapping(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos"),
      new GroupVersionKind("samplecontroller.k8s.io", "v1alpha1", "Foo"), true);
  private static final String CM_PATH = "/api/v1/namespaces/team-a/configmaps";
  private static final String STORED = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"namespace\":\"team-a\","
      + "\"resourceVersion\":\"7\"},\"data\":{\"k\":\"v\"}}";

  private FaultServer server;
  private RestClient client;
  private ResourceHelper helper;

  @BeforeEach
  void start() {
    server = FaultServer.start();
    client = RestClient.create(RestConfig.builder().server(server.url().toString()).qps(-1).build());
    helper = ResourceHelper.create(client, CONFIGMAPS).withFieldManager("tests");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static GenericObject cm(String name) {
    GenericObject o = new GenericObject(null, null, ObjectMeta.builder().name(name).resourceVersion("3").build());
    return o.set("data", java.util.Map.of("k", "v"));
  }

  private RecordedRequest only() {
    List<RecordedRequest> requests = server.requests();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static JsonNode body(RecordedRequest r) {
    return Json.read(r.body(), JsonNode.class);
  }

  @Test
  void createFillsInTypeAndNamespaceDropsTheResourceVersionAndReturnsTheServersObject() {
    server.route("POST", CM_PATH).always(Reply.json(201, STORED));
    GenericObject created = helper.create("team-a", cm("x"));
    assertThat(created.getMetadata().getResourceVersion()).isEqualTo("7");
    RecordedRequest r = only();
    assertThat(r.query()).containsEntry("fieldManager", "tests").doesNotContainKey("dryRun");
    JsonNode sent = body(r);
    assertThat(sent.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(sent.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(sent.at("/metadata/namespace").asText()).isEqualTo("team-a");
    assertThat(sent.at("/metadata/resourceVersion").isMissingNode()).isTrue();
  }

  @Test
  void serverDryRunAddsDryRunAllToEveryWrite() {
    server.route("POST", CM_PATH).always(Reply.json(201, STORED));
    server.route(CM_PATH + "/x").always(Reply.json(200, STORED));
    ResourceHelper dry = helper.withDryRun(DryRun.SERVER);
    dry.create("team-a", cm("x"));
    dry.replace("team-a", cm("x"));
    dry.patch("team-a", "x", PatchType.MERGE, "{}");
    dry.apply("team-a", cm("x"), false);
    dry.delete("team-a", "x", DeleteOptions.builder().propagationPolicy(DeleteOptions.FOREGROUND).build());
    List<RecordedRequest> requests = server.requests();
    assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "PUT", "PATCH", "PATCH", "DELETE");
    assertThat(requests.subList(0, 4)).allSatisfy(r -> assertThat(r.query()).containsEntry("dryRun", "All"));
    JsonNode deleteOptions = body(requests.get(4));
    assertThat(deleteOptions.path("dryRun").toString()).isEqualTo("[\"All\"]");
    assertThat(deleteOptions.path("propagationPolicy").asText()).isEqualTo("Foreground");
  }

  @Test
  void clientDryRunSendsNoWriteAndAnswersWhatWouldBeSent() {
    server.route("GET", CM_PATH + "/x").always(Reply.json(200, STORED));
    ResourceHelper dry = helper.withDryRun(DryRun.CLIENT);
    assertThat(dry.create("team-a", cm("x")).getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(dry.replace("team-a", cm("x")).getKind()).isEqualTo("ConfigMap");
    assertThat(dry.apply("team-a", cm("x"), true).getApiVersion()).isEqualTo("v1");
    assertThat(server.requests()).isEmpty();

    GenericObject merged = dry.patch("team-a", "x", PatchType.MERGE, "{\"data\":{\"k\":null,\"n\":\"new\"}}");
    assertThat(merged.get("data")).isEqualTo(java.util.Map.of("n", "new"));
    GenericObject jsonPatched = dry.patch("team-a", "x", PatchType.JSON, "[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"1\"}]");
    assertThat(jsonPatched.get("data", "j")).isEqualTo("1");
    assertThat(dry.delete("team-a", "x").getMetadata().getName()).isEqualTo("x");
    assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
    assertThatThrownBy(() -> dry.patch("team-a", "x", PatchType.STRATEGIC_MERGE, "{}"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void patchesCarryTheirContentTypes() {
    server.route("PATCH", CM_PATH + "/x").always(Reply.json(200, STORED));
    helper.patch("team-a", "x", PatchType.JSON, "[]");
    helper.patch("team-a", "x", PatchType.MERGE, "{}");
    helper.patch("team-a", "x", PatchType.STRATEGIC_MERGE, "{}");
    assertThat(server.requests()).extracting(r -> r.header("Content-Type")).containsExactly(
        "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json");
    assertThatThrownBy(() -> helper.patch("team-a", "x", PatchType.APPLY, "{}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serverSideApplySendsTheFieldManagerForceAndNoManagedFields() {
    server.route("PATCH", CM_PATH + "/x").always(Reply.json(200, STORED));
    GenericObject withManaged = cm("x");
    withManaged.getMetadata().setManagedFields(List.of(Json.read("{\"manager\":\"other\"}", JsonNode.class)));
    helper.apply("team-a", withManaged, true);
    RecordedRequest r = only();
    assertThat(r.header("Content-Type")).isEqualTo("application/apply-patch+yaml");
    assertThat(r.query()).containsEntry("fieldManager", "tests").containsEntry("force", "true");
    assertThat(body(r).at("/metadata/managedFields").isMissingNode()).isTrue();

    assertThatThrownBy(() -> ResourceHelper.create(client, CONFIGMAPS).apply("team-a", cm("x"), false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("field manager");
  }

  @Test
  void deleteSendsThePropagationPolicyAsTheBody() {
    server.route("DELETE", CM_PATH + "/x").always(Reply.json(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}"));
    GenericObject answer = helper.delete("team-a", "x", DeleteOptions.builder().propagationPolicy(DeleteOptions.BACKGROUND).build());
    assertThat(answer.getKind()).isEqualTo("Status");
    JsonNode sent = body(only());
    assertThat(sent.path("kind").asText()).isEqualTo("DeleteOptions");
    assertThat(sent.path("propagationPolicy").asText()).isEqualTo("Background");
    assertThat(sent.has("dryRun")).isFalse();
  }

  @Test
  void typedObjectsGoInAndComeBackInTheirOwnClass() {
    server.route("PATCH", "/apis/samplecontroller.k8s.io/v1alpha1/namespaces/team-a/foos/f").always(Reply.json(200,
        "{\"apiVersion\":\"samplecontroller.k8s.io/v1alpha1\",\"kind\":\"Foo\",\"metadata\":{\"name\":\"f\",\"namespace\":\"team-a\"},"
            + "\"spec\":{\"replicas\":2},\"status\":{\"availableReplicas\":1}}"));
    TestFoo foo = TestFoo.of("team-a", "f", 2);
    TestFoo applied = ResourceHelper.create(client, FOOS).withFieldManager("tests").apply(null, foo, false);
    assertThat(applied.getStatus().getAvailableReplicas()).isEqualTo(1);
    assertThat(body(only()).at("/spec/replicas").asInt()).isEqualTo(2);

    TestFoo wrongKind = TestFoo.of("team-a", "f", 2);
    wrongKind.setKind("Bar");
    assertThatThrownBy(() -> ResourceHelper.create(client, FOOS).withFieldManager("t").apply(null, wrongKind, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bar");
  }

  @Test
  void namespacesComeFromTheArgumentElseTheObjectAndClusterScopedResourcesHaveNone() {
    server.route("POST", "/api/v1/namespaces").always(Reply.json(201, "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"n\"}}"));
    GenericObject ns = new GenericObject("v1", "Namespace", ObjectMeta.builder().name("n").namespace("ignored").build());
    ResourceHelper.create(client, NAMESPACES).create("ignored-too", ns);
    assertThat(body(only()).at("/metadata/namespace").isMissingNode()).isTrue();

    server.route("GET", "/api/v1/namespaces/own/configmaps/x").always(Reply.json(200, STORED));
    GenericObject inOwn = cm("x");
    inOwn.getMetadata().setNamespace("own");
    helper.withDryRun(DryRun.CLIENT).delete("own", "x");
    assertThatThrownBy(() -> helper.create(null, cm("x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespaced");
  }

  @Test
  void serverFailuresAreApiExceptionsWithTheStatus() {
    server.route("POST", CM_PATH).always(Reply.status(409, "AlreadyExists", "configmaps \\\"x\\\" already exists"));
    assertThatThrownBy(() -> helper.create("team-a", cm("x")))
        .isInstanceOfSatisfying(KubeApiException.class, e -> {
          assertThat(e.isAlreadyExists()).isTrue();
          assertThat(ResourceHelper.describe(e)).isEqualTo("configmaps \"x\" already exists");
        });
  }
}
