package io.kubegen.informergen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostics;
import io.kubegen.gen.processing.GeneratorStep;
import io.kubegen.gen.processing.ListerIndexNames;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * informer-gen, the {@code informer} step of gen-core's {@code KubegenProcessor}: for every valid
 * {@code @GenClient} type that can be listed and watched, a {@code FooInformer} (shared informer +
 * lister), and the {@code SharedInformerFactory} over the generated {@code Clientset}. The code it
 * writes uses client-gen's clientset and lister-gen's listers, so it {@link #requires()} both
 * steps (and this module depends on theirs, so they are on the processor path with it). Stateless.
 */
@AutoService(GeneratorStep.class)
public final class InformerGenStep implements GeneratorStep {

  @Override
  public String id() {
    return "informer";
  }

  @Override
  public Set<String> requires() {
    return Set.of("client", "lister");
  }

  @Override
  public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
    List<ResourceDescriptor> informed = new ArrayList<>();
    for (ResourceDescriptor r : model.listWatchable()) {
      if (ListerIndexNames.fit(r, diagnostics)) {
        informed.add(r);
      }
    }
    if (informed.isEmpty()) {
      return;
    }
    ApiModel informable = new ApiModel(model.basePackage(), informed);
    InformerWriter informers = new InformerWriter(informable, files);
    informable.resources().forEach(informers::write);
    new FactoryWriter(informable, model, files).write();
  }
}
