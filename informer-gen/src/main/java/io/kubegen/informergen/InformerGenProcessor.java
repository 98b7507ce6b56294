package io.kubegen.informergen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.processing.ListerIndexNames;
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
      if (ListerIndexNames.fit(r, diagnostics())) {
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
}
