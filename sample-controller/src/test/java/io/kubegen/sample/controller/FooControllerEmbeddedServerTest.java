package io.kubegen.sample.controller;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.sample.generated.clientset.Clientset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The controller over real HTTP against the embedded API server. */
@Timeout(60)
class FooControllerEmbeddedServerTest {
  private EmbeddedApiServer server;
  private Clientset clients;

  @BeforeEach
  void startServer() {
    server = EmbeddedApiServer.start();
    server.registerCrds();
    clients = Clientset.create(server.restConfig());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void createsOwnsScalesReportsAndForgetsAFoosDeployment() {
    ControllerScenario.fooLifecycle(clients);
  }

  @Test
  void leavesADeploymentItDoesNotOwnAloneAndRecordsAWarning() {
    ControllerScenario.foreignDeploymentIsNotTakenOver(clients);
  }
}
