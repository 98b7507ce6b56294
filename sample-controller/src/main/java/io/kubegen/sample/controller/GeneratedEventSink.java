package io.kubegen.sample.controller;

import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.events.Event;
import io.kubegen.runtime.events.EventSink;
import io.kubegen.runtime.json.Json;
import io.kubegen.sample.generated.clientset.Clientset;

/**
 * Writes recorded events through the generated core/v1 client ({@code clients.coreV1().events(ns)})
 * instead of the runtime's plain REST sink, so events take the same path as every other object
 * the sample writes. The runtime's {@link Event} and the sample's
 * {@link io.kubegen.sample.core.v1.Event} record have the same JSON form; each call converts.
 *
 * <p>Called from the event broadcaster's sink thread; the generated client is thread-safe.
 */
public final class GeneratedEventSink implements EventSink {
  private final Clientset clients;

  /** A sink writing through {@code clients}. */
  public GeneratedEventSink(Clientset clients) {
    this.clients = clients;
  }

  @Override
  public Event create(Event event) {
    io.kubegen.sample.core.v1.Event created = clients.coreV1().events(namespaceOf(event))
        .create(Json.mapper().convertValue(event, io.kubegen.sample.core.v1.Event.class));
    return Json.mapper().convertValue(created, Event.class);
  }

  @Override
  public Event patch(Event event, String mergePatch) {
    io.kubegen.sample.core.v1.Event patched = clients.coreV1().events(namespaceOf(event))
        .patch(event.getMetadata().getName(), PatchType.MERGE, mergePatch);
    return Json.mapper().convertValue(patched, Event.class);
  }

  private static String namespaceOf(Event event) {
    String namespace = event.getMetadata() == null ? null : event.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }
}
