package io.kubegen.listergen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostic;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.writer.GeneratedFiles;
import javax.annotation.processing.Processor;

/**
 * lister-gen: for every valid {@code @GenClient} type that can be listed and watched, a typed
 * lister over an informer's cache ({@code FooLister}, for namespaced types also
 * {@code FooNamespaceLister}) with one lookup method per {@code @GenIndex}, and the
 * package-private implementation holding the generated index functions. Reading, validation
 * and diagnostics (including {@code [kubegen.index-needs-list-watch]}) come from gen-core's
 * {@link KubegenProcessor}.
 */
@AutoService(Processor.class)
public final class ListerGenProcessor extends KubegenProcessor {

  @Override
  protected void generate(ApiModel model, GeneratedFiles files) {
    ListerWriter writer = new ListerWriter(model, files);
    for (ResourceDescriptor r : model.listWatchable()) {
      if (indexNamesFit(r)) {
        writer.write(r);
      }
    }
  }

  /**
   * Whether no {@code @GenIndex} method would clash with the lister's namespace accessor
   * ({@code foos(String)}); a clash is reported as {@code [kubegen.invalid-index]} on the type.
   */
  private boolean indexNamesFit(ResourceDescriptor r) {
    boolean fit = true;
    for (IndexDescriptor index : r.indexes()) {
      if (r.namespaced() && index.name().equals(r.accessorName())) {
        diagnostics().error(r.element(), Diagnostic.INVALID_INDEX, index.name(), r.element().getSimpleName(),
            "it clashes with the lister method " + r.accessorName() + "(String namespace); choose another name");
        fit = false;
      }
    }
    return fit;
  }
}
