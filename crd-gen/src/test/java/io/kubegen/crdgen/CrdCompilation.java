package io.kubegen.crdgen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.kubegen.gen.processing.KubegenProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** Compiles model sources with the crd step alone and collects what it generates. Stateless. */
final class CrdCompilation {
  private static final String CLASS_OUTPUT = "CLASS_OUTPUT/";
  private static final String SOURCE_OUTPUT = "SOURCE_OUTPUT/";

  private CrdCompilation() {}

  /** A compilation of {@code inputs} with the crd step and {@code -Akubegen.outputPackage=outputPackage}. */
  static Compilation compile(List<JavaFileObject> inputs, String outputPackage) {
    return javac().withProcessors(new KubegenProcessor(new CrdGenStep()))
        .withOptions("-Xlint:all,-processing", "-Akubegen.outputPackage=" + outputPackage).compile(inputs);
  }

  /**
   * The generated files of a successful, warning-free compilation of {@code inputs}, by path
   * (resources as {@code META-INF/...}, sources as {@code com/example/...java}), in path order.
   */
  static Map<String, String> generate(List<JavaFileObject> inputs, String outputPackage) {
    Compilation c = compile(inputs, outputPackage);
    assertThat(c).succeededWithoutWarnings();
    return generated(c);
  }

  /** The files {@code c} generated (not class files), by path. */
  static Map<String, String> generated(Compilation c) {
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      String name = f.getName();
      if (name.endsWith(".class")) {
        continue;
      }
      int at = name.indexOf(CLASS_OUTPUT);
      String relative = at >= 0 ? name.substring(at + CLASS_OUTPUT.length())
          : name.substring(name.indexOf(SOURCE_OUTPUT) + SOURCE_OUTPUT.length());
      try {
        out.put(relative, f.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
