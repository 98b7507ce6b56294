package io.kubegen.listergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kubegen.gen.testing.TestSources.record;
import static io.kubegen.gen.testing.TestSources.source;

import com.google.testing.compile.Compilation;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.testing.TestSources;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** lister-gen's own diagnostics and the ones it shares with gen-core: message id and line. */
@Timeout(120)
class DiagnosticsTest {

  private static Compilation compile(JavaFileObject... sources) {
    return TestSources.compile(new KubegenProcessor(new ListerGenStep()), sources);
  }

  @Test
  void indexOnATypeWithoutWatchIsAnErrorOnTheAnnotation() {
    JavaFileObject policy = record("Policy", "@GenClient(skipVerbs = Verb.WATCH)", "@GenIndex(name = \"byOwner\", path = \"metadata.name\")");
    Compilation c = compile(policy);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch] @GenIndex \"byOwner\" needs the LIST and WATCH verbs")
        .inFile(policy).onLine(8);
  }

  @Test
  void indexNamedLikeTheNamespaceAccessorIsAnErrorOnTheType() {
    JavaFileObject foo = record("Foo", "@GenClient", "@GenIndex(name = \"foos\", path = \"metadata.name\")");
    Compilation c = compile(foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.invalid-index] @GenIndex name \"foos\" on Foo: it clashes with the lister"
        + " method foos(String namespace)").inFile(foo).onLine(9);
    // nothing was generated for Foo: its lister would not compile and add errors
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void indexPathThatDoesNotResolveIsAnErrorOnThePath() {
    JavaFileObject foo = record("Foo", "@GenClient", "@GenIndex(name = \"byOwner\",", "    path = \"spec.owner\")");
    Compilation c = compile(foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.index-path] @GenIndex path \"spec.owner\" does not resolve on Foo")
        .inFile(foo).onLine(9);
  }

  @Test
  void oneBadTypeDoesNotStopTheOthers() {
    JavaFileObject bad = record("Bad", "@GenClient", "@GenIndex(name = \"bads\", path = \"metadata.name\")");
    JavaFileObject good = record("Good", "@GenClient");
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
