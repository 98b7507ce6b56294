package io.kubegen.gen.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
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
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Golden-file support for the generator modules' tests: compile model sources with processors,
 * and compare what they generate with the files under an {@code expected} folder. With
 * {@code -Dkubegen.regenerate=true} the folder is rewritten from the output first.
 *
 * <p>Stateless; each call is independent, but regenerating writes the shared folder, so tests that
 * compare against the same folder must not run in parallel.
 */
public final class GoldenFiles {
  /** System property that rewrites the golden files from the generated output. */
  public static final String REGENERATE_PROPERTY = "kubegen.regenerate";

  private static final String SOURCE_OUTPUT = "SOURCE_OUTPUT/";

  private GoldenFiles() {}

  /** Every {@code .java} file below {@code dir}, in path order. */
  public static List<JavaFileObject> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<JavaFileObject> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        out.add(JavaFileObjects.forResource(p.toUri().toURL()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code inputs} with {@code processors}, {@code -Akubegen.outputPackage=outputPackage}
   * and all lint warnings as errors, asserts it succeeded without warnings, and returns the generated
   * sources by path relative to the source output folder (e.g. {@code com/example/Foo.java}), in
   * path order.
   */
  public static Map<String, String> generate(List<JavaFileObject> inputs, String outputPackage, Processor... processors) {
    Compilation c = javac().withProcessors(processors)
        .withOptions("-Xlint:all,-processing", "-Werror", "-Akubegen.outputPackage=" + outputPackage).compile(inputs);
    assertThat(c).succeededWithoutWarnings();
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject f : c.generatedSourceFiles()) {
      String name = f.getName();
      String relative = name.substring(name.indexOf(SOURCE_OUTPUT) + SOURCE_OUTPUT.length());
      try {
        out.put(relative, f.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * Asserts that {@code generated} holds exactly the files under {@code expectedDir}, each with the
   * same content; first rewrites {@code expectedDir} from {@code generated} when
   * {@value #REGENERATE_PROPERTY} is true.
   */
  public static void assertMatch(Map<String, String> generated, Path expectedDir) throws IOException {
    if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
      rewrite(generated, expectedDir);
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(expectedDir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        expected.put(expectedDir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(generated.keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(generated.get(e.getKey())).as(e.getKey() + " (rerun with -D" + REGENERATE_PROPERTY + "=true after intended changes)")
          .isEqualTo(e.getValue());
    }
  }

  private static void rewrite(Map<String, String> generated, Path expectedDir) throws IOException {
    if (Files.exists(expectedDir)) {
      try (Stream<Path> old = Files.walk(expectedDir)) {
        for (Path p : old.sorted(Collections.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> e : generated.entrySet()) {
      Path target = expectedDir.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
