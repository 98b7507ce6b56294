package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.annotations.GenClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessorRunTest {

  @TempDir Path dir;

  private final Path annotationsJar = ProcessorLoader.codeLocation(GenClient.class).orElseThrow();

  @Test
  void generatesFromSourcesAndCountsResourceTypes() throws IOException {
    Path src = dir.resolve("src");
    write(src, "com/example/Foo.java", "package com.example;\n@io.kubegen.annotations.GenClient\npublic class Foo {}\n");
    write(src, "com/example/Bar.java", "package com.example;\n@io.kubegen.annotations.GenClient(namespaced = false)\npublic class Bar {}\n");
    write(src, "com/example/Plain.java", "package com.example;\npublic class Plain {}\n");

    ProcessorRun.Result result = new ProcessorRun().run(request(javaFiles(src), List.of()),
        new EchoClientProcessor(), List.of());

    assertThat(result.success()).isTrue();
    assertThat(result.resourceTypes()).containsExactly("com.example.Bar", "com.example.Foo");
    Path out = dir.resolve("out");
    assertThat(result.sources()).containsExactly("com/example/gen/BarClient.java", "com/example/gen/FooClient.java");
    assertThat(Files.readString(out.resolve("com/example/gen/FooClient.java")))
        .contains("For com.example.api.");
    assertThat(dir.resolve("classes/com/example/Foo.class")).doesNotExist();
  }

  @Test
  void reportsErrorsWithFileLineAndMessageIdAndKeepsWarnings() throws IOException {
    Path src = dir.resolve("src");
    write(src, "com/example/BadFoo.java", "package com.example;\n\n@io.kubegen.annotations.GenClient\npublic class BadFoo {}\n");
    write(src, "com/example/OddFoo.java", "package com.example;\n@io.kubegen.annotations.GenClient\npublic class OddFoo {}\n");

    ProcessorRun.Result result = new ProcessorRun().run(request(javaFiles(src), List.of()),
        new EchoClientProcessor(), List.of());

    assertThat(result.success()).isFalse();
    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.location()).isEqualTo(src.resolve("com/example/BadFoo.java") + ":4");
      assertThat(error.toString()).endsWith("BadFoo.java:4: [kubegen.test-bad] BadFoo is bad");
    });
    assertThat(result.diagnostics()).filteredOn(ModelDiagnostic::isWarning)
        .extracting(ModelDiagnostic::message).contains("[kubegen.test-odd] OddFoo is odd");
  }

  @Test
  void theSameProblemFromSeveralProcessorsIsReportedOnce() throws IOException {
    Path src = dir.resolve("src");
    write(src, "com/example/BadFoo.java", "package com.example;\n@io.kubegen.annotations.GenClient\npublic class BadFoo {}\n");

    ProcessorRun.Result result = new ProcessorRun().run(request(javaFiles(src), List.of()),
        new EchoClientProcessor(), List.of(new EchoClientProcessor()));

    assertThat(result.errors()).extracting(ModelDiagnostic::message)
        .containsExactly("[kubegen.test-bad] BadFoo is bad");
  }

  @Test
  void processesNamedTypesFromClassFiles() throws IOException {
    Path src = dir.resolve("dep-src");
    write(src, "com/dep/Baz.java", "package com.dep;\n@io.kubegen.annotations.GenClient\npublic class Baz {}\n");
    Path depClasses = dir.resolve("dep-classes");
    Files.createDirectories(depClasses);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit = javac.run(null, null, null, "-proc:none", "-d", depClasses.toString(),
        "-cp", annotationsJar.toString(), src.resolve("com/dep/Baz.java").toString());
    assertThat(exit).isZero();

    ProcessorRun.Request request = new ProcessorRun.Request(List.of(), List.of("com.dep.Baz"),
        List.of(annotationsJar, depClasses), dir.resolve("out"), dir.resolve("classes"),
        Map.of("kubegen.outputPackage", "x"), List.of(), null, StandardCharsets.UTF_8);
    ProcessorRun.Result result = new ProcessorRun().run(request, new EchoClientProcessor(), List.of());

    assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
    assertThat(result.resourceTypes()).containsExactly("com.dep.Baz");
    assertThat(dir.resolve("out/com/dep/gen/BazClient.java")).exists();
  }

  @Test
  void syntaxErrorsInTheModelFailTheRun() throws IOException {
    Path src = dir.resolve("src");
    write(src, "com/example/Foo.java", "package com.example;\npublic class Foo {\n");

    ProcessorRun.Result result = new ProcessorRun().run(request(javaFiles(src), List.of()),
        new EchoClientProcessor(), List.of());

    assertThat(result.success()).isFalse();
    assertThat(result.errors()).first().extracting(ModelDiagnostic::kind).isEqualTo(Diagnostic.Kind.ERROR);
    assertThat(result.errors().get(0).location()).endsWith("Foo.java:2");
  }

  @Test
  void onlyKubegensFilesAreKubegensAndTheOtherProcessorsRunFirst() throws IOException {
    Path src = dir.resolve("src");
    write(src, "com/example/Foo.java", "package com.example;\n@io.kubegen.annotations.GenClient\npublic class Foo {}\n");
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    OtherWriter other = new OtherWriter(order);
    EchoClientProcessor kubegen = new EchoClientProcessor(order);

    ProcessorRun.Result result = new ProcessorRun().run(request(javaFiles(src), List.of()), kubegen, List.of(other));

    assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
    assertThat(result.sources()).containsExactly("com/example/gen/FooClient.java");
    assertThat(result.resources()).isEmpty();
    assertThat(dir.resolve("out/com/other/Extra.java")).exists();
    assertThat(dir.resolve("classes/META-INF/other.txt")).exists();
    assertThat(order).startsWith("other", "kubegen");
  }

  @Test
  void theUsersCompilerArgumentsPassExceptTheOnesTheGoalSetsItself() {
    ProcessorRun.Request request = new ProcessorRun.Request(List.of(), List.of(), List.of(), dir.resolve("out"),
        dir.resolve("classes"), Map.of("kubegen.outputPackage", "com.example.api"),
        List.of("-proc:none", "-Xlint:all", "-d", "elsewhere", "-Werror", "-Akubegen.outputPackage=user",
            "-Aother=1", "--release", "11", "-parameters", "-processorpath", "x.jar", "-implicit:class"),
        "17", StandardCharsets.UTF_8);
    assertThat(ProcessorRun.options(request)).containsExactly("-Xlint:all", "-Akubegen.outputPackage=user",
        "-Aother=1", "-parameters", "-proc:only", "-implicit:none", "--release", "17",
        "-Akubegen.outputPackage=com.example.api");
  }

  private ProcessorRun.Request request(List<Path> sources, List<String> classNames) {
    return new ProcessorRun.Request(sources, classNames, List.of(annotationsJar), dir.resolve("out"),
        dir.resolve("classes"), Map.of("kubegen.outputPackage", "com.example.api"), List.of(), "17",
        StandardCharsets.UTF_8);
  }

  static Path write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  static List<Path> javaFiles(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
