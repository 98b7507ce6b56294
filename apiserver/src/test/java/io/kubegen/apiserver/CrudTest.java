package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedApiServerExtension.class)
@Timeout(30)
class CrudTest {
  EmbeddedApiServer server;
  Http http;

  @BeforeEach
  void client() { http = new Http(server.url()); }

  private static String cm(String name, String extra) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"" + extra + "},\"data\":{\"k\":\"v\"}}";
  }

  @Test
  void initialNamespacesExist() {
    Http.Response r = http.get("/api/v1/namespaces");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().path("items").findValuesAsText("name")).contains("default", "kube-system", "kube-public");
  }

  @Test
  void createGetUpdateDelete() {
    Http.Response created = http.post("/api/v1/namespaces/default/configmaps", cm("crud-a", ""));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.text("/metadata/uid")).isNotEmpty();
    assertThat(created.text("/metadata/creationTimestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(created.body().at("/metadata/generation").asLong()).isEqualTo(1);
    String rv = created.text("/metadata/resourceVersion");

    Http.Response got = http.get("/api/v1/namespaces/default/configmaps/crud-a");
    assertThat(got.code()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(created.body());

    Http.Response again = http.post("/api/v1/namespaces/default/configmaps", cm("crud-a", ""));
    assertThat(again.code()).isEqualTo(409);
    assertThat(again.text("/reason")).isEqualTo("AlreadyExists");

    Http.Response updated = http.put("/api/v1/namespaces/default/configmaps/crud-a",
        cm("crud-a", ",\"resourceVersion\":\"" + rv + "\",\"labels\":{\"x\":\"y\"}"));
    assertThat(updated.code()).isEqualTo(200);
    assertThat(Long.parseLong(updated.text("/metadata/resourceVersion"))).isGreaterThan(Long.parseLong(rv));
    assertThat(updated.text("/metadata/uid")).isEqualTo(created.text("/metadata/uid"));

    Http.Response stale = http.put("/api/v1/namespaces/default/configmaps/crud-a", cm("crud-a", ",\"resourceVersion\":\"" + rv + "\""));
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.text("/reason")).isEqualTo("Conflict");

    assertThat(http.delete("/api/v1/namespaces/default/configmaps/crud-a").code()).isEqualTo(200);
    Http.Response missing = http.get("/api/v1/namespaces/default/configmaps/crud-a");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.text("/kind")).isEqualTo("Status");
    assertThat(missing.text("/reason")).isEqualTo("NotFound");
  }

  @Test
  void invalidRequestsGetStatusBodies() {
    Http.Response noName = http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{}}");
    assertThat(noName.code()).isEqualTo(422);
    assertThat(noName.text("/reason")).isEqualTo("Invalid");

    Http.Response wrongNs = http.post("/api/v1/namespaces/default/configmaps", cm("crud-b", ",\"namespace\":\"kube-system\""));
    assertThat(wrongNs.code()).isEqualTo(422);

    Http.Response noSuchNs = http.post("/api/v1/namespaces/nope/configmaps", cm("crud-b", ""));
    assertThat(noSuchNs.code()).isEqualTo(404);

    Http.Response unknown = http.get("/apis/unknown.example.com/v1/namespaces/default/widgets");
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.text("/kind")).isEqualTo("Status");

    Http.Response badJson = http.post("/api/v1/namespaces/default/configmaps", "{not json");
    assertThat(badJson.code()).isEqualTo(400);
  }

  @Test
  void generateNameAssignsAUniqueName() {
    Http.Response a = http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"generateName\":\"gen-\"}}");
    Http.Response b = http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"generateName\":\"gen-\"}}");
    assertThat(a.code()).isEqualTo(201);
    assertThat(a.text("/metadata/name")).startsWith("gen-").hasSize(9).isNotEqualTo(b.text("/metadata/name"));
  }

  @Test
  void statusSubresourceSeparatesSpecAndStatus() {
    server.register(ResourceDefinition.of("example.com", "v1", "Widget", "widgets", true).withStatusSubresource());
    String base = "/apis/example.com/v1/namespaces/default/widgets";
    Http.Response created = http.post(base,
        "{\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":1},\"status\":{\"ready\":true}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().has("status")).isFalse();

    Http.Response status = http.put(base + "/w/status", "{\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":9},\"status\":{\"ready\":true}}");
    assertThat(status.code()).isEqualTo(200);
    assertThat(status.body().at("/status/ready").asBoolean()).isTrue();
    assertThat(status.body().at("/spec/size").asInt()).isEqualTo(1);
    assertThat(status.body().at("/metadata/generation").asLong()).isEqualTo(1);

    Http.Response main = http.put(base + "/w", "{\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":2},\"status\":{\"ready\":false}}");
    assertThat(main.body().at("/status/ready").asBoolean()).isTrue();
    assertThat(main.body().at("/spec/size").asInt()).isEqualTo(2);
    assertThat(main.body().at("/metadata/generation").asLong()).isEqualTo(2);

    Http.Response labelOnly = http.patch(base + "/w", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    assertThat(labelOnly.body().at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void finalizersDelayDeletion() {
    String base = "/api/v1/namespaces/default/configmaps";
    http.post(base, cm("fin", ",\"finalizers\":[\"example.com/keep\"]"));
    Http.Response deleting = http.delete(base + "/fin");
    assertThat(deleting.code()).isEqualTo(200);
    Http.Response still = http.get(base + "/fin");
    assertThat(still.code()).isEqualTo(200);
    assertThat(still.text("/metadata/deletionTimestamp")).isNotEmpty();

    Http.Response released = http.patch(base + "/fin", "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");
    assertThat(released.code()).isEqualTo(200);
    assertThat(http.get(base + "/fin").code()).isEqualTo(404);
  }

  @Test
  void deletePreconditionsAndDryRun() {
    String base = "/api/v1/namespaces/default/configmaps";
    Http.Response created = http.post(base, cm("pre", ""));
    Http.Response wrongUid = http.delete(base + "/pre", "{\"preconditions\":{\"uid\":\"other\"}}");
    assertThat(wrongUid.code()).isEqualTo(409);
    Http.Response dry = http.delete(base + "/pre?dryRun=All");
    assertThat(dry.code()).isEqualTo(200);
    assertThat(http.get(base + "/pre").code()).isEqualTo(200);
    Http.Response dryCreate = http.post(base + "?dryRun=All", cm("pre-dry", ""));
    assertThat(dryCreate.code()).isEqualTo(201);
    assertThat(http.get(base + "/pre-dry").code()).isEqualTo(404);
    Http.Response ok = http.delete(base + "/pre", "{\"preconditions\":{\"uid\":\"" + created.text("/metadata/uid") + "\"}}");
    assertThat(ok.code()).isEqualTo(200);
  }

  @Test
  void deleteCollectionHonoursSelectors() {
    String base = "/api/v1/namespaces/kube-public/configmaps";
    http.post(base, cm("dc-1", ",\"labels\":{\"group\":\"a\"}"));
    http.post(base, cm("dc-2", ",\"labels\":{\"group\":\"a\"}"));
    http.post(base, cm("dc-3", ",\"labels\":{\"group\":\"b\"}"));
    Http.Response r = http.delete(base + "?labelSelector=group%3Da");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().path("items").size()).isEqualTo(2);
    assertThat(http.get(base).body().path("items").findValuesAsText("name")).containsExactly("dc-3");
  }

  @Test
  void patchesOfEveryKind() {
    String base = "/api/v1/namespaces/default/pods";
    String pod = "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a:1\"},"
        + "{\"name\":\"b\",\"image\":\"b:1\"}]}}";
    assertThat(http.post(base, pod).code()).isEqualTo(201);
    Http.Response smp = http.patch(base + "/p", "application/strategic-merge-patch+json",
        "{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"b:2\"}]}}");
    assertThat(smp.code()).isEqualTo(200);
    assertThat(smp.body().at("/spec/containers").findValuesAsText("image")).containsExactly("a:1", "b:2");
    Http.Response merge = http.patch(base + "/p", "application/merge-patch+json",
        "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"c:1\"}]}}");
    assertThat(merge.body().at("/spec/containers").findValuesAsText("name")).containsExactly("c");
    Http.Response json = http.patch(base + "/p", "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"x\":\"1\"}}]");
    assertThat(json.body().at("/metadata/labels/x").asText()).isEqualTo("1");
    Http.Response badJson = http.patch(base + "/p", "application/json-patch+json",
        "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]");
    assertThat(badJson.code()).isEqualTo(422);
    Http.Response unsupported = http.patch(base + "/p", "text/plain", "x");
    assertThat(unsupported.code()).isEqualTo(415);
    Http.Response apply = http.patch("/api/v1/namespaces/default/configmaps/applied?fieldManager=test",
        "application/apply-patch+yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: v\n");
    assertThat(apply.code()).isEqualTo(200);
    assertThat(apply.text("/data/k")).isEqualTo("v");
  }

  @Test
  void crdCreationRegistersAndDeletionUnregisters() {
    String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"metadata\":{\"name\":\"gadgets.example.org\"},\"spec\":{\"group\":\"example.org\",\"scope\":\"Cluster\","
        + "\"names\":{\"plural\":\"gadgets\",\"singular\":\"gadget\",\"kind\":\"Gadget\"},"
        + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,"
        + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}]}}";
    assertThat(http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code()).isEqualTo(201);
    assertThat(http.get("/apis/example.org/v1").body().path("resources").findValuesAsText("name")).contains("gadgets");
    assertThat(http.post("/apis/example.org/v1/gadgets", "{\"metadata\":{\"name\":\"g\"}}").code()).isEqualTo(201);
    assertThat(http.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.org").code()).isEqualTo(200);
    assertThat(http.get("/apis/example.org/v1/gadgets").code()).isEqualTo(404);
    assertThat(http.get("/apis/example.org/v1").code()).isEqualTo(404);
  }
}
