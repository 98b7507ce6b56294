package io.kubegen.runtime.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dynamic client against fabric8's mock API server in CRUD mode. */
@Timeout(60)
class DynamicClientTest {
  private static final GroupVersionResource BARS = new GroupVersionResource("example.io", "v1", "bars");

  private KubernetesMockServer server;
  private RestClient client;

  @BeforeEach
  void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    CustomResourceDefinitionContext bars = new CustomResourceDefinitionContext.Builder()
        .withGroup("example.io").withVersion("v1").withPlural("bars").withKind("Bar").withScope("Namespaced").build();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
        new KubernetesMixedDispatcher(responses, List.of(bars)), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = RestClient.create(RestConfig.builder().server("http://127.0.0.1:" + server.getPort()).qps(-1).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void crudOfGenericObjects() {
    DynamicResource bars = DynamicClient.create(client).resource(BARS).namespace("team-a");
    GenericObject bar = new GenericObject("example.io/v1", "Bar", ObjectMeta.builder().name("b1").build());
    bar.setPath("blue", "spec", "colour");

    GenericObject created = bars.create(bar, null);
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.get("spec", "colour")).isEqualTo("blue");

    GenericObject got = bars.get("b1", null);
    got.setPath(3, "spec", "size");
    GenericObject updated = bars.update(got, null);
    assertThat(updated.get("spec", "size")).isEqualTo(3);

    GenericObject patched = bars.patch("b1", PatchType.MERGE, "{\"spec\":{\"colour\":\"red\"}}", null);
    assertThat(patched.get("spec", "colour")).isEqualTo("red");
    assertThat(patched.get("spec", "size")).isEqualTo(3);

    assertThat(bars.list(null).getItems()).extracting(o -> o.getMetadata().getName()).containsExactly("b1");
    assertThat(bars.namespace("team-b").list(null).getItems()).isEmpty();

    bars.delete("b1", null);
    assertThatThrownBy(() -> bars.get("b1", null))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isNotFound()).isTrue());
  }
}
