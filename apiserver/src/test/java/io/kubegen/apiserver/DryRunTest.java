package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dryRun=All} on every write verb: the answer is what a real write would answer, and
 * nothing is stored, no resourceVersion is used up and no watcher sees an event. Each check
 * watches the collection from the current revision, runs the dry write, then makes a real
 * "sentinel" write: the first event must be the sentinel's.
 */
@ExtendWith(EmbeddedApiServerExtension.class)
@Timeout(60)
class DryRunTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  EmbeddedApiServer server;
  Http http;
  private static final java.util.concurrent.atomic.AtomicInteger SENTINELS = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void client() { http = new Http(server.url()); }

  private static String cm(String name, String extra) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"" + extra + "},\"data\":{\"k\":\"v\"}}";
  }

  /** Runs {@code write} as a dry run and proves it stored nothing and told no watcher. */
  private Http.Response dry(String collection, Supplier<Http.Response> write) throws Exception {
    long revision = server.storage().revision();
    try (Http.Stream watch = http.watch(collection + "?watch=true&resourceVersion=" + revision)) {
      Http.Response r = write.get();
      assertThat(server.storage().revision()).as("no resourceVersion used up").isEqualTo(revision);
      String sentinel = "sentinel-" + SENTINELS.incrementAndGet();
      assertThat(http.post(CMS, cm(sentinel, "")).code()).isEqualTo(201);
      JsonNode first = watch.nextChange();
      assertThat(first.at("/object/metadata/name").asText()).as("first event after the dry run").isEqualTo(sentinel);
      return r;
    }
  }

  @Test
  void createAnswersTheObjectAsStoredWithoutStoringIt() throws Exception {
    Http.Response r = dry(CMS, () -> http.post(CMS + "?dryRun=All", cm("dry-create", "")));
    assertThat(r.code()).isEqualTo(201);
    assertThat(r.text("/metadata/uid")).isNotEmpty();
    assertThat(r.text("/metadata/creationTimestamp")).isNotEmpty();
    assertThat(r.body().at("/metadata/resourceVersion").isMissingNode()).isTrue();
    assertThat(http.get(CMS + "/dry-create").code()).isEqualTo(404);

    Http.Response generated = dry(CMS, () -> http.post(CMS + "?dryRun=All",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"gen-\"}}"));
    assertThat(generated.text("/metadata/name")).startsWith("gen-").hasSize(9);

    http.post(CMS, cm("exists", ""));
    assertThat(dry(CMS, () -> http.post(CMS + "?dryRun=All", cm("exists", ""))).code()).isEqualTo(409);
  }

  @Test
  void updatesAndPatchesAnswerTheChangedObjectAndKeepTheStoredOne() throws Exception {
    Http.Response created = http.post(CMS, cm("dry-change", ""));
    String rv = created.text("/metadata/resourceVersion");
    String path = CMS + "/dry-change";

    Http.Response put = dry(CMS, () -> http.put(path + "?dryRun=All",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dry-change\"},\"data\":{\"k\":\"put\"}}"));
    assertThat(put.code()).isEqualTo(200);
    assertThat(put.text("/data/k")).isEqualTo("put");
    assertThat(put.text("/metadata/resourceVersion")).isEqualTo(rv);

    for (String[] patch : new String[][] {
        {"application/merge-patch+json", "{\"data\":{\"k\":\"merge\"}}", "merge"},
        {"application/strategic-merge-patch+json", "{\"data\":{\"k\":\"strategic\"}}", "strategic"},
        {"application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"json\"}]", "json"}}) {
      Http.Response r = dry(CMS, () -> http.patch(path + "?dryRun=All", patch[0], patch[1]));
      assertThat(r.code()).as(patch[0]).isEqualTo(200);
      assertThat(r.text("/data/k")).isEqualTo(patch[2]);
    }
    Http.Response applied = dry(CMS, () -> http.patch(path + "?dryRun=All&fieldManager=t", "application/apply-patch+yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry-change}\ndata: {k: applied}\n"));
    assertThat(applied.text("/data/k")).isEqualTo("applied");
    Http.Response applyCreates = dry(CMS, () -> http.patch(CMS + "/dry-new?dryRun=All&fieldManager=t",
        "application/apply-patch+yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry-new}\n"));
    assertThat(applyCreates.code()).isEqualTo(200);
    assertThat(applyCreates.text("/metadata/uid")).isNotEmpty();

    JsonNode stored = http.get(path).body();
    assertThat(stored.at("/data/k").asText()).isEqualTo("v");
    assertThat(stored.at("/metadata/resourceVersion").asText()).isEqualTo(rv);
    assertThat(http.get(CMS + "/dry-new").code()).isEqualTo(404);
  }

  @Test
  void statusWritesOfCustomResourcesAreDryToo() throws Exception {
    server.register(ResourceDefinition.of("example.io", "v1", "Gizmo", "gizmos", true).withStatusSubresource());
    String gizmos = "/apis/example.io/v1/namespaces/default/gizmos";
    http.post(gizmos, "{\"apiVersion\":\"example.io/v1\",\"kind\":\"Gizmo\",\"metadata\":{\"name\":\"g\"},\"spec\":{}}");
    Http.Response status = dry(CMS, () -> http.put(gizmos + "/g/status?dryRun=All",
        "{\"apiVersion\":\"example.io/v1\",\"kind\":\"Gizmo\",\"metadata\":{\"name\":\"g\"},\"status\":{\"ready\":true}}"));
    assertThat(status.body().at("/status/ready").asBoolean()).isTrue();
    assertThat(http.get(gizmos + "/g").body().has("status")).isFalse();
  }

  @Test
  void deletesAnswerAsARealDeleteWouldAndDeleteNothing() throws Exception {
    http.post(CMS, cm("dry-delete", ""));
    Http.Response byQuery = dry(CMS, () -> http.delete(CMS + "/dry-delete?dryRun=All"));
    assertThat(byQuery.code()).isEqualTo(200);
    Http.Response byBody = dry(CMS, () -> http.delete(CMS + "/dry-delete",
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"],\"propagationPolicy\":\"Foreground\"}"));
    assertThat(byBody.code()).isEqualTo(200);
    assertThat(http.get(CMS + "/dry-delete").code()).isEqualTo(200);

    http.post(CMS, cm("dry-final", ",\"finalizers\":[\"example.io/keep\"]"));
    Http.Response marked = dry(CMS, () -> http.delete(CMS + "/dry-final?dryRun=All"));
    assertThat(marked.text("/metadata/deletionTimestamp")).as("answered as marked for deletion").isNotEmpty();
    assertThat(http.get(CMS + "/dry-final").body().at("/metadata/deletionTimestamp").isMissingNode()).isTrue();

    Http.Response collection = dry(CMS, () -> http.delete(CMS + "?labelSelector=", "{\"dryRun\":[\"All\"]}"));
    assertThat(collection.body().path("items").size()).isGreaterThanOrEqualTo(2);
    Http.Response collectionByQuery = dry(CMS, () -> http.delete(CMS + "?dryRun=All"));
    assertThat(collectionByQuery.code()).isEqualTo(200);
    assertThat(http.get(CMS).body().path("items").findValuesAsText("name")).contains("dry-delete", "dry-final");
  }

  @Test
  void aCustomResourceDefinitionCreatedDryServesNothing() throws Exception {
    String crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\",\"metadata\":{\"name\":\"dries.example.io\"},"
        + "\"spec\":{\"group\":\"example.io\",\"scope\":\"Namespaced\",\"names\":{\"plural\":\"dries\",\"kind\":\"Dry\"},"
        + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,"
        + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}]}}";
    Http.Response r = dry(CMS, () -> http.post(crds + "?dryRun=All", crd));
    assertThat(r.code()).isEqualTo(201);
    assertThat(http.get("/apis/example.io/v1/namespaces/default/dries").code()).isEqualTo(404);
  }

  @Test
  void aNamespaceDeletedDryKeepsWhatIsInIt() throws Exception {
    http.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"dry-ns\"}}");
    http.post("/api/v1/namespaces/dry-ns/configmaps", cm("inside", ""));
    dry(CMS, () -> http.delete("/api/v1/namespaces/dry-ns?dryRun=All"));
    assertThat(http.get("/api/v1/namespaces/dry-ns/configmaps/inside").code()).isEqualTo(200);
  }

  @Test
  void anUnsupportedDryRunValueIsABadRequest() {
    Http.Response r = http.post(CMS + "?dryRun=Some", cm("never", ""));
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.text("/message")).contains("Unsupported value: \"Some\"");
    assertThat(http.delete(CMS + "/never", "{\"dryRun\":[\"Maybe\"]}").code()).isEqualTo(400);
    assertThat(http.get(CMS + "/never").code()).isEqualTo(404);
  }
}
