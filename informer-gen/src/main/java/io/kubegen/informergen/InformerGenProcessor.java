package io.kubegen.informergen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostic;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;

/**
 * informer-gen: for every valid {@code @GenClient} type that can be listed and watched, a
 * {@code FooInformer} (shared informer + lister); per group and per group version an accessor
 * type; and the {@code SharedInformerFactory} over the generated {@code Clientset}, with
 * {@code forResource} returning a {@code GenericInformer}. The code it writes refers to the
 * output of client-gen ({@code Clientset}) and lister-gen ({@code FooLister}), so the three
 * run together. Reading, validation and diagnostics come from gen-core's
 * {@link KubegenProcessor}.
 */
@AutoService(Processor.class)
public final class InformerGenProcessor extends KubegenProcessor {

  @Override
  protected void generate(ApiModel model, GeneratedFiles files) {
    List<ResourceDescriptor> informed = new ArrayList<>();
    for (ResourceDescriptor r : model.listWatchable()) {
      if (indexNamesFit(r)) {
        informed.add(r);
      }
    }
    if (informed.isEmpty()) {
      return;
    }
    ApiModel informable = new ApiModel(model.basePackage(), informed);
    InformerWriter informers = new InformerWriter(informable, files);
    GroupInformersWriter groups = new GroupInformersWriter(informable, files);
    for (Map.Entry<ApiGroupVersion, List<ResourceDescriptor>> e : informable.byGroupVersion().entrySet()) {
      e.getValue().forEach(informers::write);
      groups.writeVersion(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, List<ApiGroupVersion>> e : informable.groupVersionsBySegment().entrySet()) {
      groups.writeGroup(e.getKey(), e.getValue());
    }
    new FactoryWriter(informable, files).write();
  }

  /**
   * Whether lister-gen writes a lister for {@code r}: no {@code @GenIndex} may be named like the
   * namespace accessor. The same {@code [kubegen.invalid-index]} lister-gen prints is printed
   * once when both run.
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
