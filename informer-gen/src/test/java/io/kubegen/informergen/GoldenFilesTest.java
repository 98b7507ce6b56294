package io.kubegen.informergen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.clientgen.ClientGenStep;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.testing.GoldenFiles;
import io.kubegen.listergen.ListerGenStep;
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
 * Compares informer-gen's output for the test models under {@code src/test/java/com/example}
 * (namespaced with indexes, cluster-scoped record, two core-group records, a type without WATCH
 * that gets no informer) with the golden files under {@code src/test/resources/expected}, as
 * client-gen's and lister-gen's golden tests do. client-gen and lister-gen run in the same
 * compilation, since the informers use their output, but only informer-gen's files
 * ({@code .../informers/...}) are compared. Run with {@code -Dkubegen.regenerate=true} to rewrite
 * them.
 */
@Timeout(120)
class GoldenFilesTest {
  static final Path MODELS = Path.of("src/test/java/com/example");
  static final Path EXPECTED = Path.of("src/test/resources/expected");

  static List<JavaFileObject> models() {
    return GoldenFiles.sources(MODELS);
  }

  static Map<String, String> generate(List<JavaFileObject> inputs) {
    Map<String, String> out = GoldenFiles.generate(inputs, "com.example.generated", new KubegenProcessor(new ClientGenStep(), new ListerGenStep(), new InformerGenStep()));
    out.keySet().removeIf(relative -> !relative.contains("/informers/"));
    return out;
  }

  @Test
  void generatedSourcesMatchTheGoldenFiles() throws IOException {
    GoldenFiles.assertMatch(generate(models()), EXPECTED);
  }

  @Test
  void typesWithoutListAndWatchGetNoInformer() {
    assertThat(generate(models()).keySet()).noneMatch(name -> name.contains("Policy"));
  }

  @Test
  void outputDoesNotDependOnInputOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(models());
    Collections.reverse(reversed);
    assertThat(generate(reversed)).isEqualTo(generate(models()));
  }
}
