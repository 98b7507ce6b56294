package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the user's processors from a processor path, as javac would. */
class OtherProcessorsTest {

  @TempDir static Path dir;

  private static Path processorFolder;

  @BeforeAll
  static void compileAProcessor() throws IOException {
    processorFolder = processorFolder();
  }

  /** A folder holding a compiled processor {@code com.other.Noop}, registered, and kubegen's, registered too. */
  private static Path processorFolder() throws IOException {
    Path src = dir.resolve("src");
    ProcessorRunTest.write(src, "com/other/Noop.java", "package com.other;\n"
        + "@javax.annotation.processing.SupportedAnnotationTypes(\"*\")\n"
        + "public class Noop extends javax.annotation.processing.AbstractProcessor {\n"
        + "  public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a,\n"
        + "      javax.annotation.processing.RoundEnvironment r) { return false; }\n"
        + "}\n");
    Path classes = dir.resolve("classes");
    int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d", classes.toString(),
        src.resolve("com/other/Noop.java").toString());
    assertThat(exit).isZero();
    ProcessorRunTest.write(classes, ProcessorPathCheck.SERVICE_FILE,
        "com.other.Noop\nio.kubegen.gen.processing.KubegenProcessor\n");
    return classes;
  }

  @Test
  void findsTheRegisteredProcessorsButKubegensOwn() throws IOException {
    try (OtherProcessors others = OtherProcessors.load(List.of(processorFolder), List.of())) {
      assertThat(others.names()).containsExactly("com.other.Noop");
      assertThat(others.processors().get(0).getClass().getClassLoader().getParent())
          .isSameAs(ToolProvider.getSystemJavaCompiler().getClass().getClassLoader());
    }
  }

  @Test
  void loadsNamedProcessorsOnly() throws IOException {
    Path folder = processorFolder;
    try (OtherProcessors others = OtherProcessors.load(List.of(folder), List.of("com.other.Noop"))) {
      assertThat(others.names()).containsExactly("com.other.Noop");
    }
    assertThatThrownBy(() -> OtherProcessors.load(List.of(folder), List.of("com.other.Missing")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("com.other.Missing");
  }

  @Test
  void anEmptyPathHasNoProcessors() {
    try (OtherProcessors others = OtherProcessors.load(List.of(), List.of())) {
      assertThat(others.processors()).isEmpty();
    }
  }
}
