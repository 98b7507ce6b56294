package io.kubegen.gen.processing;

import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.Set;

/**
 * One generator that {@link KubegenProcessor} runs over the model it read and validated: client-gen,
 * lister-gen and informer-gen each provide one, in their own module, registered for
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.kubegen.gen.processing.GeneratorStep}).
 * Which steps run is the processor option {@code -Akubegen.generators} (default: every step on the
 * processor path).
 *
 * <p>Implementations are stateless; the processor calls them on javac's processing thread, at most
 * once per compilation, in an order where every step comes after the steps it {@link #requires()}.
 */
public interface GeneratorStep {
  /** The name users select the step by, such as {@code client}; lower case. */
  String id();

  /**
   * The ids of the steps whose output the code of this one refers to (informer-gen's code uses the
   * clientset and the listers); a selection without them is refused with
   * {@code [kubegen.generator-needs]}.
   */
  default Set<String> requires() {
    return Set.of();
  }

  /**
   * Writes the code of {@code model}, which holds every valid resource type of the compilation
   * (never empty), through {@code files}; problems only this step finds go to {@code diagnostics}.
   */
  void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics);
}
