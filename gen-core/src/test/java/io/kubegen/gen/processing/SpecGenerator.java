package io.kubegen.gen.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Generates {@code com.example.gen.GeneratedSpec} in the first round, as another processor would. */
final class SpecGenerator extends AbstractProcessor {
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
    if (done) {
      return false;
    }
    done = true;
    try (Writer w = processingEnv.getFiler().createSourceFile("com.example.gen.GeneratedSpec").openWriter()) {
      w.write("package com.example.gen; public class GeneratedSpec { public String getOwner() { return null; } }");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
