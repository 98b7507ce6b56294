package io.kubegen.crdgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.gen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated CRDs through the real {@code kubectl} against the embedded API server: accepted by a
 * server-side dry run, created by {@code kubectl apply}, listed by {@code kubectl get crd}, and
 * their custom resources served ({@code kubectl apply} of a Widget, {@code kubectl get widgets}),
 * and the fields' javadoc shown by {@code kubectl explain}.
 * kubectl runs with a private HOME and kubeconfig, every call bounded by a request and a process
 * timeout.
 */
@Timeout(180)
class KubectlCrdTest {
  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  private static final long PROCESS_TIMEOUT_SECONDS = 60;

  @TempDir
  Path home;
  private EmbeddedApiServer server;
  private Path kubeconfig;

  @BeforeEach
  void start() {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not found at " + KUBECTL);
    server = EmbeddedApiServer.start();
    kubeconfig = server.writeKubeconfig(home.resolve("kubeconfig.yaml"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void generatedCrdsOfTheRicherModelAreAppliedAndServed() throws IOException {
    Path dir = writeCrds(CrdCompilation.generate(GoldenFiles.sources(GoldenFilesTest.MODELS), "com.example.generated"));

    String dryRun = ok("apply", "--dry-run=server", "-f", dir.toString());
    assertThat(dryRun).contains("customresourcedefinition.apiextensions.k8s.io/widgets.widgets.example.com created (server dry run)")
        .contains("customresourcedefinition.apiextensions.k8s.io/gadgets.widgets.example.com created (server dry run)");
    assertThat(ok("get", "crd", "-o", "name")).doesNotContain("widgets.example.com");

    assertThat(ok("apply", "-f", dir.toString()))
        .contains("customresourcedefinition.apiextensions.k8s.io/widgets.widgets.example.com created")
        .contains("customresourcedefinition.apiextensions.k8s.io/gadgets.widgets.example.com created");
    assertThat(ok("get", "crd", "-o", "name")).contains(
        "customresourcedefinition.apiextensions.k8s.io/gadgets.widgets.example.com",
        "customresourcedefinition.apiextensions.k8s.io/widgets.widgets.example.com");
    assertThat(ok("get", "crd", "widgets.widgets.example.com", "-o", "jsonpath={.spec.versions[*].name} {.spec.names.shortNames}"))
        .isEqualTo("v1 v1beta1 [\"wd\",\"wdg\"]");
    // applying the same files again changes nothing
    assertThat(ok("apply", "-f", dir.toString())).contains("widgets.widgets.example.com unchanged");

    Path widget = Files.writeString(home.resolve("widget.yaml"), String.join("\n",
        "apiVersion: widgets.example.com/v1",
        "kind: Widget",
        "metadata: {name: oak-box, namespace: default}",
        "spec: {name: oak-box, colour: sky-blue, serial: 42, replicas: 2, port: 8080}",
        ""));
    assertThat(ok("apply", "-f", widget.toString())).contains("widget.widgets.example.com/oak-box created");
    assertThat(ok("get", "wd", "-n", "default", "-o", "jsonpath={.items[*].metadata.name} {.items[*].spec.colour}"))
        .isEqualTo("oak-box sky-blue");
  }

  @Test
  void kubectlExplainShowsTheJavadocOfTheModel() throws IOException {
    Path dir = writeCrds(CrdCompilation.generate(GoldenFiles.sources(GoldenFilesTest.MODELS), "com.example.generated"));
    ok("apply", "-f", dir.toString());

    String spec = ok("explain", "widgets.spec");
    assertThat(spec).containsPattern("KIND:\\s+Widget").containsPattern("VERSION:\\s+(widgets.example.com/)?v1\\s")
        .contains("widgets.example.com").containsPattern("FIELD:\\s+spec")
        .contains("What to build.")
        .contains("How many widgets to build.", "The widget's display name.", "The edge length in centimetres.")
        // the fields, with their types and required marks as kubectl prints them
        .containsPattern("colour\\s+<string> -required-")
        .containsPattern("serial\\s+<integer> -required-")
        .contains("size_cm", "The serial number, assigned by the factory")
        // ignored properties are not in the schema
        .doesNotContain("internalNotes").doesNotContain("secret");

    String colour = ok("explain", "widgets.spec.colour");
    assertThat(colour).containsPattern("FIELD:\\s+colour\\s+<string>").contains("The main colour.")
        .containsIgnoringCase("enum").contains("RED", "GREEN", "sky-blue");

    String part = ok("explain", "widgets.spec.mainPart.material.name");
    assertThat(part).contains("The material's name, such as oak.");
  }

  @Test
  void generatedCrdsOfTheSampleTypesAreApplied() throws IOException {
    Path dir = writeCrds(CrdCompilation.generate(GoldenFiles.sources(GoldenFilesTest.SAMPLE_TYPES), "io.kubegen.sample.generated"));
    assertThat(ok("apply", "--dry-run=server", "-f", dir.toString())).contains("foos.samplecontroller.k8s.io created (server dry run)");
    assertThat(ok("apply", "-f", dir.toString()))
        .contains("customresourcedefinition.apiextensions.k8s.io/foopolicies.samplecontroller.k8s.io created")
        .contains("customresourcedefinition.apiextensions.k8s.io/foos.samplecontroller.k8s.io created");
    assertThat(ok("get", "crd", "foos.samplecontroller.k8s.io", "-o", "jsonpath={.spec.scope} {.spec.versions[0].subresources}"))
        .isEqualTo("Namespaced {\"status\":{}}");
  }

  /** The generated CRD files of {@code generated} in a folder of their own. */
  private Path writeCrds(Map<String, String> generated) throws IOException {
    Path dir = Files.createDirectories(home.resolve("crds"));
    for (Map.Entry<String, String> e : generated.entrySet()) {
      if (e.getKey().startsWith(CrdFiles.FOLDER) && e.getKey().endsWith(".yaml")) {
        Files.writeString(dir.resolve(e.getKey().substring(CrdFiles.FOLDER.length())), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    return dir;
  }

  /** kubectl's output of a successful call. */
  private String ok(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig=" + kubeconfig, "--request-timeout=20s"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(home.resolve("out.txt").toFile())
        .redirectError(home.resolve("err.txt").toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    pb.environment().remove("KUBECONFIG");
    Process p = pb.start();
    try {
      if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + PROCESS_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    String out = Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("kubectl " + String.join(" ", args) + ": " + err + out).isZero();
    return out;
  }
}
