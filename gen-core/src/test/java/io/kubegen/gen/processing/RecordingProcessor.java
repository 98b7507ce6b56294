package io.kubegen.gen.processing;

import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.ArrayList;
import java.util.List;

/** A processor on the shared base that records the models it is given. */
final class RecordingProcessor extends KubegenProcessor {
  final List<ApiModel> models = new ArrayList<>();

  @Override
  protected void generate(ApiModel model, GeneratedFiles files) {
    models.add(model);
  }
}
