package io.kubegen.apiserver.e2e.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.e2e.manifests.PinnedKubectl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl 1.32 against CRDs with schemas: a server-side dry run accepts the CRD, {@code explain}
 * shows the schema's descriptions, and a bad object gets 422 with its field paths printed.
 */
@Timeout(180)
class CrdKubectlTest {
  static final String CRD = "META-INF/kubegen/crds/widgets.shapes.example.com.yaml";

  @TempDir
  static Path dir;
  static EmbeddedApiServer server;
  static PinnedKubectl kubectl;
  static Path crdFile;

  @BeforeAll
  static void start() throws IOException {
    server = EmbeddedApiServer.start();
    kubectl = new PinnedKubectl(server, dir.resolve("home"));
    try (InputStream in = CrdKubectlTest.class.getClassLoader().getResourceAsStream(CRD)) {
      crdFile = Files.write(dir.resolve("widgets.yaml"), in.readAllBytes());
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static PinnedKubectl.Result ok(PinnedKubectl.Result r) {
    assertThat(r.exit()).as("kubectl failed: %s%n%s", r.err(), r.out()).isZero();
    return r;
  }

  private static Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void dryRunExplainAndInvalidObjects() throws IOException {
    PinnedKubectl.Result dry = ok(kubectl.run("apply", "--dry-run=server", "-f", crdFile.toString()));
    assertThat(dry.out()).contains("customresourcedefinition.apiextensions.k8s.io/widgets.shapes.example.com created (server dry run)");
    assertThat(server.resources()).noneMatch(d -> d.plural().equals("widgets"));

    ok(kubectl.run("apply", "-f", crdFile.toString()));
    PinnedKubectl.Result explain = ok(kubectl.run("explain", "widgets.spec"));
    assertThat(explain.out()).contains("What the widget should look like.", "How many parts the widget has.", "size",
        "<integer> -required-");
    assertThat(ok(kubectl.run("explain", "widgets")).out()).contains("A widget, shaped by its spec.");

    Path bad = file("bad.yaml", """
        apiVersion: shapes.example.com/v1
        kind: Widget
        metadata: {name: bad, namespace: default}
        spec: {size: "string", color: pink}
        """);
    PinnedKubectl.Result refused = kubectl.run("apply", "-f", bad.toString());
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("The Widget \"bad\" is invalid:",
        "spec.size: Invalid value: \"string\": spec.size in body must be of type integer: \"string\"",
        "spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"");

    Path good = file("good.yaml", """
        apiVersion: shapes.example.com/v1
        kind: Widget
        metadata: {name: good, namespace: default}
        spec: {size: %d}
        """.formatted(2));
    assertThat(ok(kubectl.run("apply", "-f", good.toString())).out()).contains("widget.shapes.example.com/good created");
    Files.writeString(good, Files.readString(good).replace("size: 2", "size: 3"));
    assertThat(ok(kubectl.run("apply", "-f", good.toString())).out()).contains("widget.shapes.example.com/good configured");
    Files.writeString(good, Files.readString(good).replace("size: 3", "size: 30"));
    PinnedKubectl.Result patchRefused = kubectl.run("apply", "-f", good.toString());
    assertThat(patchRefused.exit()).isNotZero();
    assertThat(patchRefused.err()).contains(
        "spec.size: Invalid value: 30: spec.size in body should be less than or equal to 10");
    assertThat(ok(kubectl.run("get", "widget", "good", "-o", "jsonpath={.spec.size}")).out()).isEqualTo("3");

    Path unknown = file("unknown.yaml", """
        apiVersion: shapes.example.com/v1
        kind: Widget
        metadata: {name: unknown, namespace: default}
        spec: {size: 2, bogus: 1}
        """);
    PinnedKubectl.Result strict = kubectl.run("apply", "-f", unknown.toString());
    assertThat(strict.exit()).isNotZero();
    assertThat(strict.err()).contains("strict decoding error: unknown field \"spec.bogus\"");
    PinnedKubectl.Result warned = ok(kubectl.run("apply", "--validate=warn", "-f", unknown.toString()));
    assertThat(warned.err()).contains("unknown field \"spec.bogus\"");
    assertThat(ok(kubectl.run("get", "widget", "unknown", "-o", "jsonpath={.spec}")).out())
        .isEqualTo("{\"color\":\"red\",\"size\":2}");
  }
}
