package com.example.generated.clientset.events.v1;

import com.example.events.v1.Event;
import com.example.events.v1.Policy;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link EventsV1Client} over the REST client.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
final class EventsV1ClientImpl implements EventsV1Client {
  private final RestClient client;

  EventsV1ClientImpl(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public EventClient events(String namespace) {
    return new EventClientImpl(new ResourceClient<>(client, EventClient.RESOURCE, Event.class, namespace));
  }

  @Override
  public PolicyClient policies() {
    return new PolicyClientImpl(new ResourceClient<>(client, PolicyClient.RESOURCE, Policy.class, null));
  }
}
