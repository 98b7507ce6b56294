package com.example.generated.clientset.events.v1.fake;

import com.example.generated.clientset.events.v1.EventClient;
import com.example.generated.clientset.events.v1.EventsV1Client;
import com.example.generated.clientset.events.v1.PolicyClient;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake clients of {@code events.example.com/v1} over an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakeEventsV1Client implements EventsV1Client {
  private final ObjectTracker tracker;

  /**
   * Fake clients over {@code tracker}.
   */
  public FakeEventsV1Client(ObjectTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public EventClient events(String namespace) {
    return new FakeEventClient(new FakeResourceClient<>(tracker, FakeEventClient.TYPE, namespace));
  }

  @Override
  public PolicyClient policies() {
    return new FakePolicyClient(new FakeResourceClient<>(tracker, FakePolicyClient.TYPE, null));
  }
}
