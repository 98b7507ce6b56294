package io.kubegen.gen.processing;

import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * kubegen's one annotation processor. It finds the {@code @GenClient} types, defers those that refer
 * to types not generated yet (by this or another processor), reads and validates each type once
 * through {@link ResourceModelReader}, checks them together through {@link ModelValidator}, prints
 * every problem once, and then, in the first round where nothing is deferred, runs the selected
 * {@link GeneratorStep}s over the valid types: client-gen, lister-gen and informer-gen, found on the
 * processor path with {@link ServiceLoader} (their modules register them). A type with problems is
 * left out; the others are generated.
 *
 * <p>Options: {@code -Akubegen.outputPackage=<package>} (else the types' common package root +
 * {@code .generated}, announced with {@code [kubegen.derived-output-package]}) and
 * {@code -Akubegen.generators=client,lister,informer} (default: every step on the processor path).
 * Types that appear after generation are reported as {@code [kubegen.late-type]}; types still
 * unresolved in the last round as {@code [kubegen.unresolved-type]}.
 *
 * <p>One instance per compilation; javac calls it on one thread.
 */
public final class KubegenProcessor extends AbstractProcessor {
  private final List<GeneratorStep> givenSteps;
  private final Map<String, ResourceDescriptor> valid = new LinkedHashMap<>();
  private final Set<String> seen = new LinkedHashSet<>();
  private final Set<String> deferred = new LinkedHashSet<>();
  private Diagnostics diagnostics;
  private ResourceModelReader reader;
  private boolean generated;

  /** The processor with the generator steps on its class loader's path (how javac creates it). */
  public KubegenProcessor() {
    this.givenSteps = null;
  }

  /** The processor with exactly {@code steps} available (for tests and tools). */
  public KubegenProcessor(GeneratorStep... steps) {
    this.givenSteps = List.of(steps);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    diagnostics = new Diagnostics(env.getMessager());
    reader = new ResourceModelReader(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(AnnotationReader.GEN_CLIENT);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ModelValidator.OUTPUT_PACKAGE_OPTION, GeneratorSelection.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> candidates = new ArrayList<>();
    for (String name : deferred) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null) {
        candidates.add(t);
      }
    }
    deferred.clear();
    TypeElement genClient = processingEnv.getElementUtils().getTypeElement(AnnotationReader.GEN_CLIENT);
    if (genClient != null) {
      for (Element e : round.getElementsAnnotatedWith(genClient)) {
        if (e instanceof TypeElement t && !candidates.contains(t)) {
          candidates.add(t);
        }
      }
    }
    for (TypeElement type : candidates) {
      String name = type.getQualifiedName().toString();
      if (!Resolvability.unresolved(type).isEmpty()) {
        if (round.processingOver()) {
          diagnostics.error(type, Diagnostic.UNRESOLVED_TYPE, name, String.join(", ", Resolvability.unresolved(type)));
        } else {
          deferred.add(name);
        }
        continue;
      }
      if (!seen.add(name)) {
        continue;
      }
      if (generated) {
        diagnostics.error(type, Diagnostic.LATE_TYPE, name);
        continue;
      }
      ResourceModelReader.Result result = reader.read(type);
      if (result.isValid()) {
        valid.put(name, result.descriptor());
      } else {
        diagnostics.report(result.report());
      }
    }
    if (!generated && deferred.isEmpty() && !seen.isEmpty()) {
      generated = true;
      generate();
    }
    return false;
  }

  /** Checks the types together, then runs the selected steps over the valid ones. */
  private void generate() {
    String option = processingEnv.getOptions().get(ModelValidator.OUTPUT_PACKAGE_OPTION);
    ModelValidator.Outcome outcome = ModelValidator.validate(valid.values(), option);
    diagnostics.report(outcome.report());
    GeneratorSelection.Outcome selection = GeneratorSelection.select(availableSteps(),
        processingEnv.getOptions().get(GeneratorSelection.OPTION));
    selection.problems().forEach(diagnostics::error);
    if (outcome.valid().isEmpty() || !selection.problems().isEmpty()) {
      return;
    }
    if (outcome.derived()) {
      diagnostics.warning(Diagnostic.DERIVED_OUTPUT_PACKAGE, outcome.basePackage());
    }
    ApiModel model = new ApiModel(outcome.basePackage(), outcome.valid());
    for (GeneratorStep step : selection.steps()) {
      step.generate(model, new GeneratedFiles(processingEnv, diagnostics, step.getClass().getName()), diagnostics);
    }
  }

  private List<GeneratorStep> availableSteps() {
    if (givenSteps != null) {
      return givenSteps;
    }
    List<GeneratorStep> steps = new ArrayList<>();
    ServiceLoader.load(GeneratorStep.class, KubegenProcessor.class.getClassLoader()).forEach(steps::add);
    return steps;
  }
}
