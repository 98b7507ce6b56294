package com.example.generated.clientset.events.v1;

import com.example.events.v1.Event;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.rest.ReadOnlyClient;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Event}: {@code events} in {@code events.example.com/v1}, namespaced; verbs from {@link ReadOnlyClient}.
 * Calls fail with {@code KubeApiException} carrying the server's {@code Status}; thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface EventClient extends ReadOnlyClient<Event> {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("events.example.com", "v1", "events");

  /**
   * The kind of its objects; writes fill in a null {@code apiVersion} and {@code kind} from it.
   */
  GroupVersionKind KIND = new GroupVersionKind("events.example.com", "v1", "Event");

  /**
   * How the clientsets reach {@code events}: namespaced, without the {@code status} subresource.
   */
  ResourceType<Event> TYPE = new ResourceType<>(RESOURCE, KIND.kind(), Event.class, true, false);
}
