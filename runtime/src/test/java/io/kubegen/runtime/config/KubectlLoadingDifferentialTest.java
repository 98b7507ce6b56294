package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads every kubeconfig of the corpus ({@code src/test/resources/kubeconfig-corpus}: YAML 1.1
 * forms, anchors and merge keys, every field with a wrong type, base64 variants, API versions and
 * kinds, names, extensions, and directories whose files are merged through {@code KUBECONFIG}
 * with a missing and a repeated entry) with kubegen and with
 * {@code kubectl config view --merge --raw -o json}, and requires the same outcome: both fail, or
 * both succeed with the same merged configuration ({@link KubectlView} prints kubegen's the way
 * kubectl prints its own). The kubectl runs happen in parallel before the comparisons; they are
 * skipped, with a message, when the pinned kubectl is missing.
 */
@Timeout(600)
class KubectlLoadingDifferentialTest {
  @TempDir static Path home;
  private static ExecutorService pool;
  private static final Map<String, Future<Kubectl.Result>> KUBECTL = new ConcurrentHashMap<>();

  static Stream<String> corpus() {
    try (Stream<Path> files = Files.list(corpusDir())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path corpusDir() {
    try {
      return Path.of(KubectlLoadingDifferentialTest.class.getResource("/kubeconfig-corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code KUBECONFIG} list of a case: one file, or a directory's files with a missing and a repeated entry. */
  private static String kubeconfigList(String name) {
    Path path = corpusDir().resolve(name);
    if (!Files.isDirectory(path)) {
      return path.toString();
    }
    try (Stream<Path> files = Files.list(path)) {
      List<String> list = new ArrayList<>();
      files.sorted().forEach(f -> list.add(f.toString()));
      list.add(1, path.resolve("missing.yaml").toString());
      list.add(2, list.get(0));
      return String.join(File.pathSeparator, list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void runKubectl() {
    if (Kubectl.binary().isEmpty()) {
      return;
    }
    pool = Executors.newFixedThreadPool(4);
    corpus().forEach(name -> KUBECTL.put(name, pool.submit(() -> Kubectl.run(home,
        Kubectl.kubeconfigEnv(kubeconfigList(name)), List.of("config", "view", "--merge", "--raw", "-o", "json")))));
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void loadsAsKubectlLoads(String name) throws Exception {
    Kubectl.assumeInstalled();
    Kubectl.Result kubectl = KUBECTL.get(name).get(5, TimeUnit.MINUTES);
    KubeConfig loaded;
    try {
      loaded = KubeConfig.load(Map.of("KUBECONFIG", kubeconfigList(name), "HOME", home.toString()));
    } catch (KubeConfigException e) {
      assertThat(kubectl.succeeded()).as("kubegen failed (%s) but kubectl loaded it:%n%s", e.getMessage(), kubectl.stdout())
          .isFalse();
      return;
    }
    assertThat(kubectl.succeeded()).as("kubegen loaded it but kubectl failed: %s", kubectl.stderr()).isTrue();
    JsonNode expected = KubectlView.comparable(Json.mapper().readTree(kubectl.stdout()));
    JsonNode actual = KubectlView.render(loaded);
    assertThat(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sorted(actual)))
        .isEqualTo(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sorted(expected)));
  }

  /** Object fields in name order, so that the comparison shows a readable difference. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out = Json.mapper().createObjectNode();
      new java.util.TreeMap<>(Json.mapper().convertValue(node, Map.class)).keySet()
          .forEach(key -> out.set((String) key, sorted(node.get((String) key))));
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = Json.mapper().createArrayNode();
      node.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }
}
