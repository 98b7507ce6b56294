package io.kubegen.listergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** lister-gen's own diagnostics and the ones it shares with gen-core: message id and line. */
@Timeout(120)
class DiagnosticsTest {

  private static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ListerGenProcessor()).compile(sources);
  }

  @Test
  void indexOnATypeWithoutWatchIsAnErrorOnTheAnnotation() {
    JavaFileObject policy = source("com.example.Policy",
        "package com.example;",
        "",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient(skipVerbs = Verb.WATCH)",
        "@GenIndex(name = \"byOwner\", path = \"metadata.name\")",
        "public record Policy(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  @Override public String getApiVersion() { return apiVersion; }",
        "  @Override public String getKind() { return kind; }",
        "  @Override public ObjectMeta getMetadata() { return metadata; }",
        "}");
    Compilation c = compile(policy);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch] @GenIndex \"byOwner\" needs the LIST and WATCH verbs")
        .inFile(policy).onLine(8);
  }

  @Test
  void indexNamedLikeTheNamespaceAccessorIsAnErrorOnTheType() {
    JavaFileObject foo = source("com.example.Foo",
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
        "}");
    Compilation c = compile(foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.invalid-index] @GenIndex name \"foos\" on Foo: it clashes with the lister"
        + " method foos(String namespace)").inFile(foo).onLine(9);
    // nothing was generated for Foo: its lister would not compile and add errors
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void indexPathThatDoesNotResolveIsAnErrorOnThePath() {
    JavaFileObject foo = source("com.example.Foo",
        "package com.example;",
        "",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "@GenIndex(name = \"byOwner\",",
        "    path = \"spec.owner\")",
        "public record Foo(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  @Override public String getApiVersion() { return apiVersion; }",
        "  @Override public String getKind() { return kind; }",
        "  @Override public ObjectMeta getMetadata() { return metadata; }",
        "}");
    Compilation c = compile(foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.index-path] @GenIndex path \"spec.owner\" does not resolve on Foo")
        .inFile(foo).onLine(9);
  }

  @Test
  void oneBadTypeDoesNotStopTheOthers() {
    JavaFileObject bad = source("com.example.Bad",
        "package com.example;",
        "",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "@GenIndex(name = \"bads\", path = \"metadata.name\")",
        "public record Bad(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  @Override public String getApiVersion() { return apiVersion; }",
        "  @Override public String getKind() { return kind; }",
        "  @Override public ObjectMeta getMetadata() { return metadata; }",
        "}");
    JavaFileObject good = source("com.example.Good",
        "package com.example;",
        "",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
        "@GenClient",
        "public record Good(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  @Override public String getApiVersion() { return apiVersion; }",
        "  @Override public String getKind() { return kind; }",
        "  @Override public ObjectMeta getMetadata() { return metadata; }",
        "}");
    JavaFileObject user = source("com.example.User",
        "package com.example;",
        "",
        "/** Compiles only if GoodLister was generated. */",
        "class User {",
        "  com.example.generated.listers.example.v1.GoodLister lister;",
        "}");
    Compilation c = compile(bad, good, user);
    assertThat(c).hadErrorContaining("[kubegen.invalid-index]").inFile(bad).onLine(9);
    assertThat(c).hadErrorCount(1);
  }
}
