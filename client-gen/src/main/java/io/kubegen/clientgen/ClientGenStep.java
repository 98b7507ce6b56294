package io.kubegen.clientgen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostics;
import io.kubegen.gen.processing.GeneratorStep;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.List;
import java.util.Map;

/**
 * client-gen, the {@code client} step of gen-core's {@code KubegenProcessor}: for every valid
 * {@code @GenClient} type a typed client interface and its REST implementation; per group version a
 * client with one accessor per resource; a {@code Clientset}; and the fake clientset over the
 * runtime's {@code ObjectTracker}. Stateless.
 */
@AutoService(GeneratorStep.class)
public final class ClientGenStep implements GeneratorStep {

  @Override
  public String id() {
    return "client";
  }

  @Override
  public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
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
