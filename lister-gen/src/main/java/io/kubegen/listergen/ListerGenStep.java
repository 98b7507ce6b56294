package io.kubegen.listergen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostics;
import io.kubegen.gen.processing.GeneratorStep;
import io.kubegen.gen.processing.ListerIndexNames;
import io.kubegen.gen.writer.GeneratedFiles;

/**
 * lister-gen, the {@code lister} step of gen-core's {@code KubegenProcessor}: for every valid
 * {@code @GenClient} type that can be listed and watched, a typed lister over an informer's cache
 * ({@code FooLister}, for namespaced types also {@code FooNamespaceLister}) with one lookup method and
 * one generated index function per {@code @GenIndex}. Stateless.
 */
@AutoService(GeneratorStep.class)
public final class ListerGenStep implements GeneratorStep {

  @Override
  public String id() {
    return "lister";
  }

  @Override
  public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
    ListerWriter writer = new ListerWriter(model, files);
    for (ResourceDescriptor r : model.listWatchable()) {
      if (ListerIndexNames.fit(r, diagnostics)) {
        writer.write(r);
      }
    }
  }
}
