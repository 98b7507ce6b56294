package io.kubegen.clientgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Scale;
import com.example.testclients.clientset.Clientset;
import com.example.testclients.clientset.fake.FakeClientset;
import com.example.testclients.clientset.samplecontroller.v1alpha1.FooClient;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.testing.Action;
import io.kubegen.runtime.testing.Reaction;
import org.junit.jupiter.api.Test;

/** The same contract against {@code FakeClientset}, plus what only a fake offers: seeding, reactors, actions. */
class FakeClientsetTest extends WatchingClientsetContract {
  private final FakeClientset fake = new FakeClientset();

  @Override
  Clientset clientset() {
    return fake;
  }

  @Test
  void seededObjectsAreThereAndConflictsAreReportedAsByAServer() {
    FakeClientset seeded = FakeClientset.of(Foo.of(NS, "seed", "d", 1), Foo.of("other", "seed", "d", 2));
    FooClient foos = seeded.samplecontrollerV1alpha1().foos(NS);
    Foo seed = foos.get("seed");
    assertThat(seed.getSpec().getReplicas()).isEqualTo(1);
    assertThat(seeded.samplecontrollerV1alpha1().foos(null).list().getItems()).hasSize(2);
    assertThat(seeded.samplecontrollerV1alpha1().foos("other").list(ListOptions.builder()
        .fieldSelector("metadata.name=seed").build()).getItems()).hasSize(1);

    foos.update(seed);
    seed.getSpec().setReplicas(9);
    foos.update(seed); // no change before: the version is unchanged, so this one still applies
    KubeApiException stale = apiError(() -> foos.update(seed));
    assertThat(stale.isConflict()).isTrue();
    assertThat(stale.status().getReason()).isEqualTo("Conflict");
    assertThat(apiError(() -> foos.create(Foo.of(NS, "seed", "d", 1))).isAlreadyExists()).isTrue();
  }

  @Test
  void reactorsAnswerSubresourcesAndActionsAreRecorded() {
    FooClient foos = fake.samplecontrollerV1alpha1().foos(NS);
    foos.create(Foo.of(NS, "scaled", "d", 1));
    Scale canned = new Scale();
    canned.setReplicas(7);
    fake.prependReactor(Action.GET, "foos", action ->
        "scale".equals(action.subresource()) ? Reaction.handled(canned) : Reaction.pass());
    fake.prependReactor(Action.DELETE, "foos", action -> {
      throw new KubeApiException(Status.failure(500, "InternalError", "injected"));
    });

    assertThat(foos.getScale("scaled").getReplicas()).isEqualTo(7);
    assertThat(foos.get("scaled").getSpec().getReplicas()).isEqualTo(1);
    assertThat(apiError(() -> foos.delete("scaled")).code()).isEqualTo(500);
    assertThat(apiError(() -> foos.updateScale("scaled", canned)).isNotFound()).isTrue();
    assertThat(fake.actions()).extracting(Action::toString).containsExactly(
        "create foos ns=default", "get foos/scale ns=default name=scaled", "get foos ns=default name=scaled",
        "delete foos ns=default name=scaled", "update foos/scale ns=default name=scaled");
  }

  @Test
  void discoveryDescribesTheGeneratedResources() {
    assertThat(fake.discovery().serverResourcesForGroupVersion("samplecontroller.k8s.io/v1alpha1").resources())
        .extracting(r -> r.name()).containsExactly("bars", "foos", "foos/status");
    assertThat(fake.discovery().serverGroups().groups()).extracting(g -> g.name())
        .containsExactly("", "events.example.com", "samplecontroller.k8s.io");
  }
}
