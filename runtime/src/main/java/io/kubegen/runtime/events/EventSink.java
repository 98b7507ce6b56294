package io.kubegen.runtime.events;

import io.kubegen.runtime.rest.RestClient;

/**
 * Where recorded events are written: the API server, normally ({@link #rest(RestClient)}).
 * Implementations throw {@code KubeApiException} (or another runtime exception) on failure; they
 * are called from the broadcaster's sink thread only.
 */
public interface EventSink {

  /** Creates {@code event}; returns it as stored. */
  Event create(Event event);

  /** Applies a JSON merge patch to the stored event named like {@code event}; returns it as stored. */
  Event patch(Event event, String mergePatch);

  /** A sink writing to core/v1 events through {@code client}. */
  static EventSink rest(RestClient client) {
    return new RestEventSink(client);
  }
}
