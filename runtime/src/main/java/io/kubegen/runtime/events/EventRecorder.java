package io.kubegen.runtime.events;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Records events about objects on behalf of one {@link EventSource}. Each call builds a core/v1
 * Event (named {@code <object>.<hex time>}, in the object's namespace or {@code default}) and
 * hands it to the broadcaster's watchers without blocking. Thread-safe.
 */
public final class EventRecorder {
  private final EventBroadcaster broadcaster;
  private final EventSource source;
  private final Clock clock;
  private long lastNameNanos;

  EventRecorder(EventBroadcaster broadcaster, EventSource source, Clock clock) {
    this.broadcaster = broadcaster;
    this.source = source;
    this.clock = clock;
  }

  /**
   * Records an event about {@code obj}.
   *
   * @param type {@link Event#TYPE_NORMAL} or {@link Event#TYPE_WARNING}
   * @param reason a short UpperCamelCase reason, such as {@code Synced}
   * @throws IllegalArgumentException on another type, an empty reason, or an object without kind or name
   */
  public void event(KubernetesObject obj, String type, String reason, String message) {
    record(obj, null, type, reason, message);
  }

  /** {@link #event} with a {@link String#format} message. */
  public void eventf(KubernetesObject obj, String type, String reason, String format, Object... args) {
    record(obj, null, type, reason, String.format(format, args));
  }

  /** {@link #eventf} that also sets annotations on the event. */
  public void annotatedEventf(KubernetesObject obj, Map<String, String> annotations, String type, String reason,
      String format, Object... args) {
    record(obj, annotations, type, reason, String.format(format, args));
  }

  private void record(KubernetesObject obj, Map<String, String> annotations, String type, String reason, String message) {
    Objects.requireNonNull(obj, "obj");
    if (!Event.TYPE_NORMAL.equals(type) && !Event.TYPE_WARNING.equals(type)) {
      throw new IllegalArgumentException("event type must be Normal or Warning, got " + type);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an event needs a reason");
    }
    ObjectReference ref = ObjectReference.of(obj);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Event e = new Event();
    String namespace = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? "default" : ref.getNamespace();
    ObjectMeta meta = ObjectMeta.builder().name(uniqueName(ref.getName())).namespace(namespace).build();
    if (annotations != null && !annotations.isEmpty()) {
      meta.setAnnotations(annotations);
    }
    e.setMetadata(meta);
    e.setInvolvedObject(ref);
    e.setType(type);
    e.setReason(reason);
    e.setMessage(message);
    e.setSource(source);
    e.setReportingComponent(source.getComponent());
    e.setReportingInstance(source.getHost());
    e.setFirstTimestamp(now);
    e.setLastTimestamp(now);
    e.setCount(1);
    broadcaster.action(e);
  }

  private synchronized String uniqueName(String objectName) {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    lastNameNanos = Math.max(lastNameNanos + 1, nanos);
    return objectName + "." + Long.toHexString(lastNameNanos);
  }
}
