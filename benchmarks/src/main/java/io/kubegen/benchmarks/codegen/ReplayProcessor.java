package io.kubegen.benchmarks.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor that writes given sources, verbatim, in its first round and does nothing else: what
 * any annotation processor that produces exactly that output costs javac at the least (the
 * {@code Filer} calls, the extra rounds, parsing and entering the written units again), without
 * reading a model or building code. The codegen benchmark runs it with kubegen's own output.
 */
final class ReplayProcessor extends AbstractProcessor {
  private final Map<String, String> sources;
  private boolean written;

  /** {@code sources}: qualified type name → file content. */
  ReplayProcessor(Map<String, String> sources) {
    this.sources = sources;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("io.kubegen.annotations.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written || round.processingOver()) {
      return false;
    }
    written = true;
    for (Map.Entry<String, String> e : sources.entrySet()) {
      try (Writer out = processingEnv.getFiler().createSourceFile(e.getKey()).openWriter()) {
        out.write(e.getValue());
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return false;
  }
}
