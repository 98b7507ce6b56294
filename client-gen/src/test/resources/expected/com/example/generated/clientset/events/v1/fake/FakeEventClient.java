package com.example.generated.clientset.events.v1.fake;

import com.example.events.v1.Event;
import com.example.generated.clientset.events.v1.EventClient;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ResourceType;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake {@link EventClient}, answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakeEventClient implements EventClient {
  /**
   * How the tracker serves {@link Event}.
   */
  public static final ResourceType<Event> TYPE = new ResourceType<>(EventClient.RESOURCE, "Event", Event.class, true, false);

  private final FakeResourceClient<Event> resource;

  /**
   * A fake client delegating to {@code resource}.
   */
  public FakeEventClient(FakeResourceClient<Event> resource) {
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
