package io.kubegen.apiserver.storage;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchGrpc;
import io.etcd.jetcd.api.WatchRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One etcd watch on the key prefix of a resource, from a revision, turned into
 * {@link StorageEvent}s for a {@link WatchSink}: a put of a new key is ADDED, of an existing one
 * MODIFIED (with the previous value etcd sends along), a delete is DELETED carrying the last
 * value at the deletion's revision. Progress notifications (etcd sends them on quiet watches)
 * and delivered events move {@link #progressRevision()}.
 *
 * <p>Threading: gRPC calls {@link #onNext} and friends on its executor, one at a time; the sink
 * is called there. {@link #close()} may be called from any thread.
 */
final class EtcdWatch implements WatchRegistration, ClientResponseObserver<WatchRequest, WatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(EtcdWatch.class);

  /** Decodes a key-value under a resource prefix at a revision. */
  interface Decoder {
    StoredObject decode(String resourcePrefix, KeyValue kv, long revision);
  }

  private final String resourcePrefix;
  private final long startRevision;
  private final List<StoredObject> initial;
  private final WatchSink sink;
  private final Decoder decoder;
  private final Consumer<EtcdWatch> onClose;
  private final CountDownLatch created = new CountDownLatch(1);
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile ClientCallStreamObserver<WatchRequest> call;
  private volatile long progress;
  private volatile Throwable startFailure;

  EtcdWatch(String resourcePrefix, long startRevision, List<StoredObject> initial, WatchSink sink, Decoder decoder,
      Consumer<EtcdWatch> onClose) {
    this.resourcePrefix = resourcePrefix;
    this.startRevision = startRevision;
    this.initial = List.copyOf(initial);
    this.sink = sink;
    this.decoder = decoder;
    this.onClose = onClose;
    this.progress = startRevision;
  }

  /** Opens the stream and waits until etcd confirms the watch. */
  void start(WatchGrpc.WatchStub stub, long timeoutMillis) {
    stub.watch(this);
    WatchCreateRequest create = WatchCreateRequest.newBuilder()
        .setKey(EtcdKeys.bytes(resourcePrefix))
        .setRangeEnd(EtcdKeys.prefixEnd(resourcePrefix))
        .setStartRevision(startRevision + 1)
        .setPrevKv(true)
        .setProgressNotify(true)
        .build();
    call.onNext(WatchRequest.newBuilder().setCreateRequest(create).build());
    boolean confirmed;
    try {
      confirmed = created.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      confirmed = false;
    }
    if (!confirmed || startFailure != null) {
      close();
      throw new StorageException(StorageException.Reason.UNAVAILABLE, "cannot watch " + resourcePrefix + " in etcd: "
          + (startFailure != null ? String.valueOf(startFailure.getMessage()) : "no answer within " + timeoutMillis + " ms"),
          startFailure);
    }
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
    this.call = requestStream;
  }

  @Override
  public void onNext(WatchResponse r) {
    if (finished.get()) {
      return;
    }
    if (r.getCreated()) {
      created.countDown();
    }
    if (r.getCanceled()) {
      if (r.getCompactRevision() > 0) {
        end(new StorageException(StorageException.Reason.GONE, "too old resource version: " + startRevision
            + " (etcd compacted through " + r.getCompactRevision() + ")"));
      } else {
        end(new StorageException(StorageException.Reason.UNAVAILABLE, "etcd cancelled the watch: " + r.getCancelReason()));
      }
      return;
    }
    if (r.getEventsCount() == 0) {
      if (!r.getCreated() && r.getHeader().getRevision() > progress) {
        progress = r.getHeader().getRevision(); // a progress notification: nothing else up to here
      }
      return;
    }
    long last = progress;
    try {
      for (Event e : r.getEventsList()) {
        StorageEvent event = convert(e);
        sink.accept(event);
        last = Math.max(last, event.revision());
      }
    } catch (RuntimeException e) {
      // A value that does not decode: end the watch (its client watches again) rather than skip a change.
      LOG.error("watch of {} cannot deliver a change; ending it", resourcePrefix, e);
      end(new StorageException(StorageException.Reason.UNAVAILABLE, "the etcd watch of " + resourcePrefix
          + " met a change it cannot deliver: " + e.getMessage(), e));
      return;
    }
    progress = last;
  }

  private StorageEvent convert(Event e) {
    KeyValue kv = e.getKv();
    if (e.getType() == Event.EventType.DELETE) {
      if (!e.hasPrevKv()) {
        throw new IllegalStateException("etcd sent a delete of " + kv.getKey().toStringUtf8() + " without its last value");
      }
      StoredObject previous = decoder.decode(resourcePrefix, e.getPrevKv(), e.getPrevKv().getModRevision());
      StoredObject last = decoder.decode(resourcePrefix, e.getPrevKv(), kv.getModRevision());
      return new StorageEvent(StorageEvent.Type.DELETED, last, previous);
    }
    StoredObject now = decoder.decode(resourcePrefix, kv, kv.getModRevision());
    if (kv.getCreateRevision() == kv.getModRevision()) {
      return new StorageEvent(StorageEvent.Type.ADDED, now, null);
    }
    StoredObject previous = e.hasPrevKv() ? decoder.decode(resourcePrefix, e.getPrevKv(), e.getPrevKv().getModRevision()) : null;
    return new StorageEvent(StorageEvent.Type.MODIFIED, now, previous);
  }

  @Override
  public void onError(Throwable t) {
    startFailure = t;
    created.countDown();
    if (Status.fromThrowable(t).getCode() != Status.Code.CANCELLED || !finished.get()) {
      end(new StorageException(StorageException.Reason.UNAVAILABLE, "the etcd watch of " + resourcePrefix + " failed: "
          + t.getMessage(), t));
    }
  }

  @Override
  public void onCompleted() {
    end(new StorageException(StorageException.Reason.UNAVAILABLE, "etcd ended the watch of " + resourcePrefix));
  }

  /** Tells the sink once, unless the watch was closed by its owner. */
  private void end(StorageException why) {
    if (finished.compareAndSet(false, true)) {
      LOG.debug("watch of {} ended: {}", resourcePrefix, why.getMessage());
      cancelCall();
      onClose.accept(this);
      sink.ended(why);
    }
  }

  @Override
  public List<StoredObject> initial() { return initial; }

  @Override
  public long startRevision() { return startRevision; }

  @Override
  public long progressRevision() { return progress; }

  @Override
  public void close() {
    if (finished.compareAndSet(false, true)) {
      cancelCall();
      onClose.accept(this);
    }
  }

  private void cancelCall() {
    ClientCallStreamObserver<WatchRequest> c = call;
    if (c != null) {
      c.cancel("watch closed", null);
    }
  }
}
