package io.kubegen.sample.core.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.time.Instant;

/**
 * A core/v1 Event, as a record: what happened ({@code reason}, {@code message}, {@code type}) to
 * which object ({@code involvedObject}), how often and when. Immutable, so safe to share.
 *
 * @param apiVersion {@code v1}
 * @param kind {@code Event}
 * @param metadata the event's own metadata
 * @param involvedObject the object the event is about
 * @param reason a short machine-readable reason, such as {@code Synced}
 * @param message a human-readable description
 * @param type {@code Normal} or {@code Warning}
 * @param count how many times it happened
 * @param firstTimestamp when it first happened
 * @param lastTimestamp when it last happened
 * @param source the component that reported it
 */
@GenClient
public record Event(String apiVersion, String kind, ObjectMeta metadata, Reference involvedObject,
    String reason, String message, String type, Integer count, Instant firstTimestamp,
    Instant lastTimestamp, Source source) implements KubernetesObject {

  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }

  /**
   * The object an event is about.
   *
   * @param apiVersion its API version
   * @param kind its kind
   * @param namespace its namespace
   * @param name its name
   * @param uid its uid
   */
  public record Reference(String apiVersion, String kind, String namespace, String name, String uid) {}

  /**
   * The component that reported an event.
   *
   * @param component such as {@code sample-controller}
   * @param host the host it runs on, may be null
   */
  public record Source(String component, String host) {}
}
