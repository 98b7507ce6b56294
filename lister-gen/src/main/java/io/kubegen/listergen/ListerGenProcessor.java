package io.kubegen.listergen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.processing.ListerIndexNames;
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
      if (ListerIndexNames.fit(r, diagnostics())) {
        writer.write(r);
      }
    }
  }
}
