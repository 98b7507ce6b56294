package io.kubegen.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.json.Json;
import io.kubegen.sample.core.v1.Event;
import io.kubegen.sample.generated.clientset.fake.FakeClientset;
import io.kubegen.sample.generated.informers.SharedInformerFactory;
import io.kubegen.sample.generated.listers.samplecontroller.v1alpha1.FooLister;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import io.kubegen.sample.samplecontroller.v1alpha1.FooPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The code the plugin generated for the sample models works: records, cluster scope, the index. */
@Timeout(30)
class GeneratedSampleClientsTest {

  @Test
  void recordTypesRoundTripThroughJsonAndTheClients() {
    FakeClientset clients = FakeClientset.of();
    Event event = new Event("v1", "Event", ObjectMeta.builder().name("foo.1").namespace("default").build(),
        new Event.Reference("samplecontroller.k8s.io/v1alpha1", "Foo", "default", "foo", "uid-1"),
        "Synced", "Foo synced successfully", "Normal", 1, Instant.parse("2026-01-02T03:04:05Z"),
        Instant.parse("2026-01-02T03:04:05Z"), new Event.Source("sample-controller", null));

    Event stored = clients.coreV1().events("default").create(event);

    assertThat(stored.metadata().getResourceVersion()).isNotBlank();
    assertThat(stored.involvedObject()).isEqualTo(event.involvedObject());
    assertThat(stored.firstTimestamp()).isEqualTo(event.firstTimestamp());
    assertThat(Json.read(Json.write(stored), Event.class).reason()).isEqualTo("Synced");
  }

  @Test
  void theClusterScopedRecordHasNoNamespace() {
    FakeClientset clients = FakeClientset.of(FooPolicy.of("max-four", 4));

    FooPolicy policy = clients.samplecontrollerV1alpha1().fooPolicies().get("max-four");

    assertThat(policy.spec().maxReplicas()).isEqualTo(4);
    assertThat(policy.metadata().getNamespace()).isNullOrEmpty();
    assertThat(clients.samplecontrollerV1alpha1().fooPolicies().list().getItems()).hasSize(1);
  }

  @Test
  void theGeneratedListerAnswersTheGenIndex() {
    FakeClientset clients = FakeClientset.of(
        Foo.of("a", "one", "web", 1), Foo.of("b", "two", "web", 2), Foo.of("a", "three", "db", 1));
    SharedInformerFactory factory = SharedInformerFactory.create(clients, Duration.ZERO);
    FooLister lister = factory.samplecontroller().v1alpha1().foos().lister();
    factory.start();
    try {
      Map<Class<?>, Boolean> synced = factory.waitForCacheSync(Duration.ofSeconds(10));
      assertThat(synced).containsEntry(Foo.class, true);

      assertThat(lister.byDeploymentName("web")).extracting(f -> f.getMetadata().getName())
          .containsExactlyInAnyOrder("one", "two");
      assertThat(lister.foos("a").list(LabelSelector.everything())).hasSize(2);
      assertThat(lister.foos("a").get("three")).get().extracting(f -> f.getSpec().getReplicas()).isEqualTo(1);
      assertThat(lister.foos("b").get("three")).isEmpty();
    } finally {
      factory.shutdown();
    }
  }
}
