package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.config.RestConfig;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CRUD through {@link ResourceClient} against fabric8's mock API server in CRUD mode. Where the
 * mock differs from a real API server (409 with reason Invalid, 404 without a body, PATCH
 * answering 202) the assertions accept what the mock does without the client bending to it.
 */
@Timeout(60)
class Fabric8MockServerTest {
  private static final GroupVersionResource FOOS = new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos");
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");

  private static KubernetesMockServer server;
  private static RestClient client;

  @BeforeAll
  static void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    CustomResourceDefinitionContext foos = new CustomResourceDefinitionContext.Builder()
        .withGroup("samplecontroller.k8s.io").withVersion("v1alpha1").withPlural("foos").withKind("Foo")
        .withScope("Namespaced").build();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
        new KubernetesMixedDispatcher(responses, List.of(foos)), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = RestClient.create(RestConfig.builder().server("http://127.0.0.1:" + server.getPort()).qps(-1).build());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void customResourceLifecycle() {
    ResourceClient<TestFoo> foos = new ResourceClient<>(client, FOOS, TestFoo.class, "ns1");

    TestFoo created = foos.create(TestFoo.of("ns1", "foo-a", 1), CreateOptions.none());
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    foos.create(TestFoo.of("ns1", "foo-b", 2), null);

    TestFoo got = foos.get("foo-a", GetOptions.none());
    assertThat(got.getSpec().getReplicas()).isEqualTo(1);
    assertThat(got.getSpec().getDeploymentName()).isEqualTo("foo-a-deployment");

    ObjectList<TestFoo> list = foos.list(ListOptions.none());
    assertThat(list.getItems()).extracting(f -> f.getMetadata().getName()).containsExactlyInAnyOrder("foo-a", "foo-b");

    got.getSpec().setReplicas(3);
    TestFoo updated = foos.update(got, UpdateOptions.none());
    assertThat(updated.getSpec().getReplicas()).isEqualTo(3);
    assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(got.getMetadata().getResourceVersion());

    updated.setStatus(new TestFoo.Status(3));
    TestFoo withStatus = foos.updateStatus(updated, UpdateOptions.none());
    assertThat(withStatus.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(foos.get("foo-a", null).getStatus().getAvailableReplicas()).isEqualTo(3);

    TestFoo patched = foos.patch("foo-a", PatchType.MERGE, "{\"spec\":{\"replicas\":5}}", PatchOptions.none());
    assertThat(patched.getSpec().getReplicas()).isEqualTo(5);
    assertThat(patched.getSpec().getDeploymentName()).isEqualTo("foo-a-deployment");
    assertThat(foos.get("foo-a", null).getSpec().getReplicas()).isEqualTo(5);

    foos.delete("foo-a", DeleteOptions.none());
    assertThatThrownBy(() -> foos.get("foo-a", null))
        .isInstanceOfSatisfying(KubeApiException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.isNotFound()).isTrue();
        });
    assertThat(foos.list(null).getItems()).extracting(f -> f.getMetadata().getName()).containsExactly("foo-b");
  }

  @Test
  void configMapLifecycleAndErrors() {
    ResourceClient<TestConfigMap> configMaps = new ResourceClient<>(client, CONFIGMAPS, TestConfigMap.class, "ns2");

    TestConfigMap created = configMaps.create(TestConfigMap.of("ns2", "settings", Map.of("a", "1")), null);
    assertThat(created.getData()).containsEntry("a", "1");

    KubeApiException duplicate = catchApi(() -> configMaps.create(TestConfigMap.of("ns2", "settings", Map.of()), null));
    assertThat(duplicate.code()).isEqualTo(409);
    // the mock answers reason Invalid here where a real server says AlreadyExists: report what came
    assertThat(duplicate.reason()).isEqualTo(duplicate.status().getReason());

    TestConfigMap got = configMaps.get("settings", null);
    got.getData().put("b", "2");
    TestConfigMap updated = configMaps.update(got, null);
    assertThat(updated.getData()).containsEntry("a", "1").containsEntry("b", "2");

    // (the mock keeps a merge patch's nulls instead of removing the keys, so none are sent here)
    TestConfigMap patched = configMaps.patch("settings", PatchType.MERGE, "{\"data\":{\"a\":\"9\",\"c\":\"3\"}}", null);
    assertThat(patched.getData()).containsEntry("a", "9").containsEntry("b", "2").containsEntry("c", "3");

    ResourceClient<TestConfigMap> allNamespaces = configMaps.inNamespace(null);
    assertThat(allNamespaces.list(null).getItems()).extracting(c -> c.getMetadata().getNamespace()).contains("ns2");

    configMaps.delete("settings", DeleteOptions.builder().propagationPolicy(DeleteOptions.BACKGROUND).build());
    KubeApiException missing = catchApi(() -> configMaps.get("settings", null));
    assertThat(missing.isNotFound()).isTrue();
    assertThat(missing.reason()).isEqualTo("NotFound");
    assertThat(catchApi(() -> configMaps.delete("settings", null)).isNotFound()).isTrue();
  }

  private static KubeApiException catchApi(Runnable call) {
    try {
      call.run();
    } catch (KubeApiException e) {
      return e;
    }
    throw new AssertionError("expected a KubeApiException");
  }
}
