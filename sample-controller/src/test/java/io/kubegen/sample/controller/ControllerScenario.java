package io.kubegen.sample.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.OwnerReference;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RetryOnConflict;
import io.kubegen.sample.apps.v1.Deployment;
import io.kubegen.sample.apps.v1.DeploymentStatus;
import io.kubegen.sample.core.v1.Event;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The life of one Foo under the controller, run against any {@link Clientset}: the embedded API
 * server's or the generated {@code FakeClientset}. The test plays the deployment controller
 * (it reports the Deployment's replicas available) so each reaction of the controller is seen.
 */
final class ControllerScenario {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final String NS = "default";

  private ControllerScenario() {}

  static void fooLifecycle(Clientset clients) {
    List<String> narration = new CopyOnWriteArrayList<>();
    try (RunningController running = RunningController.start(clients, 2, false, narration::add)) {
      FooController controller = running.controller();
      Foo created = clients.samplecontrollerV1alpha1().foos(NS).create(Foo.of(NS, "demo", "demo-deploy", 2));

      // The controller creates the Deployment, owned by the Foo.
      Deployment deployment = Eventually.await("the deployment exists", TIMEOUT, () -> deployment(clients, "demo-deploy"));
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
      assertThat(deployment.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
        assertThat(ref.getKind()).isEqualTo("Foo");
        assertThat(ref.getApiVersion()).isEqualTo(Foo.API_VERSION);
        assertThat(ref.getName()).isEqualTo("demo");
        assertThat(ref.getUid()).isNotBlank().isEqualTo(created.getMetadata().getUid());
        assertThat(ref.getController()).isTrue();
      });
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsEntry(FooController.CONTROLLER_LABEL, "demo");

      // The Deployment reports its replicas: the controller copies them into the Foo's status.
      reportAvailable(clients, "demo-deploy", 2);
      Eventually.until("foo status shows 2 available", TIMEOUT, () -> available(clients, "demo") == 2);
      // the controller learns of its own status write through its informer, a moment after the write
      TrackedFoo tracked = new TrackedFoo(NS + "/demo", "demo-deploy", 2, 2);
      Eventually.until("the controller tracks 2 available", TIMEOUT, () -> tracked.equals(controller.trackedFoos().get(NS + "/demo")));

      // A Synced event is recorded on the Foo.
      Event synced = Eventually.await("a Synced event", TIMEOUT, () -> events(clients).stream()
          .filter(e -> FooController.SUCCESS_SYNCED.equals(e.reason()))
          .filter(e -> e.involvedObject() != null && "demo".equals(e.involvedObject().name()))
          .findFirst());
      assertThat(synced.type()).isEqualTo("Normal");
      assertThat(synced.involvedObject().kind()).isEqualTo("Foo");
      assertThat(synced.message()).isEqualTo(FooController.MESSAGE_RESOURCE_SYNCED);

      // Scaling the Foo scales the Deployment.
      RetryOnConflict.retryOnConflict(() -> {
        Foo foo = clients.samplecontrollerV1alpha1().foos(NS).get("demo");
        foo.getSpec().setReplicas(3);
        clients.samplecontrollerV1alpha1().foos(NS).update(foo);
      });
      Eventually.until("the deployment is scaled to 3", TIMEOUT,
          () -> deployment(clients, "demo-deploy").map(d -> d.getSpec().getReplicas() == 3).orElse(false));
      // the controller counts the scale once the server has answered, which may be just after we see it
      Eventually.until("the controller counted the scale", TIMEOUT, () -> controller.stats().deploymentsScaled() == 1);

      // Deleting the Foo: the controller stops tracking it.
      clients.samplecontrollerV1alpha1().foos(NS).delete("demo");
      Eventually.until("the controller forgets the foo", TIMEOUT,
          () -> !controller.trackedFoos().containsKey(NS + "/demo"));
      Eventually.until("the controller counted the forgotten foo", TIMEOUT, () -> controller.stats().foosForgotten() == 1);
      assertThat(controller.stats().deploymentsCreated()).isEqualTo(1);
      assertThat(narration).anyMatch(line -> line.contains("created deployment default/demo-deploy"));
    }
  }

  static void foreignDeploymentIsNotTakenOver(Clientset clients) {
    Deployment foreign = new Deployment();
    foreign.getMetadata().setName("taken");
    foreign.getMetadata().setNamespace(NS);
    foreign.getSpec().setReplicas(7);
    clients.appsV1().deployments(NS).create(foreign);
    try (RunningController running = RunningController.start(clients, 1, false, line -> {})) {
      clients.samplecontrollerV1alpha1().foos(NS).create(Foo.of(NS, "grabby", "taken", 1));

      Event warning = Eventually.await("an ErrResourceExists warning", TIMEOUT, () -> events(clients).stream()
          .filter(e -> FooController.ERR_RESOURCE_EXISTS.equals(e.reason()))
          .findFirst());
      assertThat(warning.type()).isEqualTo("Warning");
      assertThat(warning.involvedObject().name()).isEqualTo("grabby");
      assertThat(warning.message()).contains("\"taken\" already exists and is not managed by Foo");
      Eventually.until("the sync failed", TIMEOUT, () -> running.controller().stats().failedSyncs() > 0);

      Deployment still = clients.appsV1().deployments(NS).get("taken");
      assertThat(still.getSpec().getReplicas()).isEqualTo(7);
      assertThat(still.getMetadata().getOwnerReferences()).isEmpty();
      assertThat(running.controller().trackedFoos()).doesNotContainKey(NS + "/grabby");
    }
  }

  static void reportAvailable(Clientset clients, String name, int replicas) {
    RetryOnConflict.retryOnConflict(() -> {
      Deployment copy = Json.deepCopy(clients.appsV1().deployments(NS).get(name));
      DeploymentStatus status = new DeploymentStatus();
      status.setReplicas(replicas);
      status.setAvailableReplicas(replicas);
      copy.setStatus(status);
      clients.appsV1().deployments(NS).updateStatus(copy);
    });
  }

  static Optional<Deployment> deployment(Clientset clients, String name) {
    try {
      return Optional.of(clients.appsV1().deployments(NS).get(name));
    } catch (KubeApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  static int available(Clientset clients, String foo) {
    Foo current = clients.samplecontrollerV1alpha1().foos(NS).get(foo);
    return current.getStatus() == null ? -1 : current.getStatus().getAvailableReplicas();
  }

  static List<Event> events(Clientset clients) {
    return clients.coreV1().events(NS).list(ListOptions.none()).getItems();
  }

  static OwnerReference owner(Deployment d) {
    return d.getMetadata().getOwnerReferences().get(0);
  }
}
