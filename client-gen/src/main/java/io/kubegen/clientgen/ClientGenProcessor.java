package io.kubegen.clientgen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;

/**
 * client-gen: for every valid {@code @GenClient} type, a typed client interface and its REST
 * implementation; per group version a client with one accessor per resource; a
 * {@code Clientset}; and the fake clientset over the runtime's {@code ObjectTracker}. Reading,
 * validation and diagnostics come from gen-core's {@link KubegenProcessor}.
 */
@AutoService(Processor.class)
public final class ClientGenProcessor extends KubegenProcessor {

  @Override
  protected void generate(ApiModel model, GeneratedFiles files) {
    TypedClientWriter typed = new TypedClientWriter(model, files);
    GroupVersionClientWriter groupVersions = new GroupVersionClientWriter(model, files);
    for (Map.Entry<ApiGroupVersion, List<ResourceDescriptor>> e : model.byGroupVersion().entrySet()) {
      e.getValue().forEach(typed::write);
      groupVersions.write(e.getKey(), e.getValue());
    }
    new ClientsetWriter(model, files).write();
    new FakeClientsetWriter(model, files).write();
  }
}
