package io.kubegen.informergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.kubegen.clientgen.ClientGenStep;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.listergen.ListerGenStep;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Groups whose package segment is the name of a factory method ({@code wait}, {@code start})
 * get an accessor with a trailing {@code _}, and the generated code compiles with user code
 * calling it.
 */
@Timeout(120)
class GroupAccessorNamesTest {

  private static JavaFileObject model(String name, String group) {
    return JavaFileObjects.forSourceLines("com.example." + name,
        "package com.example;",
        "",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "",
        "@GroupVersion(group = \"" + group + "\", version = \"v1\")",
        "@GenClient",
        "public record " + name + "(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  @Override public String getApiVersion() { return apiVersion; }",
        "  @Override public String getKind() { return kind; }",
        "  @Override public ObjectMeta getMetadata() { return metadata; }",
        "}");
  }

  @Test
  void clashingGroupSegmentsGetATrailingUnderscore() {
    JavaFileObject user = JavaFileObjects.forSourceLines("com.example.User",
        "package com.example;",
        "",
        "import com.example.generated.informers.SharedInformerFactory;",
        "",
        "/** Uses the accessors as a downstream project would. */",
        "class User {",
        "  static Object use(SharedInformerFactory factory) {",
        "    factory.start();",
        "    return factory.wait_().v1().waiters().lister() != null ? factory.start_().v1().starters().informer() : null;",
        "  }",
        "}");
    Compilation c = javac()
        .withProcessors(new KubegenProcessor(new ClientGenStep(), new ListerGenStep(), new InformerGenStep()))
        .withOptions("-Xlint:all,-processing", "-Werror", "-Akubegen.outputPackage=com.example.generated")
        .compile(model("Waiter", "wait.example.com"), model("Starter", "start.example.com"), user);
    assertThat(c).succeededWithoutWarnings();
  }
}
