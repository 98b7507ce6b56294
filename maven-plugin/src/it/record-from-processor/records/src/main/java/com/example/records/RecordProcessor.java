package com.example.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Writes the records {@link MakeRecord} asks for. */
@SupportedAnnotationTypes("com.example.records.MakeRecord")
public class RecordProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(MakeRecord.class)) {
      TypeElement type = (TypeElement) element;
      String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
      String name = type.getAnnotation(MakeRecord.class).value();
      List<String> components = new ArrayList<>();
      for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
        components.add(m.getReturnType() + " " + m.getSimpleName());
      }
      try (Writer out = processingEnv.getFiler().createSourceFile(pkg + "." + name, type).openWriter()) {
        out.write("package " + pkg + ";\n\npublic record " + name + "(" + String.join(", ", components) + ") {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }
}
