package io.kubegen.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TestFoo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading, checking, flattening, mapping and placing manifests; nothing here talks to a server. */
@Timeout(30)
class ResourceBuilderTest {
  @TempDir
  Path dir;
  private final StubDiscovery discovery = new StubDiscovery().add("samplecontroller.k8s.io", "v1alpha1", "foos", "Foo", true);
  private final RestMapper mapper = RestMapper.create(discovery);
  private final RestClient client = RestClient.create(RestConfig.builder().server("http://127.0.0.1:9").namespace("team-a").build());

  @AfterEach
  void close() { client.close(); }

  private ResourceBuilder builder() {
    return ResourceBuilder.create(client).mapper(mapper);
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\n";
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  /** "name@location#document" of every object, in order. */
  private static List<String> walk(ResourceResult result) {
    List<String> seen = new ArrayList<>();
    result.visit(info -> seen.add(info.name() + "@" + Path.of(info.source().location()).getFileName() + "#" + info.source().document()));
    return seen;
  }

  @Test
  void directoriesGiveTheirManifestFilesInNameOrderAndSubdirectoriesOnlyWhenRecursive() throws IOException {
    write("d/b.yml", cm("b"));
    write("d/a.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}");
    write("d/c.yaml", cm("c"));
    write("d/notes.txt", "not read");
    write("d/sub/d.yaml", cm("d"));
    Path named = write("explicit.txt", cm("explicit"));

    assertThat(walk(builder().files(dir.resolve("d")).build())).containsExactly("a@a.json#1", "b@b.yml#1", "c@c.yaml#1");
    assertThat(walk(builder().files(dir.resolve("d")).recursive(true).build()))
        .containsExactly("a@a.json#1", "b@b.yml#1", "c@c.yaml#1", "d@d.yaml#1");
    assertThat(walk(builder().files(named).build())).as("a file named directly is read whatever its name")
        .containsExactly("explicit@explicit.txt#1");
  }

  @Test
  void documentsAreCountedAcrossSeparatorsCommentsAndJsonStreams() throws IOException {
    Path yaml = write("multi.yaml", "---\n" + cm("one") + "---\n# just a comment\n---\n\n---\n" + cm("four") + "--- # trailing comment\n" + cm("five"));
    Path json = write("stream.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j1\"}}\n"
        + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j2\"}}");
    assertThat(walk(builder().files(yaml, json).build()))
        .containsExactly("one@multi.yaml#1", "four@multi.yaml#4", "five@multi.yaml#5", "j1@stream.json#1", "j2@stream.json#2");
  }

  @Test
  void listsAreFlattenedAndTypedListItemsGetTheirKind() {
    String list = """
        {"apiVersion":"v1","kind":"List","items":[
          {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"l1"}},
          {"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Secret","metadata":{"name":"nested"}}]}]}
        """;
    String typed = "apiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata: {name: t1}\n- metadata: {name: t2}\n";
    String nestedBad = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"List\","
        + "\"items\":[{\"kind\":\"Secret\",\"metadata\":{\"name\":\"no-version\"}}]}]}";
    assertThatThrownBy(() -> builder().strings(nestedBad).build().visit(i -> { }))
        .isInstanceOf(ManifestException.class).hasMessageEndingWith("error validating data: apiVersion not set");
    List<String> kinds = new ArrayList<>();
    builder().strings(list, typed).build().visit(i -> kinds.add(i.displayName() + " " + i.source()));
    assertThat(kinds).containsExactly("configmap/l1 <string 1> (document 1)", "secret/nested <string 1> (document 1)",
        "configmap/t1 <string 2> (document 1)", "configmap/t2 <string 2> (document 1)");
  }

  @Test
  void streamsUrlsStringsAndObjectsAreSourcesToo() throws IOException {
    byte[] stdin = cm("from-stdin").getBytes(StandardCharsets.UTF_8);
    AtomicInteger reads = new AtomicInteger();
    InputStream counting = new ByteArrayInputStream(stdin) {
      @Override
      public byte[] readAllBytes() {
        reads.incrementAndGet();
        return super.readAllBytes();
      }
    };
    Path file = write("by-url.yaml", cm("from-file-url"));
    Path jar = dir.resolve("manifests.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("crds/in-jar.yaml"));
      j.write(cm("from-jar").getBytes(StandardCharsets.UTF_8));
    }
    URL inJar = new URL("jar:" + jar.toUri() + "!/crds/in-jar.yaml");
    GenericObject object = new GenericObject("v1", "ConfigMap", ObjectMeta.builder().name("from-object").build());

    ResourceResult result = builder().stdin(counting).urls(file.toUri().toURL(), inJar).strings(cm("from-string"))
        .objects(object, TestFoo.of(null, "foo", 1)).build();
    List<String> seen = new ArrayList<>();
    result.visit(i -> seen.add(i.name() + " " + i.source().location().replace(dir.toString(), "")));
    assertThat(seen).containsExactly("from-stdin STDIN", "from-file-url /by-url.yaml", "from-jar " + inJar.toString().replace(dir.toString(), ""),
        "from-string <string 1>", "from-object <object 1>", "foo <object 2>");
    result.visit(i -> { });
    assertThat(reads).as("a stream is read once and kept").hasValue(1);

    assertThatThrownBy(() -> builder().urls(new URL("https://example.com/x.yaml")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only local URLs");
  }

  @Test
  void namespacesAreFilledInFromTheBuilderOrTheConfigAndDroppedForClusterScopedKinds() {
    String docs = cm("none") + "---\n" + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: other}\n"
        + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns1, namespace: ignored}\n";
    List<String> seen = new ArrayList<>();
    builder().strings(docs).build().visit(i -> seen.add(i.name() + "=" + i.namespace() + "/" + i.object().getMetadata().getNamespace()));
    assertThat(seen).containsExactly("none=team-a/team-a", "own=other/other", "ns1=null/null");

    seen.clear();
    builder().strings(docs).namespace("explicit").build().visit(i -> seen.add(i.name() + "=" + i.namespace()));
    assertThat(seen).containsExactly("none=explicit", "own=other", "ns1=null");
  }

  @Test
  void anEnforcedNamespaceFailsObjectsNamingAnotherWithKubectlsMessage() {
    String docs = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: other}\n---\n" + cm("fine");
    ResourceResult result = builder().strings(docs).namespace("team-b").enforceNamespace().continueOnError().build();
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> result.visit(i -> seen.add(i.name() + "=" + i.namespace())))
        .isInstanceOfSatisfying(ManifestErrors.class, e -> {
          assertThat(e.errors()).singleElement().satisfies(m -> {
            assertThat(m.stage()).isEqualTo(ManifestException.Stage.NAMESPACE);
            assertThat(m.getMessage()).isEqualTo("the namespace from the provided object \"other\" does not match the namespace "
                + "\"team-b\": configmap/own from \"<string 1>\" (document 1)");
            assertThat(m.info().name()).isEqualTo("own");
          });
        });
    assertThat(seen).containsExactly("fine=team-b");
  }

  @Test
  void aLabelSelectorKeepsMatchingObjectsButNotFailures() {
    String docs = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, labels: {tier: web}}\n---\n" + cm("plain")
        + "---\napiVersion: example.io/v1\nkind: Unknown\nmetadata: {name: u, labels: {tier: db}}\n";
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> builder().strings(docs).labelSelector("tier in (web)").build().visit(i -> seen.add(i.name())))
        .isInstanceOf(ManifestException.class).hasMessageContaining("no matches for kind \"Unknown\"");
    assertThat(seen).containsExactly("web");
    assertThatThrownBy(() -> builder().labelSelector("tier in (web"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the provided selector \"tier in (web\" is not valid");
  }

  @Test
  void continueOnErrorRecordsEveryFailureWithItsFileAndDocument() throws IOException {
    Path malformed = write("malformed.yaml", cm("m1") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad\n  data: [\n---\n" + cm("m3"));
    Path invalid = write("invalid.yaml", cm("i1") + "---\napiVersion: v1\nmetadata: {name: nokind}\n---\n" + cm("i3"));
    Path unknown = write("unknown.yaml", "apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: g}\n---\n" + cm("u2"));
    Path both = write("both.yaml", "metadata: {name: x}\n");
    Path list = write("list.json", "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"metadata\":{}},5]}");
    Path separator = write("separator.yaml", cm("s1") + "--- x\n" + cm("s2"));
    List<String> seen = new ArrayList<>();

    ResourceResult result = builder().files(malformed, invalid, unknown, both, list, separator).continueOnError().build();
    assertThatThrownBy(() -> result.visit(i -> seen.add(i.name())))
        .isInstanceOfSatisfying(ManifestErrors.class, e -> assertThat(e.errors())
            .extracting(m -> m.stage() + " " + Path.of(m.source().location()).getFileName() + "#" + m.source().document()
                + " " + m.getMessage().replace(dir + "/", ""))
            .containsExactly(
                "PARSE malformed.yaml#2 error parsing malformed.yaml (document 2): yaml: line 4: expected ',' or '}', but got :",
                "VALIDATE invalid.yaml#2 error validating \"invalid.yaml\" (document 2): error validating data: kind not set",
                "MAPPING unknown.yaml#1 resource mapping not found for name: \"g\" namespace: \"\" from \"unknown.yaml\" (document 1): "
                    + "no matches for kind \"Gadget\" in version \"example.io/v1\"\nensure CRDs are installed first",
                "VALIDATE both.yaml#1 error validating \"both.yaml\" (document 1): error validating data: [apiVersion not set, kind not set]",
                "VALIDATE list.json#1 error validating \"list.json\" (document 1): error validating data: [kind not set, invalid object to validate]",
                "PARSE separator.yaml#1 error parsing separator.yaml (document 1): invalid YAML document separator: x"));
    // a parse or validation failure ends its file, as in kubectl; a mapping failure only its object
    assertThat(seen).containsExactly("m1", "i1", "u2");
  }

  @Test
  void withoutContinueOnErrorTheFirstFailureStopsTheWalk() {
    List<String> seen = new ArrayList<>();
    ResourceResult result = builder().strings(cm("first"), "apiVersion: v1\nkind: Nope\nmetadata: {name: x}\n", cm("never")).build();
    assertThatThrownBy(() -> result.visit(i -> seen.add(i.name())))
        .isInstanceOfSatisfying(ManifestException.class, e -> {
          assertThat(e.stage()).isEqualTo(ManifestException.Stage.MAPPING);
          assertThat(e.source()).isEqualTo(new ManifestSource("<string 2>", 1));
        });
    assertThat(seen).containsExactly("first");
  }

  @Test
  void aVisitorFailureCarriesItsSourceAndAVisitorMayHandleErrorsItself() {
    ResourceResult result = builder().strings(cm("a") + "---\n" + cm("b"), "kind: Broken\n").continueOnError().build();
    assertThatThrownBy(() -> result.visit(i -> {
      throw new IOException("disk full for " + i.name());
    })).isInstanceOfSatisfying(ManifestErrors.class, e -> assertThat(e.errors())
        .extracting(m -> m.stage() + " " + m.source() + " " + m.getMessage())
        .containsExactly(
            "VISIT <string 1> (document 1) error when visiting configmap/a from \"<string 1>\" (document 1): disk full for a",
            "VISIT <string 1> (document 2) error when visiting configmap/b from \"<string 1>\" (document 2): disk full for b",
            "VALIDATE <string 2> (document 1) error validating \"<string 2>\" (document 1): error validating data: apiVersion not set"));

    List<String> handled = new ArrayList<>();
    result.visit(new ResourceVisitor() {
      @Override
      public void visit(ResourceInfo info) { handled.add(info.name()); }

      @Override
      public void visitError(ManifestException error) { handled.add("error at " + error.source()); }
    });
    assertThat(handled).containsExactly("a", "b", "error at <string 2> (document 1)");
  }

  @Test
  void yamlIsReadAsKubectlReadsItWithAnchorsAndYaml11ScalarsAndRepeatedKeysAreRefused() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: anchors
          labels: &labels {app: demo}
          annotations:
            <<: *labels
            extra: "x"
        data:
          copy: "1"
        spec:
          flag: yes
          mode: 0777
          when: 2024-01-02T03:04:05Z
          shared: *labels
        """;
    List<GenericObject> objects = new ArrayList<>();
    builder().strings(yaml).build().visit(i -> objects.add(i.object()));
    GenericObject o = objects.get(0);
    assertThat(o.getMetadata().getLabels()).isEqualTo(Map.of("app", "demo"));
    assertThat(o.getMetadata().getAnnotations()).isEqualTo(Map.of("app", "demo", "extra", "x"));
    assertThat(o.get("spec", "flag")).isEqualTo(true);
    assertThat(o.get("spec", "mode")).isEqualTo(511);
    assertThat(o.get("spec", "when")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(o.get("spec", "shared")).isEqualTo(Map.of("app", "demo"));

    assertThatThrownBy(() -> builder().strings("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: {a: '1', a: '2'}\n")
        .build().visit(i -> { })).isInstanceOf(ManifestException.class).hasMessageContaining("duplicate key a");
  }

  @Test
  void infosMapsEverythingBeforeHandingAnythingOutAndObjectsConvertToModels() {
    List<ResourceInfo> infos = builder().strings(
        "apiVersion: samplecontroller.k8s.io/v1alpha1\nkind: Foo\nmetadata: {name: f}\nspec: {replicas: 3, deploymentName: d}\n")
        .build().infos();
    assertThat(infos).singleElement().satisfies(info -> {
      TestFoo foo = info.as(TestFoo.class);
      assertThat(foo.getSpec().getReplicas()).isEqualTo(3);
      assertThat(foo.getMetadata().getNamespace()).isEqualTo("team-a");
      assertThat(info.mapping().resource().resource()).isEqualTo("foos");
      assertThat(info.helper().mapping()).isEqualTo(info.mapping());
    });
  }

  @Test
  void missingPathsAndMissingSourcesFailTheBuild() {
    assertThatThrownBy(() -> builder().files(dir.resolve("nope.yaml")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the path \"" + dir.resolve("nope.yaml") + "\" does not exist");
    assertThatThrownBy(() -> builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
