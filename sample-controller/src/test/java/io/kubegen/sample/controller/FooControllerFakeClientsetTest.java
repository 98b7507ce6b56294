package io.kubegen.sample.controller;

import io.kubegen.sample.generated.clientset.fake.FakeClientset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The same scenarios with the generated {@code FakeClientset}: no server at all. */
@Timeout(60)
class FooControllerFakeClientsetTest {

  @Test
  void createsOwnsScalesReportsAndForgetsAFoosDeployment() {
    ControllerScenario.fooLifecycle(FakeClientset.of());
  }

  @Test
  void leavesADeploymentItDoesNotOwnAloneAndRecordsAWarning() {
    ControllerScenario.foreignDeploymentIsNotTakenOver(FakeClientset.of());
  }
}
