package io.kubegen.gen.processing;

import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The base of kubegen's processors: finds {@code @GenClient} types, defers those that refer to
 * types not generated yet, reads and validates them through {@link ResourceModelReader}, checks
 * them together through {@link ModelValidator}, prints every problem, and calls
 * {@link #generate} once, in the first round where nothing is deferred, with the valid types.
 * A type with problems is left out; the others are generated.
 *
 * <p>Subclasses implement {@link #generate} (usually handing the model to their writers) and
 * declare themselves with {@code @AutoService(Processor.class)}. Types that appear after
 * generation are reported as {@code [kubegen.late-type]}; types still unresolved in the last
 * round as {@code [kubegen.unresolved-type]}. javac calls processors on one thread.
 */
public abstract class KubegenProcessor extends AbstractProcessor {
  private final Map<String, ResourceDescriptor> valid = new LinkedHashMap<>();
  private final Set<String> seen = new LinkedHashSet<>();
  private final Set<String> deferred = new LinkedHashSet<>();
  private Diagnostics diagnostics;
  private ResourceModelReader reader;
  private boolean generated;

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
    return Set.of(ModelValidator.OUTPUT_PACKAGE_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public final boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
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
      ModelValidator.Outcome outcome = ModelValidator.validate(valid.values(),
          processingEnv.getOptions().get(ModelValidator.OUTPUT_PACKAGE_OPTION));
      diagnostics.report(outcome.report());
      if (!outcome.valid().isEmpty()) {
        generate(new ApiModel(outcome.basePackage(), outcome.valid()), files());
      }
    }
    return false;
  }

  /**
   * Writes the generated code for {@code model}, which holds every valid resource type of the
   * compilation. Called at most once per compilation, and only with a non-empty model.
   */
  protected abstract void generate(ApiModel model, GeneratedFiles files);

  /** The value of {@code @Generated} in generated files; the processor's class name by default. */
  protected String generatorName() {
    return getClass().getName();
  }

  /** The diagnostics printer, for problems a subclass finds itself. */
  protected final Diagnostics diagnostics() {
    return diagnostics;
  }

  private GeneratedFiles files() {
    return new GeneratedFiles(processingEnv, diagnostics, generatorName());
  }
}
