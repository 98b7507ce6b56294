package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.apiserver.storage.ListPage;
import io.kubegen.apiserver.storage.Storage;
import io.kubegen.apiserver.storage.StorageEvent;
import io.kubegen.apiserver.storage.StorageException;
import io.kubegen.apiserver.storage.StoredObject;
import io.kubegen.apiserver.storage.WatchRegistration;
import io.kubegen.apiserver.storage.WatchSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the served resources in step with the CustomResourceDefinitions in a shared storage, so
 * a CRD created through one server (or before a restart) is served by every server over that
 * storage: registers what is stored at start, then follows a watch, registering on ADDED and
 * MODIFIED and unregistering on DELETED. When the watch ends it lists and watches again after a
 * second; a storage that cannot be reached is logged and retried, never fatal.
 *
 * <p>Threading: {@link #start()} does the first list on the caller's thread; a daemon thread
 * follows the watch until {@link #close()}.
 */
public final class DefinitionSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionSync.class);
  private static final long RETRY_MILLIS = 1000;
  private static final StorageEvent STOP = new StorageEvent(StorageEvent.Type.ADDED,
      new StoredObject(null, "stop", 0, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()), null);

  private final Storage storage;
  private final ResourceRegistry registry;
  private final String resource = ResourceOperations.storageKey(CustomResourceDefinitions.DEFINITION);
  private final Thread thread;
  private volatile boolean closed;
  private volatile BlockingQueue<StorageEvent> current;

  /** Syncs {@code registry} from the CRDs in {@code storage}. */
  public DefinitionSync(Storage storage, ResourceRegistry registry) {
    this.storage = storage;
    this.registry = registry;
    this.thread = new Thread(this::run, "kubegen-apiserver-crd-sync");
    this.thread.setDaemon(true);
  }

  /**
   * Registers the stored CRDs and starts following changes.
   *
   * @throws StorageException {@code UNAVAILABLE} when the storage cannot be reached
   */
  public void start() {
    startFrom = registerAll();
    thread.start();
  }

  /** The revision the thread's first watch starts after; written before the thread starts. */
  private long startFrom = -1;

  private long registerAll() {
    ListPage crds = storage.list(resource, null, 0, null, 0, o -> true);
    crds.items().forEach(this::register);
    return crds.revision();
  }

  private void register(StoredObject crd) {
    try {
      CustomResourceDefinitions.served(crd.copy()).forEach(v -> registry.register(v.definition(), v.schema()));
    } catch (RuntimeException e) {
      LOG.warn("stored CRD {} cannot be served: {}", crd.name(), e.getMessage());
    }
  }

  private void unregister(StoredObject crd) {
    JsonNode spec = crd.object().path("spec");
    registry.unregister(spec.path("group").asText(), spec.path("names").path("plural").asText());
  }

  private void run() {
    long from = startFrom;
    while (!closed) {
      try {
        if (from < 0) {
          from = registerAll();
        }
        from = follow(from);
      } catch (StorageException e) {
        if (e.reason() == StorageException.Reason.GONE) {
          from = -1;
        } else {
          LOG.warn("following CRDs in storage: {}; trying again", e.getMessage());
        }
      } catch (RuntimeException e) {
        LOG.error("following CRDs in storage failed; trying again", e);
      }
      if (!closed) {
        pause();
      }
    }
  }

  /** Applies watch events until the watch ends; returns the last revision seen. */
  private long follow(long from) {
    BlockingQueue<StorageEvent> queue = new LinkedBlockingQueue<>();
    StorageException[] ended = new StorageException[1];
    WatchSink sink = new WatchSink() {
      @Override public void accept(StorageEvent e) { queue.add(e); }
      @Override public void ended(StorageException why) {
        ended[0] = why;
        queue.add(STOP);
      }
    };
    long last = from;
    current = queue;
    try (WatchRegistration w = storage.watch(resource, from, false, sink)) {
      while (!closed) {
        StorageEvent e = queue.poll(RETRY_MILLIS, TimeUnit.MILLISECONDS);
        if (e == STOP) {
          if (ended[0] != null && ended[0].reason() == StorageException.Reason.GONE) {
            throw ended[0];
          }
          return last;
        }
        if (e != null) {
          if (e.type() == StorageEvent.Type.DELETED) {
            unregister(e.object());
          } else {
            register(e.object());
          }
          last = e.revision();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } finally {
      current = null;
    }
    return last;
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops following; waits up to 5 s for the thread. */
  @Override
  public void close() {
    closed = true;
    BlockingQueue<StorageEvent> q = current;
    if (q != null) {
      q.add(STOP);
    }
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
