package io.kubegen.gen.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kubegen.gen.testing.TestSources.pojo;
import static io.kubegen.gen.testing.TestSources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.testing.FirstRoundSourceWriter;
import io.kubegen.gen.testing.TestSources;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One negative test per diagnostic: the message id, and the file and line it points at. In
 * {@link TestSources#pojo}, line 5 is {@code @GroupVersion}, line 6 the annotations, line 7 the class.
 */
@Timeout(60)
class DiagnosticsTest {
  private static final Set<Diagnostic> TESTED = EnumSet.noneOf(Diagnostic.class);

  @AfterAll
  static void everyDiagnosticHasATest() {
    // the crd step's diagnostics have their negative tests in crd-gen (DiagnosticsTest there)
    assertThat(TESTED).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Diagnostic.values()).filter(d -> !d.id().startsWith("kubegen.crd-")).toList());
  }

  private static void assertError(Compilation c, Diagnostic d, JavaFileObject file, long line) {
    TESTED.add(d);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + d.id() + "]").inFile(file).onLine(line);
  }

  private static Compilation compile(JavaFileObject... files) {
    return TestSources.compile(new RecordingProcessor(), files);
  }

  @Test
  void notAClass() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "@io.kubegen.annotations.GenClient",
        "public interface Foo extends io.kubegen.runtime.api.KubernetesObject {}");
    assertError(compile(f), Diagnostic.NOT_A_CLASS, f, 3);
  }

  @Test
  void notAResource() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "public class Foo {",
        "}");
    assertError(compile(f), Diagnostic.NOT_A_RESOURCE, f, 5);
  }

  @Test
  void missingMetadata() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "public record Foo(String name) implements KubernetesObject {",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return ObjectMeta.builder().name(name).build(); }",
        "}");
    assertError(compile(f), Diagnostic.MISSING_METADATA, f, 6);
  }

  @Test
  void notPublic() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "class Foo implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}");
    assertError(compile(f), Diagnostic.NOT_PUBLIC, f, 6);
  }

  @Test
  void innerClass() {
    JavaFileObject f = source("com.example.Outer",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "public class Outer {",
        "  @GroupVersion(group = \"example.com\", version = \"v1\")",
        "  @GenClient",
        "  public class Foo implements KubernetesObject {",
        "    public ObjectMeta metadata;",
        "    public String getApiVersion() { return null; }",
        "    public String getKind() { return null; }",
        "    public ObjectMeta getMetadata() { return metadata; }",
        "  }",
        "}");
    assertError(compile(f), Diagnostic.INNER_CLASS, f, 7);
  }

  @Test
  void abstractType() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "public abstract class Foo implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "}");
    assertError(compile(f), Diagnostic.ABSTRACT_TYPE, f, 6);
  }

  @Test
  void noDefaultConstructor() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient", "  public Foo(String name) {}");
    assertError(compile(f), Diagnostic.NO_DEFAULT_CONSTRUCTOR, f, 7);
  }

  @Test
  void genericType() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "public class Foo<S> implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}");
    assertError(compile(f), Diagnostic.GENERIC_TYPE, f, 6);
  }

  @Test
  void missingGroupVersion() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GenClient",
        "public class Foo implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}");
    assertError(compile(f), Diagnostic.MISSING_GROUP_VERSION, f, 5);
  }

  @Test
  void invalidGroupIsReportedOnThePackageAnnotation() {
    JavaFileObject info = source("com.example.package-info",
        "@io.kubegen.annotations.GroupVersion(",
        "    group = \"Example_Com\",",
        "    version = \"v1\")",
        "package com.example;");
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GenClient",
        "public class Foo implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}");
    assertError(compile(info, f), Diagnostic.INVALID_GROUP, info, 2);
  }

  @Test
  void invalidVersion() {
    JavaFileObject f = source("com.example.Foo",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"example.com\",",
        "    version = \"1.0\")",
        "@GenClient",
        "public class Foo implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}");
    assertError(compile(f), Diagnostic.INVALID_VERSION, f, 5);
  }

  @Test
  void invalidKind() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient(kind = \"foo-kind\")");
    assertError(compile(f), Diagnostic.INVALID_KIND, f, 6);
  }

  @Test
  void invalidPlural() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient(plural = \"Foos\")");
    assertError(compile(f), Diagnostic.INVALID_PLURAL, f, 6);
  }

  @Test
  void verbConflict() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient(readonly = true,\n    onlyVerbs = Verb.GET)");
    assertError(compile(f), Diagnostic.VERB_CONFLICT, f, 7);
  }

  @Test
  void statusVerbWithoutStatusIsAVerbConflict() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient(onlyVerbs = {Verb.GET, Verb.UPDATE_STATUS})");
    Compilation c = compile(f);
    assertError(c, Diagnostic.VERB_CONFLICT, f, 6);
    assertThat(c).hadErrorContaining("onlyVerbs names UPDATE_STATUS, but the type has no status property");
  }

  @Test
  void pluralConflictIsReportedOnBothTypes() {
    JavaFileObject a = pojo("com.example", "Foo", "@GenClient(plural = \"things\")");
    JavaFileObject b = pojo("com.example", "Bar", "@GenClient(plural = \"things\")");
    Compilation c = compile(a, b);
    assertError(c, Diagnostic.PLURAL_CONFLICT, a, 7);
    assertError(c, Diagnostic.PLURAL_CONFLICT, b, 7);
  }

  @Test
  void kindConflict() {
    JavaFileObject a = pojo("com.example", "Foo", "@GenClient");
    JavaFileObject b = pojo("com.example", "Bar", "@GenClient(kind = \"Foo\", plural = \"bars\")");
    Compilation c = compile(a, b);
    assertError(c, Diagnostic.KIND_CONFLICT, b, 7);
  }

  @Test
  void groupConflictIsReportedOnBothTypesWhateverTheInputOrder() {
    JavaFileObject a = pojo("com.example", "Foo", "@GenClient");
    JavaFileObject b = TestSources.pojoInGroup("example.org", "com.example", "Bar", "@GenClient");
    Compilation forward = compile(a, b);
    Compilation backward = compile(b, a);
    for (Compilation c : List.of(forward, backward)) {
      assertError(c, Diagnostic.GROUP_CONFLICT, a, 7);
      assertError(c, Diagnostic.GROUP_CONFLICT, b, 7);
      assertThat(c).hadErrorContaining("com.example.Foo (group \"example.com\") and com.example.Bar (group \"example.org\")"
          + " both map to the package segment \"example\"").inFile(a).onLine(7);
      assertThat(c).hadErrorContaining("com.example.Bar (group \"example.org\") and com.example.Foo (group \"example.com\")")
          .inFile(b).onLine(7);
    }
    assertThat(messages(forward)).isEqualTo(messages(backward));
  }

  private static List<String> messages(Compilation c) {
    return c.diagnostics().stream().map(d -> d.getMessage(null)).sorted().toList();
  }

  @Test
  void invalidIndexName() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient @GenIndex(name = \"list\", path = \"metadata.name\")");
    assertError(compile(f), Diagnostic.INVALID_INDEX, f, 6);
  }

  @Test
  void indexPathThatDoesNotResolve() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient\n@GenIndex(name = \"byOwner\",\n    path = \"spec.owner\")");
    Compilation c = compile(f);
    assertError(c, Diagnostic.INDEX_PATH, f, 8);
    assertThat(c).hadErrorContaining("Foo has no property spec");
  }

  @Test
  void indexNeedsListAndWatch() {
    JavaFileObject f = pojo("com.example", "Foo",
        "@GenClient(skipVerbs = Verb.WATCH)\n@GenIndex(name = \"byName\", path = \"metadata.name\")");
    assertError(compile(f), Diagnostic.INDEX_NEEDS_LIST_WATCH, f, 7);
  }

  @Test
  void invalidMethod() {
    JavaFileObject f = pojo("com.example", "Foo",
        "@GenClient\n@GenClient.Method(name = \"watchScale\", verb = Verb.WATCH, subresource = \"scale\")");
    Compilation c = compile(f);
    assertError(c, Diagnostic.INVALID_METHOD, f, 7);
    assertThat(c).hadErrorContaining("verb WATCH is not supported");
  }

  @Test
  void methodRulesEachHaveAClearMessage() {
    String[][] cases = {
        {"name = \"get\", verb = Verb.GET, subresource = \"scale\"", "clashes with another method"},
        {"name = \"listScale\", verb = Verb.LIST, subresource = \"scale\"", "takes no subresource"},
        {"name = \"getIt\", verb = Verb.GET", "name the subresource"},
        {"name = \"getScale\", verb = Verb.GET, subresource = \"scale\", input = String.class", "must not be set"},
        {"name = \"getScale\", verb = Verb.GET, subresource = \"Scale\"", "not a lower-case resource name"},
        {"name = \"getScale\", verb = Verb.GET, subresource = \"scale\", result = java.util.List.class", "is generic"},
        {"name = \"patchScale\", verb = Verb.PATCH, subresource = \"scale\", result = String.class", "leave result unset"},
    };
    for (String[] c : cases) {
      Compilation compilation = compile(pojo("com.example", "Foo", "@GenClient @GenClient.Method(" + c[0] + ")"));
      assertThat(compilation).hadErrorContaining(c[1]);
    }
  }

  @Test
  void outputPackageRequired() {
    JavaFileObject a = pojo("com.example", "Foo", "@GenClient");
    JavaFileObject b = pojo("org.acme", "Bar", "@GenClient");
    Compilation c = compile(a, b);
    assertError(c, Diagnostic.OUTPUT_PACKAGE_REQUIRED, a, 7);
    assertError(c, Diagnostic.OUTPUT_PACKAGE_REQUIRED, b, 7);
  }

  @Test
  void invalidOutputPackage() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient");
    assertError(TestSources.compile(new RecordingProcessor(), "-Akubegen.outputPackage=com.1bad", f),
        Diagnostic.INVALID_OUTPUT_PACKAGE, f, 7);
  }

  @Test
  void unresolvedType() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient", "  public com.example.Missing getSpec() { return null; }");
    assertError(compile(f), Diagnostic.UNRESOLVED_TYPE, f, 7);
  }

  @Test
  void aProblemTwoStepsReportIsPrintedOnce() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient");
    Compilation c = Compiler.javac().withProcessors(new KubegenProcessor(
            new ReportingStep("one", Set.of()), new ReportingStep("two", Set.of("one"))))
        .withOptions("-Akubegen.outputPackage=com.example.gen").compile(f);
    assertThat(c.errors()).filteredOn(d -> d.getMessage(null).contains("[kubegen.invalid-index]")).hasSize(1);
  }

  @Test
  void derivedOutputPackageIsAnnouncedWithAWarningNamingIt() {
    JavaFileObject f = pojo("com.example.v1", "Foo", "@GenClient");
    Compilation c = compile(f, pojo("com.example.v2", "Bar", "@GenClient"));
    TESTED.add(Diagnostic.DERIVED_OUTPUT_PACKAGE);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[kubegen.derived-output-package] no -Akubegen.outputPackage given: the"
        + " generated code goes to package com.example.generated");
    Compilation explicit = TestSources.compile(new RecordingProcessor(), "-Akubegen.outputPackage=com.example.gen", f);
    assertThat(explicit).succeededWithoutWarnings();
  }

  @Test
  void noGeneratorOnTheProcessorPath() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient");
    Compilation c = Compiler.javac().withProcessors(new KubegenProcessor()).compile(f);
    TESTED.add(Diagnostic.NO_GENERATOR);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.no-generator] no kubegen generator on the processor path");
  }

  @Test
  void unknownGenerator() {
    Compilation c = generators("one,tow", new ReportingStep("one", Set.of()));
    TESTED.add(Diagnostic.UNKNOWN_GENERATOR);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.unknown-generator] -Akubegen.generators names \"tow\", which is not a"
        + " generator on the processor path (there: one)");
  }

  @Test
  void aSelectedGeneratorNeedsTheGeneratorsItsCodeUses() {
    List<String> order = new java.util.ArrayList<>();
    GeneratorStep[] steps = {new OrderStep("one", Set.of(), order), new OrderStep("two", Set.of(), order),
        new OrderStep("three", Set.of("one", "two"), order)};
    Compilation c = generators("three", steps);
    TESTED.add(Diagnostic.GENERATOR_NEEDS);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.generator-needs] the three generator's code uses what the one, two"
        + " generator(s) write: add them to -Akubegen.generators (the Maven plugin's <generators>), as in"
        + " -Akubegen.generators=one,three,two");
    assertThat(order).isEmpty();
    assertThat(generators("three,one,two", steps)).succeeded();
    assertThat(order).containsExactly("one", "two", "three");
  }

  @Test
  void aGeneratorWhoseNeedsAreNotOnTheProcessorPath() {
    Compilation c = generators("", new ReportingStep("informer", Set.of("client", "lister")));
    TESTED.add(Diagnostic.GENERATOR_MISSING);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.generator-missing] the informer generator's code uses what the client,"
        + " lister generator(s) write, which are not on the processor path: add io.kubegen:kubegen-client-gen,"
        + " io.kubegen:kubegen-lister-gen");
  }

  @Test
  void stepsRunOnceEachAfterTheStepsTheyRequire() {
    List<String> order = new java.util.ArrayList<>();
    GeneratorStep last = new OrderStep("a-last", Set.of("z-first"), order);
    GeneratorStep first = new OrderStep("z-first", Set.of(), order);
    Compilation c = Compiler.javac().withProcessors(new KubegenProcessor(last, first))
        .withOptions("-Akubegen.outputPackage=com.example.gen")
        .compile(pojo("com.example", "Foo", "@GenClient"), pojo("com.example", "Bar", "@GenClient"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(order).containsExactly("z-first", "a-last");
  }

  private static Compilation generators(String selection, GeneratorStep... steps) {
    return Compiler.javac().withProcessors(new KubegenProcessor(steps))
        .withOptions("-Akubegen.outputPackage=com.example.gen", "-Akubegen.generators=" + selection)
        .compile(pojo("com.example", "Foo", "@GenClient"));
  }

  /** A step that applies the lister index-name rule, as lister-gen and informer-gen both do. */
  private record ReportingStep(String id, Set<String> requires) implements GeneratorStep {
    @Override
    public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
      model.resources().forEach(r -> diagnostics.error(r.element(), Diagnostic.INVALID_INDEX, "foos", "Foo", "clash"));
    }
  }

  /** A step that notes when it runs. */
  private record OrderStep(String id, Set<String> requires, List<String> order) implements GeneratorStep {
    @Override
    public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
      order.add(id);
    }
  }

  @Test
  void lateType() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient");
    Compilation c = Compiler.javac().withProcessors(new RecordingProcessor(), lateResourceWriter()).compile(f);
    TESTED.add(Diagnostic.LATE_TYPE);
    assertThat(c).failed();
    // the file is generated, so the compilation cannot hand it over; check name and line directly
    assertThat(c.errors()).filteredOn(d -> d.getMessage(null).startsWith("[kubegen.late-type] com.example.Late appeared"))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.getSource().getName()).endsWith("com/example/Late.java");
          assertThat(d.getLineNumber()).isEqualTo(5);
        });
  }

  @Test
  void writeFailed() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient");
    Compilation c = Compiler.javac().withProcessors(new KubegenProcessor(new WritesTwice())).compile(f);
    assertError(c, Diagnostic.WRITE_FAILED, f, 7);
  }

  /** Writes the same generated type twice; the filer refuses the second. */
  static final class WritesTwice implements GeneratorStep {
    @Override
    public String id() {
      return "twice";
    }

    @Override
    public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
      TypeSpec spec = TypeSpec.classBuilder("Twice").addOriginatingElement(model.resources().get(0).element()).build();
      files.write("com.example.gen", spec);
      files.write("com.example.gen", spec);
    }
  }

  /** Generates a second resource type in the first round, so it appears in the second. */
  private static FirstRoundSourceWriter lateResourceWriter() {
    return new FirstRoundSourceWriter("com.example.Late", String.join("\n",
        "package com.example;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"example.com\", version = \"v1\") @GenClient",
        "public class Late implements KubernetesObject {",
        "  public ObjectMeta metadata;",
        "  public String getApiVersion() { return null; }",
        "  public String getKind() { return null; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}"));
  }
}
