package io.kubegen.informergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.kubegen.clientgen.ClientGenProcessor;
import io.kubegen.listergen.ListerGenProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compares informer-gen's output for the test models under {@code src/test/java/com/example}
 * (namespaced with indexes, cluster-scoped record, two core-group records, a type without WATCH
 * that gets no informer) with the golden files under {@code src/test/resources/expected}, as
 * client-gen's and lister-gen's golden tests do. client-gen and lister-gen run in the same
 * compilation, since the informers use their output, but only informer-gen's files
 * ({@code .../informers/...}) are compared. Run with {@code -Dkubegen.regenerate=true} to rewrite
 * them.
 */
@Timeout(120)
class GoldenFilesTest {
  static final Path MODELS = Path.of("src/test/java/com/example");
  static final Path EXPECTED = Path.of("src/test/resources/expected");

  static List<JavaFileObject> models() {
    try (Stream<Path> files = Files.walk(MODELS)) {
      List<JavaFileObject> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        out.add(JavaFileObjects.forResource(p.toUri().toURL()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> generate(List<JavaFileObject> inputs) {
    Compilation c = javac()
        .withProcessors(new ClientGenProcessor(), new ListerGenProcessor(), new InformerGenProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror").compile(inputs);
    assertThat(c).succeededWithoutWarnings();
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject f : c.generatedSourceFiles()) {
      String name = f.getName();
      String relative = name.substring(name.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length());
      if (!relative.contains("/informers/")) {
        continue;
      }
      try {
        out.put(relative, f.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  @Test
  void generatedSourcesMatchTheGoldenFiles() throws IOException {
    Map<String, String> generated = generate(models());
    if (Boolean.getBoolean("kubegen.regenerate")) {
      if (Files.exists(EXPECTED)) {
        try (Stream<Path> old = Files.walk(EXPECTED)) {
          for (Path p : old.sorted(Collections.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, String> e : generated.entrySet()) {
        Path target = EXPECTED.resolve(e.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(EXPECTED)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        expected.put(EXPECTED.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(generated.keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(generated.get(e.getKey())).as(e.getKey() + " (rerun with -Dkubegen.regenerate=true after intended changes)")
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void typesWithoutListAndWatchGetNoInformer() {
    assertThat(generate(models()).keySet()).noneMatch(name -> name.contains("Policy"));
  }

  @Test
  void outputDoesNotDependOnInputOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(models());
    Collections.reverse(reversed);
    assertThat(generate(reversed)).isEqualTo(generate(models()));
  }
}
