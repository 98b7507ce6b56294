package io.kubegen.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * A small processor for the tests of {@link ProcessorRun}: for every {@code @GenClient} type it
 * writes {@code <package>.gen.<Name>Client} and the value of option {@code kubegen.outputPackage}
 * into it; a type whose name starts with {@code Bad} gets an error, one starting with {@code Odd}
 * a warning.
 */
final class EchoClientProcessor extends AbstractProcessor {
  private final java.util.List<String> order;

  EchoClientProcessor() {
    this(new java.util.ArrayList<>());
  }

  /** One that notes {@code kubegen} in {@code order} each time it is called. */
  EchoClientProcessor(java.util.List<String> order) {
    this.order = order;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("io.kubegen.annotations.GenClient");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("kubegen.outputPackage");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    order.add("kubegen");
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        TypeElement type = (TypeElement) element;
        String name = type.getSimpleName().toString();
        if (name.startsWith("Bad")) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
              "[kubegen.test-bad] " + name + " is bad", type);
          continue;
        }
        if (name.startsWith("Odd")) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
              "[kubegen.test-odd] " + name + " is odd", type);
        }
        String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName() + ".gen";
        String option = processingEnv.getOptions().get("kubegen.outputPackage");
        try (Writer out = processingEnv.getFiler().createSourceFile(pkg + "." + name + "Client", type).openWriter()) {
          out.write("package " + pkg + ";\n/** For " + option + ". */\npublic final class " + name + "Client {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }
}
