package io.kubegen.gen.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.processing.Diagnostic;
import io.kubegen.gen.processing.Diagnostics;
import java.io.IOException;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Writes generated Java files the same way for every generator: {@code @Generated} (naming the
 * generator) only when {@code javax.annotation.processing.Generated} is resolvable, no
 * {@code java.lang} imports, two-space indentation, originating elements taken from the
 * {@link TypeSpec}, and failures reported as {@code [kubegen.write-failed]}. Used on javac's
 * processing thread.
 */
public final class GeneratedFiles {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final ProcessingEnvironment env;
  private final Filer filer;
  private final Diagnostics diagnostics;
  private final String generator;
  private final boolean generatedResolvable;

  /**
   * Files written through {@code env}'s filer.
   *
   * @param generator the value of {@code @Generated}, usually the generator step's class name
   */
  public GeneratedFiles(ProcessingEnvironment env, Diagnostics diagnostics, String generator) {
    this.env = env;
    this.filer = env.getFiler();
    this.diagnostics = diagnostics;
    this.generator = generator;
    this.generatedResolvable = env.getElementUtils().getTypeElement(GENERATED.canonicalName()) != null;
  }

  /**
   * The compiler's processing environment, for steps that read more of the model than the
   * descriptors hold (the crd step walks property types) or write other files than Java sources.
   */
  public ProcessingEnvironment environment() {
    return env;
  }

  /** The {@code @Generated("<generator>")} annotation, when resolvable. */
  public Optional<AnnotationSpec> generatedAnnotation() {
    if (!generatedResolvable) {
      return Optional.empty();
    }
    return Optional.of(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build());
  }

  /** Adds {@code @Generated} to {@code type} when resolvable; returns {@code type}. */
  public TypeSpec.Builder annotate(TypeSpec.Builder type) {
    generatedAnnotation().ifPresent(type::addAnnotation);
    return type;
  }

  /** The source text {@link #write} would write; for tests and tools. */
  public static String render(String packageName, TypeSpec type) {
    return javaFile(packageName, type).toString();
  }

  /**
   * Writes {@code type} into {@code packageName}; a failure is reported on the type's first
   * originating element. Returns whether the file was written.
   */
  public boolean write(String packageName, TypeSpec type) {
    try {
      javaFile(packageName, type).writeTo(filer);
      return true;
    } catch (IOException | RuntimeException e) {
      Element on = type.originatingElements().isEmpty() ? null : type.originatingElements().get(0);
      String name = packageName + "." + type.name();
      if (on != null) {
        diagnostics.error(on, Diagnostic.WRITE_FAILED, name, e.getMessage());
      } else {
        diagnostics.error(Diagnostic.WRITE_FAILED, name, e.getMessage());
      }
      return false;
    }
  }

  private static JavaFile javaFile(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("  ").build();
  }
}
