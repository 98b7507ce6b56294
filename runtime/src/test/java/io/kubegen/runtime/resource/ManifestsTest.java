package io.kubegen.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TestFoo;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.RecordedRequest;
import io.kubegen.runtime.testserver.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The facade's outcomes, from the answers of a scripted loopback server. */
@Timeout(30)
class ManifestsTest {
  private static final String CMS = "/api/v1/namespaces/team-a/configmaps/";

  @TempDir
  Path dir;
  private FaultServer server;
  private RestClient client;
  private final StubDiscovery discovery = new StubDiscovery().add("samplecontroller.k8s.io", "v1alpha1", "foos", "Foo", true);

  @BeforeEach
  void start() {
    server = FaultServer.start();
    client = RestClient.create(RestConfig.builder().server(server.url().toString()).namespace("team-a").qps(-1).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Manifests manifests() {
    return Manifests.using(client).mapper(RestMapper.create(discovery));
  }

  private static String cm(String name, String value) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"team-a\","
        + "\"resourceVersion\":\"5\"},\"data\":{\"k\":\"" + value + "\"}}";
  }

  private static String yaml(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata: {k: " + value + "}\n";
  }

  @Test
  void applyReportsCreatedUnchangedConfiguredAndFailuresInSourceOrder() throws Exception {
    server.route("GET", CMS + "new").always(Reply.status(404, "NotFound", "configmaps \\\"new\\\" not found"));
    server.route("PATCH", CMS + "new").always(Reply.json(200, cm("new", "v")));
    server.route("GET", CMS + "same").always(Reply.json(200, cm("same", "v")));
    server.route("PATCH", CMS + "same").always(Reply.json(200, cm("same", "v")));
    server.route("GET", CMS + "changed").always(Reply.json(200, cm("changed", "old")));
    server.route("PATCH", CMS + "changed").always(Reply.json(200, cm("changed", "v").replace("\"5\"", "\"6\"")));
    server.route("GET", CMS + "conflict").always(Reply.json(200, cm("conflict", "old")));
    server.route("PATCH", CMS + "conflict").always(Reply.status(409, "Conflict", "Apply failed with 1 conflict"));
    Path file = Files.writeString(dir.resolve("all.yaml"), String.join("---\n", yaml("new", "v"), yaml("same", "v"),
        yaml("changed", "v"), yaml("conflict", "v"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: gen-}\n",
        "apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: g}\n", "kind: [\n", yaml("never-read", "v")));

    List<ManifestResult> results = manifests().apply(file);

    assertThat(results).extracting(r -> r.toString().replace(dir + "/", "")).containsExactly(
        "configmap/new created",
        "configmap/same unchanged",
        "configmap/changed configured",
        "error when applying \"all.yaml\" (document 4): Apply failed with 1 conflict",
        "error when applying \"all.yaml\" (document 5): cannot use generate name with apply",
        "resource mapping not found for name: \"g\" namespace: \"\" from \"all.yaml\" (document 6): no matches for kind "
            + "\"Gadget\" in version \"example.io/v1\"\nensure CRDs are installed first",
        "error parsing all.yaml (document 7): yaml: line 2: expected the node content, but found '<stream end>'");
    assertThat(results.get(3).error().getCause()).isInstanceOf(io.kubegen.runtime.rest.KubeApiException.class);
    assertThat(results.get(3).displayName()).isEqualTo("configmap/conflict");
    assertThat(results.get(2).object().getMetadata().getResourceVersion()).isEqualTo("6");
    RecordedRequest apply = server.requests(CMS + "new").get(1);
    assertThat(apply.query()).containsEntry("fieldManager", "kubegen").doesNotContainKey("force");
  }

  @Test
  void createReportsCreatedOrTheServersRefusal() {
    server.route("POST", "/api/v1/namespaces/team-a/configmaps").then(
        Reply.json(201, cm("a", "v")), Reply.status(409, "AlreadyExists", "configmaps \\\"b\\\" already exists"));
    List<ManifestResult> results = manifests().create(ResourceBuilder.create(client).mapper(RestMapper.create(discovery))
        .strings(yaml("a", "v") + "---\n" + yaml("b", "v")).continueOnError().build());
    assertThat(results).extracting(ManifestResult::toString).containsExactly("configmap/a created",
        "error when creating \"<string 1>\" (document 2): configmaps \"b\" already exists");
    assertThat(results).extracting(ManifestResult::outcome).containsExactly(ManifestResult.Outcome.CREATED, ManifestResult.Outcome.FAILED);
  }

  @Test
  void clientDryRunReadsButNeverWrites() {
    server.route("GET", CMS + "same").always(Reply.json(200, cm("same", "v")));
    server.route("GET", CMS + "changed").always(Reply.json(200, cm("changed", "old")));
    server.route("GET", CMS + "absent").always(Reply.status(404, "NotFound", "not found"));
    List<ManifestResult> results = manifests().dryRun(DryRun.CLIENT).apply(ResourceBuilder.create(client)
        .mapper(RestMapper.create(discovery)).strings(yaml("same", "v"), yaml("changed", "v"), yaml("absent", "v")).build());
    assertThat(results).extracting(ManifestResult::toString).containsExactly("configmap/same unchanged (dry run)",
        "configmap/changed configured (dry run)", "configmap/absent created (dry run)");
    assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
  }

  @Test
  void generatedModelsAreAppliedWithTheirTypeAndAForcedFieldManager() {
    String path = "/apis/samplecontroller.k8s.io/v1alpha1/namespaces/team-a/foos/f";
    server.route("GET", path).always(Reply.status(404, "NotFound", "no"));
    server.route("PATCH", path).always(Reply.json(200, "{\"apiVersion\":\"samplecontroller.k8s.io/v1alpha1\",\"kind\":\"Foo\","
        + "\"metadata\":{\"name\":\"f\",\"namespace\":\"team-a\"},\"spec\":{\"replicas\":4}}"));
    List<ManifestResult> results = manifests().fieldManager("operator").force(true).applyObjects(TestFoo.of(null, "f", 4));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.toString()).isEqualTo("foo.samplecontroller.k8s.io/f created");
      assertThat(r.source().location()).isEqualTo("<object 1>");
      assertThat(r.object().as(TestFoo.class).getSpec().getReplicas()).isEqualTo(4);
    });
    assertThat(server.requests(path).get(1).query()).containsEntry("fieldManager", "operator").containsEntry("force", "true");
  }
}
