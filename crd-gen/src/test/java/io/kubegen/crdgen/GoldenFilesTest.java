package io.kubegen.crdgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.gen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compares the crd step's output (CRD files, index and accessor) with the golden files under
 * {@code src/test/resources/expected}: for the richer test model under
 * {@code src/test/java/com/example} and for the sample types of {@code sample-types}. Run with
 * {@code -Dkubegen.regenerate=true} to rewrite them.
 */
@Timeout(120)
class GoldenFilesTest {
  static final Path MODELS = Path.of("src/test/java/com/example");
  static final Path SAMPLE_TYPES = Path.of("../sample-types/src/main/java");

  static List<JavaFileObject> models() {
    return GoldenFiles.sources(MODELS);
  }

  static Map<String, String> generateModels(List<JavaFileObject> inputs) {
    return CrdCompilation.generate(inputs, "com.example.generated");
  }

  @Test
  void richerModelMatchesTheGoldenFiles() throws IOException {
    GoldenFiles.assertMatch(generateModels(models()), Path.of("src/test/resources/expected/models"));
  }

  @Test
  void sampleTypesMatchTheGoldenFiles() throws IOException {
    GoldenFiles.assertMatch(CrdCompilation.generate(GoldenFiles.sources(SAMPLE_TYPES), "io.kubegen.sample.generated"),
        Path.of("src/test/resources/expected/sample-types"));
  }

  @Test
  void outputDoesNotDependOnInputOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(models());
    Collections.reverse(reversed);
    assertThat(generateModels(reversed)).isEqualTo(generateModels(models()));
  }
}
