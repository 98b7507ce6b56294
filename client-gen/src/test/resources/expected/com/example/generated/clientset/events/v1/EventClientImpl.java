package com.example.generated.clientset.events.v1;

import com.example.events.v1.Event;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link EventClient} over {@link ResourceOperations}: a {@code ResourceClient} in the REST
 * clientset, a {@code FakeResourceClient} in the fake one. Thread-safe as its delegate is.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class EventClientImpl implements EventClient {
  private final ResourceOperations<Event> resource;

  /**
   * A client delegating every call to {@code resource}.
   */
  public EventClientImpl(ResourceOperations<Event> resource) {
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
