package io.kubegen.clientgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.gen.processing.KubegenProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model classes from another module: compiled first, then handed to javac by class name (as the
 * Maven plugin does for dependency types), so the processor reads them from class files.
 */
@Timeout(120)
class ClassPathModelTest {

  @Test
  void generatesClientsForModelClassesReadFromClassFiles(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src/com/example/lib/v1");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Widget.java"), String.join("\n",
        "package com.example.lib.v1;",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "@GroupVersion(group = \"lib.example.com\", version = \"v1\")",
        "@GenClient(namespaced = false, skipVerbs = Verb.PATCH)",
        "@GenClient.Method(name = \"getScale\", verb = Verb.GET, subresource = \"scale\", result = Widget.Scale.class)",
        "public class Widget implements KubernetesObject {",
        "  private ObjectMeta metadata;",
        "  private Object status;",
        "  public String getApiVersion() { return \"lib.example.com/v1\"; }",
        "  public String getKind() { return \"Widget\"; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "  public void setMetadata(ObjectMeta m) { metadata = m; }",
        "  public Object getStatus() { return status; }",
        "  public static class Scale { public int replicas; }",
        "}"));
    Path libClasses = Files.createDirectories(dir.resolve("lib-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      StringWriter out = new StringWriter();
      boolean ok = javac.getTask(out, files, null,
          List.of("-proc:none", "-d", libClasses.toString(), "-classpath", classpath),
          null, files.getJavaFileObjects(src.resolve("Widget.java"))).call();
      assertThat(ok).as(out.toString()).isTrue();
    }

    Path generated = Files.createDirectories(dir.resolve("generated"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(out, files, null,
          List.of("-s", generated.toString(), "-d", classes.toString(),
              "-classpath", libClasses + java.io.File.pathSeparator + classpath),
          List.of("com.example.lib.v1.Widget"), null);
      task.setProcessors(List.of(new KubegenProcessor(new ClientGenStep())));
      assertThat(task.call()).as(out.toString()).isTrue();
    }

    Path client = generated.resolve("com/example/lib/v1/generated/clientset/lib/v1/WidgetClient.java");
    assertThat(client).exists();
    String source = Files.readString(client);
    assertThat(source).contains("Widget.Scale getScale(String name, GetOptions options);")
        .contains("ReadOnlyClient<Widget>").contains("StatusWriter<Widget>")
        .doesNotContain("Patchable").doesNotContain("WritableClient");
    assertThat(Files.readString(generated.resolve("com/example/lib/v1/generated/clientset/lib/v1/LibV1Client.java")))
        .contains("public WidgetClient widgets() {");
    try (Stream<Path> compiled = Files.walk(classes)) {
      assertThat(compiled.map(p -> p.getFileName().toString())).contains("WidgetClient.class", "Clientset.class",
          "FakeClientset.class");
    }
  }
}
