package io.kubegen.informergen;

import com.example.testinformers.clientset.Clientset;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.ResourceDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The generated informers against the embedded API server, over loopback HTTP. */
class EmbeddedApiServerInformerTest extends InformerContract {
  private static EmbeddedApiServer server;
  private static Clientset clientset;

  @BeforeAll
  static void startServer() {
    server = EmbeddedApiServer.start();
    server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Foo", "foos", true).withStatusSubresource());
    server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Bar", "bars", false));
    clientset = Clientset.create(server.restConfig());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  Clientset clientset() {
    return clientset;
  }
}
