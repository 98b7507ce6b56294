package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.apiserver.storage.Storage;
import io.kubegen.apiserver.storage.StorageEvent;
import io.kubegen.apiserver.storage.StorageException;
import io.kubegen.apiserver.storage.StoredObject;
import io.kubegen.apiserver.storage.WatchRegistration;
import io.kubegen.apiserver.storage.WatchSink;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One watch stream: registers with the storage, writes the initial objects or the replayed
 * history, then every matching change as a {@code {"type":..,"object":..}} line, bookmarks when
 * asked, and ends at the timeout, on {@link #cancel()} or when the client goes away.
 *
 * <p>Threading: the storage calls {@link #accept} on writer threads (it only enqueues); one
 * thread runs {@link #run}, writing to the response. Event bytes come from
 * {@link StoredObject#json()}, serialised once and shared by all watchers.
 */
final class WatchSession implements WatchSink {
  private static final byte[] ADDED = "{\"type\":\"ADDED\",\"object\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MODIFIED = "{\"type\":\"MODIFIED\",\"object\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DELETED = "{\"type\":\"DELETED\",\"object\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "}\n".getBytes(StandardCharsets.UTF_8);
  private static final int QUEUE_LIMIT = 1_000_000;
  private static final StorageEvent WAKE_UP = new StorageEvent(StorageEvent.Type.ADDED,
      new StoredObject(null, "wake-up", 0, JsonNodeFactory.instance.objectNode()), null);

  private final ResourceDefinition def;
  private final Storage storage;
  private final String namespace;
  private final Predicate<StoredObject> selector;
  private final long fromRevision;
  private final boolean sendInitialEvents;
  private final boolean bookmarks;
  private final long deadlineNanos;
  private final long bookmarkIntervalNanos;
  private final LinkedBlockingQueue<StorageEvent> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile boolean overflowed;
  /** Why the storage ended the watch, or null while it goes on. */
  private volatile StorageException ended;
  /** The highest revision the client has seen, in an event or a bookmark. */
  private long lastRevision;

  WatchSession(ResourceDefinition def, Storage storage, String namespace, Predicate<StoredObject> selector,
      long fromRevision, boolean sendInitialEvents, boolean bookmarks, long timeoutNanos, long bookmarkIntervalNanos) {
    this.def = def;
    this.storage = storage;
    this.namespace = namespace;
    this.selector = selector;
    this.fromRevision = fromRevision;
    this.sendInitialEvents = sendInitialEvents;
    this.bookmarks = bookmarks;
    this.deadlineNanos = timeoutNanos <= 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
    this.bookmarkIntervalNanos = bookmarkIntervalNanos;
  }

  @Override
  public void accept(StorageEvent event) {
    if (!queue.offer(event)) {
      overflowed = true;
    }
  }

  @Override
  public void ended(StorageException why) {
    ended = why;
    queue.offer(WAKE_UP);
  }

  /** Ends the stream soon; callable from any thread. */
  void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      queue.offer(WAKE_UP);
    }
  }

  private WatchRegistration registration;
  private StorageException expired;

  /**
   * Registers with the storage; call before the response starts.
   *
   * @throws StorageException {@code UNAVAILABLE} when the storage cannot be reached (the caller
   *     answers 503); a revision that is gone is reported in the stream by {@link #run}
   */
  void open() {
    try {
      registration = storage.watch(ResourceOperations.storageKey(def), fromRevision, fromRevision < 0, this);
    } catch (StorageException e) {
      if (e.reason() != StorageException.Reason.GONE) {
        throw e;
      }
      expired = e;
    }
  }

  /** Streams to {@code out} until the end; IO errors mean the client left. Call after {@link #open()}. */
  void run(OutputStream out) throws IOException {
    if (expired != null) {
      writeError(out, 410, "Expired", expired.getMessage());
      return;
    }
    try {
      lastRevision = registration.startRevision();
      for (StoredObject o : registration.initial()) {
        if (matches(o)) {
          frame(out, ADDED, o);
        }
      }
      if (sendInitialEvents) {
        bookmark(out, registration.startRevision(), true);
      }
      out.flush();
      long nextBookmark = System.nanoTime() + bookmarkIntervalNanos;
      List<StorageEvent> batch = new ArrayList<>();
      while (!cancelled.get()) {
        long now = System.nanoTime();
        if (now >= deadlineNanos) {
          return;
        }
        long wait = Math.min(deadlineNanos - now, bookmarks ? Math.max(0, nextBookmark - now) : Long.MAX_VALUE);
        StorageEvent first = queue.poll(wait, TimeUnit.NANOSECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch);
          writeAll(out, batch);
        }
        if (overflowed) {
          writeError(out, 410, "Expired", "the watch fell too far behind; start a new watch");
          return;
        }
        StorageException why = ended;
        if (why != null) {
          queue.drainTo(batch);
          writeAll(out, batch);
          if (why.reason() == StorageException.Reason.GONE) {
            writeError(out, 410, "Expired", why.getMessage());
          }
          // Otherwise end the stream cleanly: clients watch again from the last resourceVersion.
          out.flush();
          return;
        }
        if (bookmarks && System.nanoTime() >= nextBookmark) {
          long committed = registration.progressRevision();
          queue.drainTo(batch);
          writeAll(out, batch);
          if (committed > lastRevision) {
            bookmark(out, committed, false);
            lastRevision = committed;
          }
          nextBookmark = System.nanoTime() + bookmarkIntervalNanos;
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registration.close();
    }
  }

  private void writeAll(OutputStream out, List<StorageEvent> batch) throws IOException {
    for (StorageEvent e : batch) {
      if (e != WAKE_UP) {
        write(out, e);
      }
    }
    batch.clear();
  }

  private boolean matches(StoredObject o) {
    return (namespace == null || namespace.equals(o.namespace())) && selector.test(o);
  }

  private void write(OutputStream out, StorageEvent e) throws IOException {
    boolean now = matches(e.object());
    switch (e.type()) {
      case ADDED -> {
        if (now) {
          frame(out, ADDED, e.object());
        }
      }
      case MODIFIED -> {
        boolean before = e.previous() != null && matches(e.previous());
        if (now && before) {
          frame(out, MODIFIED, e.object());
        } else if (now) {
          frame(out, ADDED, e.object());
        } else if (before) {
          frame(out, DELETED, e.object());
        }
      }
      case DELETED -> {
        if (now || (e.previous() != null && matches(e.previous()))) {
          frame(out, DELETED, e.object());
        }
      }
    }
  }

  private void frame(OutputStream out, byte[] prefix, StoredObject o) throws IOException {
    lastRevision = Math.max(lastRevision, o.revision());
    out.write(prefix);
    out.write(o.json());
    out.write(END);
  }

  private void bookmark(OutputStream out, long revision, boolean initialEventsEnd) throws IOException {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "BOOKMARK");
    ObjectNode object = event.putObject("object");
    object.put("kind", def.kind()).put("apiVersion", def.apiVersion());
    ObjectNode meta = object.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    if (initialEventsEnd) {
      meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    out.write(Json.mapper().writeValueAsBytes(event));
    out.write('\n');
  }

  private static void writeError(OutputStream out, int code, String reason, String message) throws IOException {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "ERROR");
    event.set("object", Json.mapper().valueToTree(Status.failure(code, reason, message)));
    out.write(Json.mapper().writeValueAsBytes(event));
    out.write('\n');
    out.flush();
  }
}
