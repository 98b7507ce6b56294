package io.kubegen.gen.writer;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.processing.Diagnostics;
import java.io.IOException;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GeneratedFilesTest {

  /** Writes one class through {@link GeneratedFiles} in the first round. */
  static final class Writes extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        GeneratedFiles files = new GeneratedFiles(processingEnv, new Diagnostics(processingEnv.getMessager()), "gen.Tool");
        TypeSpec.Builder type = TypeSpec.classBuilder("Out").addModifiers(Modifier.PUBLIC)
            .addField(String.class, "text").addField(java.util.List.class, "list");
        files.write("com.example.out", files.annotate(type).build());
      }
      return false;
    }
  }

  private static String generated(String... options) throws IOException {
    Compilation c = javac().withProcessors(new Writes()).withOptions((Object[]) options)
        .compile(JavaFileObjects.forSourceLines("com.example.In", "package com.example;", "class In {}"));
    assertThat(c).succeeded();
    return c.generatedSourceFiles().get(0).getCharContent(true).toString();
  }

  @Test
  void addsGeneratedWhenResolvableAndSkipsJavaLangImports() throws IOException {
    String source = generated();
    assertThat(source).contains("import javax.annotation.processing.Generated;")
        .contains("@Generated(\"gen.Tool\")")
        .contains("import java.util.List;")
        .doesNotContain("import java.lang.String;")
        .contains("  String text;");
  }

  @Test
  void leavesGeneratedOutWhenTheReleaseLacksIt() throws IOException {
    assertThat(generated("--release", "8")).doesNotContain("Generated");
  }
}
