package com.example.generated.clientset.events.v1;

import com.example.events.v1.Event;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.watch.Watch;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Event}: resource {@code events} in {@code events.example.com/v1}, namespaced.
 *
 * <p>Calls fail with {@code KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface EventClient {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("events.example.com", "v1", "events");

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  default Event get(String name) {
    return get(name, GetOptions.none());
  }

  /**
   * Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.
   */
  Event get(String name, GetOptions options);

  /**
   * Lists every object.
   */
  default ObjectList<Event> list() {
    return list(ListOptions.none());
  }

  /**
   * Lists the objects {@code options} selects.
   */
  ObjectList<Event> list(ListOptions options);

  /**
   * Watches the objects {@code options} selects; close the watch to stop.
   */
  Watch<Event> watch(ListOptions options);
}
