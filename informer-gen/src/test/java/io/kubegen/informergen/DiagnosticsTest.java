package io.kubegen.informergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.kubegen.clientgen.ClientGenProcessor;
import io.kubegen.listergen.ListerGenProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * informer-gen's diagnostics, alone and with client-gen and lister-gen in the same compilation
 * (each problem printed once): message id and line.
 */
@Timeout(120)
class DiagnosticsTest {

  private static final String[] POLICY = {
      "package com.example;",
      "",
      "import io.kubegen.annotations.*;",
      "import io.kubegen.runtime.api.*;",
      "",
      "@GroupVersion(group = \"example.com\", version = \"v1\")",
      "@GenClient(onlyVerbs = {Verb.GET, Verb.LIST})",
      "@GenIndex(name = \"byOwner\", path = \"metadata.name\")",
      "public record Policy(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
      "  @Override public String getApiVersion() { return apiVersion; }",
      "  @Override public String getKind() { return kind; }",
      "  @Override public ObjectMeta getMetadata() { return metadata; }",
      "}"};

  private static final String[] FOO_WITH_CLASHING_INDEX = {
      "package com.example;",
      "",
      "import io.kubegen.annotations.*;",
      "import io.kubegen.runtime.api.*;",
      "",
      "@GroupVersion(group = \"example.com\", version = \"v1\")",
      "@GenClient",
      "@GenIndex(name = \"foos\", path = \"metadata.name\")",
      "public record Foo(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
      "  @Override public String getApiVersion() { return apiVersion; }",
      "  @Override public String getKind() { return kind; }",
      "  @Override public ObjectMeta getMetadata() { return metadata; }",
      "}"};

  @Test
  void indexOnATypeWithoutWatchIsAnErrorOnTheAnnotation() {
    JavaFileObject policy = JavaFileObjects.forSourceLines("com.example.Policy", POLICY);
    Compilation c = javac().withProcessors(new InformerGenProcessor()).compile(policy);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch] @GenIndex \"byOwner\" needs the LIST and WATCH verbs")
        .inFile(policy).onLine(8);
  }

  @Test
  void allThreeProcessorsTogetherPrintEachProblemOnce() {
    JavaFileObject policy = JavaFileObjects.forSourceLines("com.example.Policy", POLICY);
    JavaFileObject foo = JavaFileObjects.forSourceLines("com.example.Foo", FOO_WITH_CLASHING_INDEX);
    Compilation c = javac()
        .withProcessors(new ClientGenProcessor(), new ListerGenProcessor(), new InformerGenProcessor())
        .compile(policy, foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch]").inFile(policy).onLine(8);
    assertThat(c).hadErrorContaining("[kubegen.invalid-index] @GenIndex name \"foos\" on Foo").inFile(foo).onLine(9);
    // no FooInformer pointing at a FooLister that was not written: that would add "cannot find symbol" errors
    assertThat(c).hadErrorCount(2);
  }
}
