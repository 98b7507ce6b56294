package io.kubegen.clientgen;

import com.example.testclients.clientset.Clientset;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.runtime.rest.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The generated clientset against the project's embedded API server over loopback HTTP. */
class EmbeddedApiServerClientsetTest extends WatchingClientsetContract {
  private static EmbeddedApiServer server;
  private static RestClient client;
  private static Clientset clientset;

  @BeforeAll
  static void start() {
    server = EmbeddedApiServer.start();
    server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Foo", "foos", true).withStatusSubresource());
    server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Bar", "bars", false));
    client = RestClient.create(server.restConfig());
    clientset = Clientset.create(client);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  Clientset clientset() {
    return clientset;
  }
}
