package io.kubegen.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import io.kubegen.runtime.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl (v1.32) against the embedded server: one scenario, step by step. */
@ExtendWith(EmbeddedApiServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class KubectlTest {
  static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: foos.samplecontroller.k8s.io
      spec:
        group: samplecontroller.k8s.io
        scope: Namespaced
        names: {plural: foos, singular: foo, kind: Foo, listKind: FooList, shortNames: [fo]}
        versions:
        - name: v1alpha1
          served: true
          storage: true
          subresources: {status: {}}
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  static final String FOO = """
      apiVersion: samplecontroller.k8s.io/v1alpha1
      kind: Foo
      metadata:
        name: example-foo
        labels: {app: demo}
      spec:
        deploymentName: example-foo
        replicas: %d
      """;

  @TempDir
  static Path dir;
  static EmbeddedApiServer server;
  Kubectl kubectl;

  @BeforeEach
  void setUp() { kubectl = new Kubectl(server, dir); }

  private JsonNode json(String... args) throws Exception {
    return Json.mapper().readTree(kubectl.run(args).ok().out());
  }

  @Test
  @Order(1)
  void discoveryAndBuiltIns() throws Exception {
    assertThat(kubectl.run("get", "namespaces", "-o", "name").ok().out())
        .contains("namespace/default", "namespace/kube-system", "namespace/kube-public");
    assertThat(kubectl.run("api-resources").ok().out()).contains("deployments", "leases", "customresourcedefinitions");
    assertThat(kubectl.run("version", "-o", "json").ok().out()).contains("\"serverVersion\"");
  }

  @Test
  @Order(2)
  void applyACrdThenItsObjects() throws Exception {
    assertThat(kubectl.run("apply", "-f", kubectl.file("crd.yaml", CRD).toString()).ok().out())
        .contains("customresourcedefinition.apiextensions.k8s.io/foos.samplecontroller.k8s.io created");
    assertThat(kubectl.run("apply", "-f", kubectl.file("foo.yaml", FOO.formatted(1)).toString()).ok().out())
        .contains("foo.samplecontroller.k8s.io/example-foo created");
    assertThat(kubectl.run("apply", "-f", kubectl.file("foo.yaml", FOO.formatted(3)).toString()).ok().out())
        .contains("foo.samplecontroller.k8s.io/example-foo configured");
    JsonNode foo = json("get", "foo", "example-foo", "-o", "json");
    assertThat(foo.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(foo.at("/metadata/generation").asInt()).isEqualTo(2);
    assertThat(foo.at("/metadata/annotations").toString()).contains("last-applied-configuration");
  }

  @Test
  @Order(3)
  void patchAndLabel() throws Exception {
    kubectl.run("patch", "foo", "example-foo", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]").ok();
    kubectl.run("patch", "fo", "example-foo", "--type=merge", "-p", "{\"spec\":{\"paused\":true}}").ok();
    kubectl.run("label", "foo", "example-foo", "tier=web").ok();
    JsonNode foo = json("get", "foo", "example-foo", "-o", "json");
    assertThat(foo.at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(foo.at("/spec/paused").asBoolean()).isTrue();
    assertThat(foo.at("/metadata/labels/tier").asText()).isEqualTo("web");
    assertThat(kubectl.run("get", "foos", "-l", "tier=web", "-o", "name").ok().out().trim())
        .isEqualTo("foo.samplecontroller.k8s.io/example-foo");
    assertThat(kubectl.run("get", "foos", "-l", "tier=db", "-o", "name").ok().out().trim()).isEmpty();
  }

  @Test
  @Order(4)
  void builtInsWithStrategicMergeAndChunking() throws Exception {
    StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    for (int i = 0; i < 5; i++) {
      list.append("- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-").append(i).append("}, data: {k: \"")
          .append(i).append("\"}}\n");
    }
    kubectl.run("apply", "-f", kubectl.file("cms.yaml", list.toString()).toString()).ok();
    kubectl.run("label", "configmap", "cm-1", "cm-3", "pick=yes").ok();
    JsonNode cms = json("get", "configmaps", "--chunk-size=2", "-o", "json");
    assertThat(cms.path("items").findValuesAsText("name")).containsExactly("cm-0", "cm-1", "cm-2", "cm-3", "cm-4");
    assertThat(kubectl.run("get", "cm", "-l", "pick=yes", "--chunk-size=1", "-o", "name").ok().out())
        .isEqualTo("configmap/cm-1\nconfigmap/cm-3\n");
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: nginx:1}
              - {name: sidecar, image: busybox:1}
        """;
    kubectl.run("apply", "-f", kubectl.file("deploy.yaml", deployment).toString()).ok();
    kubectl.run("apply", "-f", kubectl.file("deploy.yaml", deployment.replace("nginx:1", "nginx:2")).toString()).ok();
    kubectl.run("patch", "deployment", "web", "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox:2\"}]}}}}").ok();
    JsonNode web = json("get", "deployment", "web", "-o", "json");
    assertThat(web.at("/spec/template/spec/containers").findValuesAsText("image")).containsExactly("nginx:2", "busybox:2");
  }

  @Test
  @Order(5)
  void serverSideApply() throws Exception {
    String cm = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ssa}
        data: {a: "1"}
        """;
    assertThat(kubectl.run("apply", "--server-side", "-f", kubectl.file("ssa.yaml", cm).toString()).ok().out())
        .contains("configmap/ssa serverside-applied");
    kubectl.run("apply", "--server-side", "-f", kubectl.file("ssa.yaml", cm.replace("\"1\"", "\"2\"")).toString()).ok();
    assertThat(json("get", "configmap", "ssa", "-o", "json").at("/data/a").asText()).isEqualTo("2");
    assertThat(kubectl.run("apply", "--server-side", "-f", kubectl.file("foo.yaml", FOO.formatted(7)).toString()).ok().out())
        .contains("serverside-applied");
    assertThat(json("get", "foo", "example-foo", "-o", "json").at("/spec/replicas").asInt()).isEqualTo(7);
  }

  @Test
  @Order(6)
  void watchSeesChangesAndDeleteRemoves() throws Exception {
    Process watch = kubectl.command("get", "foos", "-w", "--output-watch-events", "--request-timeout=30s")
        .redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        lines.add("closed: " + e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      awaitLine(lines, "ADDED");
      kubectl.run("label", "foo", "example-foo", "watched=yes").ok();
      awaitLine(lines, "MODIFIED");
      kubectl.run("delete", "foo", "example-foo").ok();
      awaitLine(lines, "DELETED");
    } finally {
      watch.destroyForcibly();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(kubectl.run("get", "foo", "example-foo").err()).contains("NotFound");
  }

  private static void awaitLine(BlockingQueue<String> lines, String event) throws InterruptedException {
    String line;
    do {
      line = lines.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("kubectl get -w output line with " + event).isNotNull();
    } while (!line.matches(event + "\\s+example-foo\\s.*"));
  }

  @Test
  @Order(7)
  void deletingTheCrdRemovesTheResource() throws Exception {
    kubectl.run("delete", "crd", "foos.samplecontroller.k8s.io").ok();
    Kubectl.Result r = kubectl.run("get", "foos");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).containsAnyOf("the server doesn't have a resource type \"foos\"",
        "the server could not find the requested resource");
  }
}
