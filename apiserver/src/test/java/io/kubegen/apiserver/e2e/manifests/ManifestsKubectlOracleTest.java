package io.kubegen.apiserver.e2e.manifests;

import static io.kubegen.apiserver.e2e.manifests.ManifestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.resource.DryRun;
import io.kubegen.runtime.resource.ManifestException;
import io.kubegen.runtime.resource.ManifestResult;
import io.kubegen.runtime.resource.Manifests;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubegen's {@link Manifests} against the pinned kubectl on the same files: each side gets its own
 * fresh embedded server, and afterwards both servers must hold the same objects, both sides must
 * name the same objects as written, and every failure kubegen reports (per document) must be one
 * kubectl reports too, with as many failures on each side.
 */
@Timeout(240)
class ManifestsKubectlOracleTest {
  private static final Pattern DOCUMENT = Pattern.compile(" \\(document \\d+\\)");
  private static final List<String> KUBECTL_ERROR_MARKERS = List.of("error parsing ", "error validating \"",
      "resource mapping not found for name:", "the namespace from the provided object", "error when creating \"");
  private static final List<String> LISTS = List.of("/api/v1/configmaps", "/api/v1/secrets",
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "/apis/example.io/v1/widgets");

  @TempDir
  Path dir;
  private EmbeddedApiServer kubectlServer;
  private EmbeddedApiServer kubegenServer;
  private PinnedKubectl kubectl;
  private RestClient client;

  @BeforeEach
  void start() {
    kubectlServer = EmbeddedApiServer.start();
    kubegenServer = EmbeddedApiServer.start();
    kubectl = new PinnedKubectl(kubectlServer, dir.resolve("kubectl-home"));
    client = RestClient.create(kubegenServer.restConfig());
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    kubectlServer.close();
    kubegenServer.close();
  }

  @Test
  void createOfMultiDocumentFilesAListAnUnknownKindAndBadDocumentsMatchesKubectl() {
    Path[] files = {
        write(dir, "m/multi.yaml", ManifestFixtures.MULTI),
        write(dir, "m/list.json", ManifestFixtures.LIST),
        write(dir, "m/unknown.yaml", ManifestFixtures.UNKNOWN_KIND),
        write(dir, "m/malformed.yaml", ManifestFixtures.MALFORMED),
        write(dir, "m/invalid.yaml", ManifestFixtures.INVALID)};

    PinnedKubectl.Result theirs = kubectl.run(args(List.of("create", "-o", "name"), files));
    List<ManifestResult> ours = Manifests.create(client, files);

    assertSameOutcome(theirs, ours);
    assertThat(failures(ours)).extracting(r -> r.error().stage() + " " + r.source())
        .containsExactly("MAPPING " + files[2] + " (document 1)", "PARSE " + files[3] + " (document 2)",
            "VALIDATE " + files[4] + " (document 2)");
    assertThat(names(ours)).containsExactly("configmap/one", "configmap/two", "secret/s1", "configmap/l1", "configmap/l2",
        "configmap/after-unknown", "configmap/before-bad", "configmap/before-invalid");

    // a second create of the same files fails for every object that exists, on both sides, in the same words
    assertSameOutcome(kubectl.run(args(List.of("create", "-o", "name"), files)), Manifests.create(client, files));
  }

  @Test
  void enforcedNamespaceRefusesAnObjectNamingAnotherOneAsKubectlDoes() {
    Path file = write(dir, "mismatch.yaml", ManifestFixtures.MISMATCH);

    PinnedKubectl.Result theirs = kubectl.run("create", "-n", "kube-public", "-o", "name", "-f", file.toString());
    List<ManifestResult> ours = Manifests.using(client).namespace("kube-public").enforceNamespace().create(file);

    assertSameOutcome(theirs, ours);
    assertThat(failures(ours)).singleElement().satisfies(r -> {
      assertThat(r.error().stage()).isEqualTo(ManifestException.Stage.NAMESPACE);
      assertThat(r.displayName()).isEqualTo("configmap/elsewhere");
    });
    assertThat(ours.get(1).object().getMetadata().getNamespace()).isEqualTo("kube-public");
  }

  @Test
  void labelSelectorKeepsOnlyMatchingObjectsAsKubectlDoes() {
    Path[] files = {write(dir, "multi.yaml", ManifestFixtures.MULTI), write(dir, "list.json", ManifestFixtures.LIST)};

    PinnedKubectl.Result theirs = kubectl.run(args(List.of("create", "-l", "tier=web", "-o", "name"), files));
    List<ManifestResult> ours = Manifests.using(client).labelSelector("tier=web").create(files);

    assertSameOutcome(theirs, ours);
    assertThat(names(ours)).containsExactly("configmap/one", "configmap/l2");
  }

  @Test
  void folderWithACrdAndItsResourcesIsCreatedInOnePassWhereKubectlNeedsTwo() {
    Path folder = ManifestFixtures.crdFolder(dir);

    // kubectl read discovery just before, so it does not look again for the kind the CRD adds
    PinnedKubectl.Result first = kubectl.run("create", "-o", "name", "-f", folder.toString());
    assertThat(lines(first.out())).containsExactly("customresourcedefinition.apiextensions.k8s.io/widgets.example.io");
    assertThat(errorCount(first.err())).isEqualTo(2);
    assertThat(first.err()).contains("resource mapping not found for name: \"w1\"", "ensure CRDs are installed first");
    PinnedKubectl.Result second = kubectl.run("create", "-o", "name", "-f", folder.toString());
    assertThat(lines(second.out())).containsExactly("widget.example.io/w1", "widget.example.io/w2");

    List<ManifestResult> ours = Manifests.create(client, folder);

    assertThat(failures(ours)).isEmpty();
    assertThat(names(ours)).containsExactly("customresourcedefinition.apiextensions.k8s.io/widgets.example.io",
        "widget.example.io/w1", "widget.example.io/w2");
    assertThat(state(kubegenServer)).isEqualTo(state(kubectlServer));

    // -R reads the nested folder too; everything else exists by now, on both sides
    assertSameOutcome(kubectl.run("create", "-R", "-o", "name", "-f", folder.toString()),
        Manifests.using(client).recursive(true).create(folder));
  }

  @Test
  void serverSideApplyOfACrdFolderNeedsOnePassWhereKubectlNeedsTwo() {
    Path folder = ManifestFixtures.crdFolder(dir);

    PinnedKubectl.Result first = kubectl.run("apply", "--server-side", "-o", "name", "-f", folder.toString());
    assertThat(first.exit()).isEqualTo(1);
    assertThat(first.err()).contains("no matches for kind \"Widget\" in version \"example.io/v1\"",
        "ensure CRDs are installed first");
    PinnedKubectl.Result second = kubectl.run("apply", "--server-side", "-o", "name", "-f", folder.toString());
    assertThat(second.exit()).as(second.err()).isZero();

    List<ManifestResult> ours = Manifests.apply(client, folder);

    assertThat(ours).extracting(ManifestResult::toString).containsExactly(
        "customresourcedefinition.apiextensions.k8s.io/widgets.example.io created", "widget.example.io/w1 created",
        "widget.example.io/w2 created");
    assertThat(names(ours)).containsExactlyElementsOf(lines(second.out()));
    assertThat(state(kubegenServer)).isEqualTo(state(kubectlServer));
  }

  @Test
  void serverSideApplyReportsCreatedUnchangedAndConfiguredWhileStoringWhatKubectlStores() {
    Path file = write(dir, "multi.yaml", ManifestFixtures.MULTI);

    PinnedKubectl.Result theirs = kubectl.run("apply", "--server-side", "-o", "name", "-f", file.toString());
    List<ManifestResult> ours = Manifests.apply(client, file);
    assertThat(theirs.exit()).as(theirs.err()).isZero();
    assertThat(names(ours)).containsExactlyElementsOf(lines(theirs.out()));
    assertThat(ours).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(ManifestResult.Outcome.CREATED));
    assertThat(state(kubegenServer)).isEqualTo(state(kubectlServer));

    assertThat(Manifests.apply(client, file)).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(ManifestResult.Outcome.UNCHANGED));

    write(dir, "multi.yaml", ManifestFixtures.MULTI.replace("data: {a: \"1\"}", "data: {a: \"changed\"}"));
    kubectl.run("apply", "--server-side", "-f", file.toString());
    assertThat(Manifests.apply(client, file)).extracting(ManifestResult::outcome).containsExactly(
        ManifestResult.Outcome.CONFIGURED, ManifestResult.Outcome.UNCHANGED, ManifestResult.Outcome.UNCHANGED);
    assertThat(state(kubegenServer)).isEqualTo(state(kubectlServer));
  }

  @Test
  void serverDryRunAnswersAsKubectlSeesItAndStoresNothing() throws Exception {
    Path existing = write(dir, "existing.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: two, namespace: kube-public}\n");
    kubectl.run("create", "-f", existing.toString());
    Manifests.create(client, existing);
    Path[] files = {write(dir, "multi.yaml", ManifestFixtures.MULTI), write(dir, "list.json", ManifestFixtures.LIST),
        write(dir, "unknown.yaml", ManifestFixtures.UNKNOWN_KIND)};
    long kubectlRevision = kubectlServer.storage().revision();
    long kubegenRevision = kubegenServer.storage().revision();
    Map<String, JsonNode> before = state(kubegenServer);

    PinnedKubectl.Result theirs = kubectl.run(args(List.of("create", "--dry-run=server", "-o", "json"), files));
    List<ManifestResult> ours;
    try (var watch = client.get().path("/api/v1/configmaps").param("resourceVersion", Long.toString(kubegenRevision))
        .watch(JsonNode.class)) {
      ours = Manifests.using(client).dryRun(DryRun.SERVER).create(files);
      // a write after the dry run: the first event the watch sees must be this one
      Manifests.create(client, write(dir, "sentinel.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: sentinel}\n"));
      JsonNode first = watch.poll(java.time.Duration.ofSeconds(20)).orElseThrow().object();
      assertThat(first.path("metadata").path("name").asText()).isEqualTo("sentinel");
    }

    assertThat(errorCount(theirs.err())).isEqualTo(failures(ours).size()).isEqualTo(2);
    assertThat(ours).filteredOn(ManifestResult::isSuccess).extracting(r -> normalize(Json.mapper().valueToTree(r.object())))
        .containsExactlyElementsOf(documents(theirs.out()).stream().map(ManifestsKubectlOracleTest::normalize).toList());
    assertThat(ours).filteredOn(ManifestResult::isSuccess).allSatisfy(r -> {
      assertThat(r.toString()).endsWith(" created (server dry run)");
      assertThat(r.object().getMetadata().getUid()).isNotBlank();
    });
    assertThat(kubectlServer.storage().revision()).isEqualTo(kubectlRevision);
    Map<String, JsonNode> after = state(kubegenServer);
    after.remove("ConfigMap default/sentinel");
    assertThat(after).isEqualTo(before);
    assertThat(kubegenServer.storage().revision()).isEqualTo(kubegenRevision + 1);

    // server-side apply as a dry run: kubectl prints a List of what the server answered
    PinnedKubectl.Result applied = kubectl.run(args(List.of("apply", "--server-side", "--dry-run=server", "-o", "json"), files[0], files[1]));
    List<ManifestResult> ourApply = Manifests.using(client).dryRun(DryRun.SERVER).apply(files[0], files[1]);
    assertThat(ourApply).extracting(r -> normalize(Json.mapper().valueToTree(r.object())))
        .containsExactlyElementsOf(documents(applied.out()).stream().map(ManifestsKubectlOracleTest::normalize).toList());
    // "two" exists without data; the manifest gives it some
    assertThat(ourApply).extracting(ManifestResult::outcome).containsExactly(ManifestResult.Outcome.CREATED,
        ManifestResult.Outcome.CONFIGURED, ManifestResult.Outcome.CREATED, ManifestResult.Outcome.CREATED,
        ManifestResult.Outcome.CREATED);
    assertThat(kubectlServer.storage().revision()).isEqualTo(kubectlRevision);
    assertThat(kubegenServer.storage().revision()).isEqualTo(kubegenRevision + 1);
  }

  @Test
  void aFileWithoutObjectsCreatesNothingOnEitherSide() {
    Path file = write(dir, "empty.yaml", "# nothing here\n---\n");

    PinnedKubectl.Result theirs = kubectl.run("create", "-f", file.toString());
    assertThat(theirs.err()).contains("no objects passed to create");
    assertThat(Manifests.create(client, file)).isEmpty();
    assertThat(state(kubegenServer)).isEqualTo(state(kubectlServer)).isEmpty();
  }

  // ---- comparison ------------------------------------------------------------------------------

  /** Same objects stored, same objects named as written (in order), same failures. */
  private void assertSameOutcome(PinnedKubectl.Result theirs, List<ManifestResult> ours) {
    assertThat(names(ours)).as("objects written; kubectl said:\n%s", theirs.err()).containsExactlyElementsOf(lines(theirs.out()));
    List<ManifestResult> failed = failures(ours);
    assertThat(theirs.exit()).isEqualTo(failed.isEmpty() ? 0 : 1);
    for (ManifestResult f : failed) {
      assertThat(theirs.err()).as("kubectl's errors for %s", f).contains(kubectlForm(f.error()));
    }
    assertThat(failed).as("kubectl said:\n%s", theirs.err()).hasSize(errorCount(theirs.err()));
    assertThat(state(kubegenServer)).isEqualTo(state(kubectlServer));
  }

  /** What kubectl writes for the same failure: without the document number, and for parse errors only up to the file (YAML parsers word things differently). */
  private static String kubectlForm(ManifestException e) {
    String message = DOCUMENT.matcher(e.getMessage()).replaceFirst("");
    return switch (e.stage()) {
      case PARSE -> "error parsing " + e.source().location() + ": ";
      case NAMESPACE -> message.substring(0, message.indexOf("\": ") + 1);
      default -> message;
    };
  }

  private static int errorCount(String stderr) {
    int count = 0;
    for (String marker : KUBECTL_ERROR_MARKERS) {
      for (int i = stderr.indexOf(marker); i >= 0; i = stderr.indexOf(marker, i + 1)) {
        count++;
      }
    }
    return count;
  }

  private static List<String> names(List<ManifestResult> results) {
    return results.stream().filter(ManifestResult::isSuccess).map(ManifestResult::displayName).toList();
  }

  private static List<ManifestResult> failures(List<ManifestResult> results) {
    return results.stream().filter(r -> !r.isSuccess()).toList();
  }

  private static List<String> lines(String out) {
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  private static String[] args(List<String> head, Path... files) {
    List<String> all = new ArrayList<>(head);
    for (Path f : files) {
      all.add("-f");
      all.add(f.toString());
    }
    return all.toArray(String[]::new);
  }

  /** The JSON documents kubectl printed; a List's items count one each. */
  private static List<JsonNode> documents(String out) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = Json.mapper().readerFor(JsonNode.class).readValues(out)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if ("List".equals(node.path("kind").asText())) {
          node.path("items").forEach(docs::add);
        } else {
          docs.add(node);
        }
      }
    }
    return docs;
  }

  /** Every object of the resources the fixtures touch, by kind, namespace and name, without what differs between servers. */
  private static Map<String, JsonNode> state(EmbeddedApiServer server) {
    Map<String, JsonNode> objects = new TreeMap<>();
    try (RestClient c = RestClient.create(server.restConfig())) {
      for (String path : LISTS) {
        JsonNode list;
        try {
          list = c.get().path(path).execute(JsonNode.class);
        } catch (KubeApiException e) {
          if (e.isNotFound()) {
            continue;
          }
          throw e;
        }
        String kind = list.path("kind").asText().replaceFirst("List$", "");
        for (JsonNode item : list.path("items")) {
          JsonNode meta = item.path("metadata");
          objects.put(kind + " " + (meta.has("namespace") ? meta.path("namespace").asText() + "/" : "")
              + meta.path("name").asText(), normalize(item));
        }
      }
    }
    return objects;
  }

  private static JsonNode normalize(JsonNode object) {
    // through text, so numbers compare by value whatever node type a mapper chose
    ObjectNode copy = (ObjectNode) Json.read(Json.write(object), JsonNode.class);
    ObjectNode meta = copy.withObjectProperty("metadata");
    Stream.of("uid", "creationTimestamp", "resourceVersion", "managedFields").forEach(meta::remove);
    stripTimes(copy);
    return copy;
  }

  private static void stripTimes(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("lastTransitionTime");
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
        stripTimes(it.next());
      }
    } else if (node != null && node.isArray()) {
      node.forEach(ManifestsKubectlOracleTest::stripTimes);
    }
  }
}
