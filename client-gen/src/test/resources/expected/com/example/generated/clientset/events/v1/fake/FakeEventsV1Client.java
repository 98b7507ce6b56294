package com.example.generated.clientset.events.v1.fake;

import com.example.events.v1.Event;
import com.example.events.v1.Policy;
import com.example.generated.clientset.events.v1.EventClient;
import com.example.generated.clientset.events.v1.EventClientImpl;
import com.example.generated.clientset.events.v1.EventsV1Client;
import com.example.generated.clientset.events.v1.PolicyClient;
import com.example.generated.clientset.events.v1.PolicyClientImpl;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake clients of {@code events.example.com/v1}: the same typed clients as the REST ones, each over a
 * {@code FakeResourceClient} answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class FakeEventsV1Client implements EventsV1Client {
  /**
   * How the tracker serves {@link Event}.
   */
  public static final ResourceType<Event> EVENT_TYPE = new ResourceType<>(EventClient.RESOURCE, "Event", Event.class, true, false);

  /**
   * How the tracker serves {@link Policy}.
   */
  public static final ResourceType<Policy> POLICY_TYPE = new ResourceType<>(PolicyClient.RESOURCE, "Policy", Policy.class, false, true);

  private final ObjectTracker tracker;

  /**
   * Fake clients over {@code tracker}.
   */
  public FakeEventsV1Client(ObjectTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public EventClient events(String namespace) {
    return new EventClientImpl(new FakeResourceClient<>(tracker, EVENT_TYPE, namespace));
  }

  @Override
  public PolicyClient policies() {
    return new PolicyClientImpl(new FakeResourceClient<>(tracker, POLICY_TYPE, null));
  }
}
