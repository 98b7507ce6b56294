package io.kubegen.clientgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.gen.processing.KubegenProcessor;
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
 * Compares client-gen's output for the test models under {@code src/test/java/com/example}
 * (namespaced with status and a scale subresource, cluster-scoped, core group as a record,
 * read-only, onlyVerbs, skipVerbs) with the golden files under
 * {@code src/test/resources/expected}. Run with {@code -Dkubegen.regenerate=true} to rewrite them.
 */
@Timeout(120)
class GoldenFilesTest {
  static final Path MODELS = Path.of("src/test/java/com/example");
  static final Path EXPECTED = Path.of("src/test/resources/expected");

  static List<JavaFileObject> models() {
    return GoldenFiles.sources(MODELS);
  }

  static Map<String, String> generate(List<JavaFileObject> inputs) {
    return GoldenFiles.generate(inputs, "com.example.generated", new KubegenProcessor(new ClientGenStep()));
  }

  @Test
  void generatedSourcesMatchTheGoldenFiles() throws IOException {
    GoldenFiles.assertMatch(generate(models()), EXPECTED);
  }

  @Test
  void outputDoesNotDependOnInputOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(models());
    Collections.reverse(reversed);
    assertThat(generate(reversed)).isEqualTo(generate(models()));
  }
}
