package com.example.generated.clientset.events.v1;

import com.example.events.v1.Event;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link EventClient} over the REST client.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
final class EventClientImpl implements EventClient {
  private final ResourceClient<Event> resource;

  EventClientImpl(ResourceClient<Event> resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  @Override
  public Event get(String name, GetOptions options) {
    return resource.get(name, options);
  }

  @Override
  public ObjectList<Event> list(ListOptions options) {
    return resource.list(options);
  }

  @Override
  public Watch<Event> watch(ListOptions options) {
    return resource.watch(options);
  }
}
