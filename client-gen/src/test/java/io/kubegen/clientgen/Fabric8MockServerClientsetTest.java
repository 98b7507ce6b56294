package io.kubegen.clientgen;

import com.example.testclients.clientset.Clientset;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.RestClient;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The generated clientset against fabric8's kubernetes-server-mock in CRUD mode, a third-party
 * server. Its watch works only over WebSocket, so the watch contract is not run here.
 */
class Fabric8MockServerClientsetTest extends ClientsetContract {
  private static KubernetesMockServer server;
  private static RestClient client;
  private static Clientset clientset;

  @BeforeAll
  static void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    List<CustomResourceDefinitionContext> crds = List.of(
        new CustomResourceDefinitionContext.Builder().withGroup("samplecontroller.k8s.io").withVersion("v1alpha1")
            .withPlural("foos").withKind("Foo").withScope("Namespaced").build(),
        new CustomResourceDefinitionContext.Builder().withGroup("samplecontroller.k8s.io").withVersion("v1alpha1")
            .withPlural("bars").withKind("Bar").withScope("Cluster").build());
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
        new KubernetesMixedDispatcher(responses, crds), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = RestClient.create(RestConfig.builder().server("http://127.0.0.1:" + server.getPort()).qps(-1).build());
    clientset = Clientset.create(client);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  @Override
  Clientset clientset() {
    return clientset;
  }
}
