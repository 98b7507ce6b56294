package com.example.generated.clientset.events.v1;

import com.example.events.v1.Event;
import com.example.events.v1.Policy;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.rest.ResourceBackend;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TypedClient;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The clients of API group version {@code events.example.com/v1} ({@code /apis/events.example.com/v1}).
 * Their calls go to the REST API or, in the fake clientset, to an {@code ObjectTracker}.
 * Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class EventsV1Client {
  /**
   * The resources of this group version.
   */
  public static final List<ResourceType<?>> TYPES = List.of(EventClient.TYPE, PolicyClient.TYPE);

  private final ResourceBackend backend;

  private EventsV1Client(ResourceBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /**
   * The clients of {@code events.example.com/v1} over {@code client}.
   */
  public static EventsV1Client create(RestClient client) {
    return over(ResourceBackend.rest(client));
  }

  /**
   * The clients of {@code events.example.com/v1} whose calls go to {@code backend}.
   */
  public static EventsV1Client over(ResourceBackend backend) {
    return new EventsV1Client(backend);
  }

  /**
   * The client of {@code events} in {@code namespace}; null or {@code ""} means all namespaces (for list, watch and deleteCollection).
   */
  public EventClient events(String namespace) {
    return new EventClientImpl(backend.operations(EventClient.TYPE, namespace));
  }

  /**
   * The client of the cluster-scoped {@code policies}.
   */
  public PolicyClient policies() {
    return new PolicyClientImpl(backend.operations(PolicyClient.TYPE, null));
  }

  private static final class EventClientImpl extends TypedClient<Event> implements EventClient {
    EventClientImpl(ResourceOperations<Event> operations) {
      super(operations);
    }
  }

  private static final class PolicyClientImpl extends TypedClient<Policy> implements PolicyClient {
    PolicyClientImpl(ResourceOperations<Policy> operations) {
      super(operations);
    }
  }
}
