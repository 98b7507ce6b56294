package io.kubegen.gen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Writes one source file in the first round, as another processor would, so that a kubegen
 * processor sees the type only in a later round. One instance per compilation; javac calls it from
 * one thread.
 */
public final class FirstRoundSourceWriter extends AbstractProcessor {
  private final String qualifiedName;
  private final String content;
  private boolean done;

  /** Writes {@code content} as the source of {@code qualifiedName}. */
  public FirstRoundSourceWriter(String qualifiedName, String content) {
    this.qualifiedName = qualifiedName;
    this.content = content;
  }

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
    if (done) {
      return false;
    }
    done = true;
    try (Writer w = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
      w.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
