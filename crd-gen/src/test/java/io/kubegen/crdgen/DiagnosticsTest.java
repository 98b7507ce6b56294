package io.kubegen.crdgen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kubegen.gen.testing.TestSources.pojo;
import static io.kubegen.gen.testing.TestSources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.kubegen.gen.processing.Diagnostic;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One negative test per diagnostic of the crd step: the message id and the line it points at, and
 * that no CRD is written for the broken kind. In {@code TestSources.pojo}, line 6 holds the
 * annotations, line 7 the class, and the body starts on line 13.
 */
@Timeout(60)
class DiagnosticsTest {
  private static final Set<Diagnostic> TESTED = EnumSet.noneOf(Diagnostic.class);

  @AfterAll
  static void everyCrdDiagnosticHasATest() {
    assertThat(TESTED).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Diagnostic.values()).filter(d -> d.id().startsWith("kubegen.crd-")).toList());
  }

  private static Compilation compile(JavaFileObject... files) {
    return CrdCompilation.compile(List.of(files), "com.example.generated");
  }

  private static void assertError(Compilation c, Diagnostic d, JavaFileObject file, long line, String text) {
    TESTED.add(d);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + d.id() + "]").inFile(file).onLine(line);
    assertThat(c).hadErrorContaining(text);
  }

  @Test
  void rawObjectIsUnsupported() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Object getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_UNSUPPORTED_TYPE, f, 13, "Foo.spec: the type Object");
  }

  @Test
  void mapWithNonStringKeysIsUnsupported() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Map<Integer, String> getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_UNSUPPORTED_TYPE, f, 13, "JSON object keys are strings");
  }

  @Test
  void optionalIsUnsupported() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Optional<String> getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_UNSUPPORTED_TYPE, f, 13, "Optional");
  }

  @Test
  void jdkTypeIsUnsupported() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Thread getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_UNSUPPORTED_TYPE, f, 13, "a JDK type");
  }

  @Test
  void interfacePropertyIsUnsupported() {
    JavaFileObject shape = source("com.example.Shape",
        "package com.example;",
        "public interface Shape { double getArea(); }");
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Shape getSpec() { return null; }");
    assertError(compile(f, shape), Diagnostic.CRD_UNSUPPORTED_TYPE, f, 13, "an interface or abstract class");
  }

  @Test
  void unwrappedIsUnsupported() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  @com.fasterxml.jackson.annotation.JsonUnwrapped",
        "  public ObjectMeta getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_UNSUPPORTED_TYPE, f, 14, "@JsonUnwrapped");
  }

  @Test
  void recursiveTypeIsReported() {
    JavaFileObject node = source("com.example.Node",
        "package com.example;",
        "public class Node {",
        "  public java.util.List<Node> getChildren() { return null; }",
        "}");
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Node getSpec() { return null; }");
    assertError(compile(f, node), Diagnostic.CRD_RECURSIVE_TYPE, node, 3, "com.example.Node -> com.example.Node");
  }

  @Test
  void recursionThroughGrowingTypeArgumentsIsReported() {
    JavaFileObject chain = source("com.example.Chain",
        "package com.example;",
        "public class Chain<T> {",
        "  public Chain<java.util.List<T>> getNext() { return null; }",
        "}");
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  public Chain<String> getSpec() { return null; }");
    Compilation c = compile(f, chain);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.crd-recursive-type]").inFile(chain).onLine(3);
  }

  @Test
  void constraintThatDoesNotFitTheType() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  @io.kubegen.annotations.GenSchema(pattern = \"^a$\")",
        "  public int getSpec() { return 0; }");
    assertError(compile(f), Diagnostic.CRD_INVALID_CONSTRAINT, f, 14, "@GenSchema(pattern) does not apply to a property of schema type integer");
  }

  @Test
  void intOrStringOnANumber() {
    JavaFileObject f = pojo("com.example", "Foo", "@GenClient",
        "  @io.kubegen.annotations.GenSchema(intOrString = true)",
        "  public List<String> getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_INVALID_CONSTRAINT, f, 14, "@GenSchema(intOrString = true) does not apply to a property of schema type array");
  }

  @Test
  void printerColumnOutsideTheSchema() {
    JavaFileObject f = pojo("com.example", "Foo",
        "@GenClient @GenCrd(printerColumns = @GenCrd.PrinterColumn(name = \"Size\", jsonPath = \".spec.size\"))",
        "  public String getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_INVALID_SETTING, f, 7, "jsonPath \".spec.size\" names no property");
  }

  @Test
  void scaleWithoutReplicas() {
    JavaFileObject f = pojo("com.example", "Foo",
        "@GenClient @GenClient.Method(name = \"getScale\", verb = Verb.GET, subresource = \"scale\")",
        "  public String getSpec() { return null; }");
    assertError(compile(f), Diagnostic.CRD_INVALID_SETTING, f, 7, "specReplicasPath \".spec.replicas\" must name an integer property");
  }

  @Test
  void severalVersionsWithoutAStorageVersion() {
    JavaFileObject v1 = versioned("v1", "@GenClient");
    JavaFileObject v2 = versioned("v2", "@GenClient");
    Compilation c = compile(v1, v2);
    assertError(c, Diagnostic.CRD_STORAGE_VERSION, v1, 4, "the versions v2, v1, and none is marked as storage");
    assertThat(c).hadErrorContaining("[kubegen.crd-storage-version]").inFile(v2).onLine(4);
  }

  @Test
  void twoStorageVersions() {
    JavaFileObject v1 = versioned("v1", "@GenClient @GenCrd(storage = true)");
    JavaFileObject v2 = versioned("v2", "@GenClient @GenCrd(storage = true)");
    assertError(compile(v1, v2), Diagnostic.CRD_STORAGE_VERSION, v2, 4, "v2, v1 are all marked as storage");
  }

  @Test
  void versionsThatDisagreeOnTheScope() {
    JavaFileObject v1 = versioned("v1", "@GenClient(namespaced = false)");
    JavaFileObject v2 = versioned("v2", "@GenClient @GenCrd(storage = true)");
    assertError(compile(v1, v2), Diagnostic.CRD_VERSION_CONFLICT, v1, 4, "disagree on the scope (Cluster vs Namespaced)");
  }

  @Test
  void versionsThatDisagreeOnShortNames() {
    JavaFileObject v1 = versioned("v1", "@GenClient @GenCrd(shortNames = \"b\")");
    JavaFileObject v2 = versioned("v2", "@GenClient @GenCrd(storage = true, shortNames = \"a\")");
    assertError(compile(v1, v2), Diagnostic.CRD_VERSION_CONFLICT, v1, 4, "disagree on the short names (b vs a)");
  }

  /** Kind Bar in example.com/{@code version}; line 3 holds {@code annotations}, line 4 the record. */
  private static JavaFileObject versioned(String version, String annotations) {
    return source("com.example." + version + ".Bar",
        "package com.example." + version + ";",
        "import io.kubegen.annotations.*; import io.kubegen.runtime.api.*;",
        annotations + " @GroupVersion(group = \"example.com\", version = \"" + version + "\")",
        "public record Bar(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  public String getApiVersion() { return apiVersion; }",
        "  public String getKind() { return kind; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "}");
  }
}
