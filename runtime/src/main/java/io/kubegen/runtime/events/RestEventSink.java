package io.kubegen.runtime.events;

import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;

/** An {@link EventSink} over the REST API ({@code /api/v1/namespaces/<ns>/events}). Thread-safe. */
final class RestEventSink implements EventSink {
  private static final GroupVersionResource EVENTS = new GroupVersionResource("", "v1", "events");
  private final ResourceClient<Event> events;

  RestEventSink(RestClient client) {
    this.events = new ResourceClient<>(Objects.requireNonNull(client, "client"), EVENTS, Event.class, null);
  }

  @Override
  public Event create(Event event) {
    return events.inNamespace(event.getMetadata().getNamespace()).create(event, CreateOptions.none());
  }

  @Override
  public Event patch(Event event, String mergePatch) {
    return events.inNamespace(event.getMetadata().getNamespace())
        .patch(event.getMetadata().getName(), PatchType.MERGE, mergePatch, PatchOptions.none());
  }
}
