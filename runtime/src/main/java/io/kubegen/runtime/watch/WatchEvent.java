package io.kubegen.runtime.watch;

import io.kubegen.runtime.api.Status;
import java.util.Objects;

/**
 * One event of a watch stream. For {@code ADDED}, {@code MODIFIED} and {@code DELETED} the object
 * is the new (or, for deletes, last) state; for {@code BOOKMARK} only its resourceVersion (and
 * annotations such as {@code k8s.io/initial-events-end}) are meaningful; for {@code ERROR}
 * {@link #status()} carries the server's {@link Status} and the object is null.
 *
 * @param type the event type
 * @param object the object, or null for ERROR
 * @param status the error status for ERROR, else null
 * @param <T> the object type
 */
public record WatchEvent<T>(Type type, T object, Status status) {

  public WatchEvent {
    Objects.requireNonNull(type, "type");
  }

  /** An ADDED, MODIFIED, DELETED or BOOKMARK event of {@code object}. */
  public static <T> WatchEvent<T> of(Type type, T object) {
    return new WatchEvent<>(type, object, null);
  }

  /** An ERROR event carrying {@code status}. */
  public static <T> WatchEvent<T> error(Status status) {
    return new WatchEvent<>(Type.ERROR, null, status);
  }

  /** Watch event types as the API server names them. */
  public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }
}
