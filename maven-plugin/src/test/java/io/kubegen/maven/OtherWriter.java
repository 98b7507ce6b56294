package io.kubegen.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Another processor, as a user's would be: in the first round it writes a source file and a
 * resource of its own, and notes {@code other} in {@code order} each time it is called.
 */
final class OtherWriter extends AbstractProcessor {
  private final List<String> order;
  private boolean written;

  OtherWriter(List<String> order) {
    this.order = order;
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
    order.add("other");
    if (written) {
      return false;
    }
    written = true;
    try (Writer source = processingEnv.getFiler().createSourceFile("com.other.Extra").openWriter();
        Writer resource = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/other.txt")
            .openWriter()) {
      source.write("package com.other;\npublic final class Extra {}\n");
      resource.write("other");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
