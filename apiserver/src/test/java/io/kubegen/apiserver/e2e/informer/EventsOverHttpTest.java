package io.kubegen.apiserver.e2e.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.events.Event;
import io.kubegen.runtime.events.EventBroadcaster;
import io.kubegen.runtime.events.EventRecorder;
import io.kubegen.runtime.events.EventSink;
import io.kubegen.runtime.events.EventSource;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event recorder writing core/v1 Events to the embedded API server over HTTP. */
@Timeout(60)
class EventsOverHttpTest {

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20s: " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void eventsAreCreatedThenCountedUpThroughPatches() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start();
        RestClient client = RestClient.create(server.restConfig());
        EventBroadcaster broadcaster = EventBroadcaster.create()) {
      ResourceClient<ConfigMap> configMaps =
          new ResourceClient<>(client, new GroupVersionResource("", "v1", "configmaps"), ConfigMap.class, "default");
      ConfigMap subject = configMaps.create(ConfigMap.of("default", "subject", "v"), CreateOptions.none());
      ResourceClient<Event> events =
          new ResourceClient<>(client, new GroupVersionResource("", "v1", "events"), Event.class, "default");
      broadcaster.startRecordingToSink(EventSink.rest(client));
      EventRecorder recorder = broadcaster.newRecorder(new EventSource("e2e-controller", null));

      recorder.event(subject, Event.TYPE_WARNING, "SyncFailed", "could not sync");
      awaitTrue(() -> events.list(ListOptions.none()).getItems().size() == 1, "event created");
      recorder.event(subject, Event.TYPE_WARNING, "SyncFailed", "could not sync");
      recorder.event(subject, Event.TYPE_WARNING, "SyncFailed", "could not sync");
      awaitTrue(() -> events.list(ListOptions.none()).getItems().get(0).getCount() == 3, "count patched to 3");

      List<Event> stored = events.list(ListOptions.none()).getItems();
      assertThat(stored).hasSize(1);
      Event e = stored.get(0);
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
      assertThat(e.getInvolvedObject().getName()).isEqualTo("subject");
      assertThat(e.getInvolvedObject().getUid()).isEqualTo(subject.getMetadata().getUid());
      assertThat(e.getReason()).isEqualTo("SyncFailed");
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getSource().getComponent()).isEqualTo("e2e-controller");
      assertThat(e.getLastTimestamp()).isAfterOrEqualTo(e.getFirstTimestamp());
    }
  }
}
