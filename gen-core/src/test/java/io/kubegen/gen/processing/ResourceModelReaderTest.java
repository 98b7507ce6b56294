package io.kubegen.gen.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kubegen.gen.testing.TestSources.compile;
import static io.kubegen.gen.testing.TestSources.pojo;
import static io.kubegen.gen.testing.TestSources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.kubegen.annotations.Verb;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ExtraMethod;
import io.kubegen.gen.model.PropertyStep;
import io.kubegen.gen.model.PropertyStep.Shape;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.model.TypeRef;
import io.kubegen.gen.testing.FirstRoundSourceWriter;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ResourceModelReaderTest {

  private static final String SPEC = String.join("\n",
      "  public static class Spec {",
      "    private String owner; private List<String> tags; private int replicas;",
      "    public String getOwner() { return owner; }",
      "    public List<String> getTags() { return tags; }",
      "    public int getReplicas() { return replicas; }",
      "  }",
      "  public static class St { public boolean isReady() { return true; } }",
      "  private Spec spec; private St status;",
      "  public Foo() {}",
      "  public Spec getSpec() { return spec; }",
      "  public St getStatus() { return status; }");

  private static ApiModel model(JavaFileObjectArray sources) {
    RecordingProcessor p = new RecordingProcessor();
    Compilation c = compile(p, sources.files);
    assertThat(c).succeeded();
    assertThat(p.models).hasSize(1);
    return p.models.get(0);
  }

  private record JavaFileObjectArray(javax.tools.JavaFileObject... files) {}

  private static ApiModel model(javax.tools.JavaFileObject... files) {
    return model(new JavaFileObjectArray(files));
  }

  @Test
  void readsANamespacedPojoWithStatusIndexesAndMethods() {
    ApiModel model = model(pojo("com.example.api.v1", "Foo", String.join("\n",
        "@GenClient",
        "@GenClient.Method(name = \"getScale\", verb = Verb.GET, subresource = \"scale\", result = String.class)",
        "@GenClient.Method(name = \"updateScale\", verb = Verb.UPDATE, subresource = \"scale\", input = Integer.class, result = String.class)",
        "@GenIndex(name = \"byOwner\", path = \"spec.owner\")",
        "@GenIndex(name = \"byTag\", path = \"spec.tags\")",
        "@GenIndex(name = \"byApp\", path = \"metadata.labels.app\")",
        "@GenIndex(name = \"byLabel\", path = \"metadata.labels\")",
        "@GenIndex(name = \"byReplicas\", path = \"spec.replicas\")"), SPEC));

    assertThat(model.basePackage()).isEqualTo("com.example.api.v1.generated");
    ResourceDescriptor foo = model.resources().get(0);
    assertThat(foo.type()).isEqualTo(TypeRef.of("com.example.api.v1", "Foo"));
    assertThat(foo.groupVersion()).isEqualTo(new ApiGroupVersion("example.com", "v1"));
    assertThat(foo.kind()).isEqualTo("Foo");
    assertThat(foo.plural()).isEqualTo("foos");
    assertThat(foo.accessorName()).isEqualTo("foos");
    assertThat(foo.namespaced()).isTrue();
    assertThat(foo.hasStatus()).isTrue();
    assertThat(foo.verbs()).containsExactlyElementsOf(EnumSet.allOf(Verb.class));
    assertThat(foo.methods()).containsExactly(
        new ExtraMethod("getScale", Verb.GET, "scale", foo.type(), TypeRef.of("java.lang", "String")),
        new ExtraMethod("updateScale", Verb.UPDATE, "scale", TypeRef.of("java.lang", "Integer"),
            TypeRef.of("java.lang", "String")));
    assertThat(foo.indexes()).extracting(i -> i.name() + ":" + i.steps()).containsExactly(
        "byOwner:" + List.of(step("spec", "getSpec", Shape.VALUE), step("owner", "getOwner", Shape.VALUE)),
        "byTag:" + List.of(step("spec", "getSpec", Shape.VALUE), step("tags", "getTags", Shape.COLLECTION)),
        "byApp:" + List.of(step("metadata", "getMetadata", Shape.VALUE), step("labels", "getLabels", Shape.MAP),
            new PropertyStep("app", null, Shape.MAP_LOOKUP, false)),
        "byLabel:" + List.of(step("metadata", "getMetadata", Shape.VALUE), step("labels", "getLabels", Shape.MAP)),
        "byReplicas:" + List.of(step("spec", "getSpec", Shape.VALUE),
            new PropertyStep("replicas", "getReplicas", Shape.VALUE, true)));
  }

  private static PropertyStep step(String name, String accessor, Shape shape) {
    return new PropertyStep(name, accessor, shape, false);
  }

  @Test
  void resolvesVerbSettings() {
    ApiModel model = model(
        pojo("com.example.api", "Ro", "@GenClient(readonly = true, namespaced = false)",
            "  public Object getStatus() { return null; }"),
        pojo("com.example.api", "Only", "@GenClient(onlyVerbs = {Verb.GET, Verb.UPDATE_STATUS, Verb.LIST})",
            "  public Object getStatus() { return null; }"),
        pojo("com.example.api", "Skip", "@GenClient(skipVerbs = {Verb.DELETE_COLLECTION, Verb.APPLY})"),
        pojo("com.example.api", "NoStat", "@GenClient(noStatus = true)", "  public Object getStatus() { return null; }"),
        pojo("com.example.api", "None", "@GenClient(noVerbs = true, kind = \"Nothing\", plural = \"nothings\")"));

    assertThat(model.resources()).extracting(ResourceDescriptor::kind)
        .containsExactly("NoStat", "Nothing", "Only", "Ro", "Skip");
    ResourceDescriptor noStat = model.resources().get(0);
    assertThat(noStat.hasStatus()).isFalse();
    assertThat(noStat.verbs()).doesNotContain(Verb.UPDATE_STATUS, Verb.APPLY_STATUS).contains(Verb.UPDATE);
    assertThat(model.resources().get(1).verbs()).isEmpty();
    assertThat(model.resources().get(1).plural()).isEqualTo("nothings");
    assertThat(model.resources().get(2).verbs()).containsExactly(Verb.UPDATE_STATUS, Verb.GET, Verb.LIST);
    ResourceDescriptor ro = model.resources().get(3);
    assertThat(ro.verbs()).containsExactly(Verb.GET, Verb.LIST, Verb.WATCH);
    assertThat(ro.namespaced()).isFalse();
    assertThat(ro.isListWatchable()).isTrue();
    ResourceDescriptor skip = model.resources().get(4);
    assertThat(skip.verbs()).doesNotContain(Verb.DELETE_COLLECTION, Verb.APPLY, Verb.UPDATE_STATUS, Verb.APPLY_STATUS)
        .contains(Verb.CREATE, Verb.PATCH, Verb.WATCH);
    assertThat(model.listWatchable()).extracting(ResourceDescriptor::kind).containsExactly("NoStat", "Ro", "Skip");
  }

  @Test
  void readsRecordsPackageGroupVersionsAndSeveralPackages() {
    ApiModel model = model(
        source("com.example.core.v1.package-info",
            "@io.kubegen.annotations.GroupVersion(group = \"\", version = \"v1\")",
            "package com.example.core.v1;"),
        source("com.example.core.v1.ConfigMap",
            "package com.example.core.v1;",
            "import io.kubegen.annotations.*;",
            "import io.kubegen.runtime.api.*;",
            "@GenClient",
            "public record ConfigMap(String apiVersion, String kind, ObjectMeta metadata, java.util.Map<String, String> data)",
            "    implements KubernetesObject {",
            "  public String getApiVersion() { return apiVersion; }",
            "  public String getKind() { return kind; }",
            "  public ObjectMeta getMetadata() { return metadata; }",
            "}"),
        source("com.example.apps.v1beta2.Holder",
            "package com.example.apps.v1beta2;",
            "import io.kubegen.annotations.*;",
            "import io.kubegen.runtime.api.*;",
            "public class Holder {",
            "  @GenClient(namespaced = false)",
            "  @GroupVersion(group = \"apps.example.com\", version = \"v1beta2\")",
            "  @GenIndex(name = \"byData\", path = \"data.key\")",
            "  public record Policy(ObjectMeta metadata, java.util.Map<String, String> data) implements KubernetesObject {",
            "    public String getApiVersion() { return \"apps.example.com/v1beta2\"; }",
            "    public String getKind() { return \"Policy\"; }",
            "    public ObjectMeta getMetadata() { return metadata; }",
            "  }",
            "}"));

    assertThat(model.basePackage()).isEqualTo("com.example.generated");
    assertThat(model.byGroupVersion().keySet()).containsExactly(
        new ApiGroupVersion("", "v1"), new ApiGroupVersion("apps.example.com", "v1beta2"));
    ResourceDescriptor configMap = model.resources().get(0);
    assertThat(configMap.kind()).isEqualTo("ConfigMap");
    assertThat(configMap.plural()).isEqualTo("configmaps");
    assertThat(configMap.accessorName()).isEqualTo("configMaps");
    assertThat(configMap.hasStatus()).isFalse();
    ResourceDescriptor policy = model.resources().get(1);
    assertThat(policy.type()).isEqualTo(new TypeRef("com.example.apps.v1beta2", List.of("Holder", "Policy")));
    assertThat(policy.plural()).isEqualTo("policies");
    assertThat(policy.accessorName()).isEqualTo("policies");
    assertThat(policy.namespaced()).isFalse();
    assertThat(policy.indexes().get(0).steps()).extracting(PropertyStep::shape)
        .containsExactly(Shape.MAP, Shape.MAP_LOOKUP);
    assertThat(policy.indexes().get(0).steps().get(0).accessor()).isEqualTo("data");
  }

  @Test
  void theOutputPackageOptionWins() {
    RecordingProcessor p = new RecordingProcessor();
    Compilation c = compile(p, "-Akubegen.outputPackage=org.acme.gen",
        pojo("com.example.a", "Foo", "@GenClient"), pojo("org.other", "Bar", "@GenClient"));
    assertThat(c).succeeded();
    assertThat(p.models.get(0).basePackage()).isEqualTo("org.acme.gen");
    assertThat(p.models.get(0).resources()).hasSize(2);
  }

  @Test
  void aBadTypeIsLeftOutAndTheOthersAreGenerated() {
    RecordingProcessor p = new RecordingProcessor();
    Compilation c = compile(p, pojo("com.example", "Good", "@GenClient"),
        pojo("com.example", "Bad", "@GenClient(plural = \"Bad Plural\")"));
    assertThat(c).failed();
    assertThat(p.models.get(0).resources()).extracting(ResourceDescriptor::kind).containsExactly("Good");
  }

  @Test
  void defersTypesThatReferToTypesGeneratedInALaterRound() {
    RecordingProcessor p = new RecordingProcessor();
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(p, new FirstRoundSourceWriter("com.example.gen.GeneratedSpec",
            "package com.example.gen; public class GeneratedSpec { public String getOwner() { return null; } }"))
        .compile(pojo("com.example", "Foo", "@GenClient @GenIndex(name = \"byOwner\", path = \"spec.owner\")",
            "  public com.example.gen.GeneratedSpec getSpec() { return null; }"));
    assertThat(c).succeeded();
    assertThat(p.models).hasSize(1);
    assertThat(p.models.get(0).resources().get(0).indexes().get(0).steps()).hasSize(2);
  }
}
