package io.kubegen.apiserver.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.etcd.jetcd.api.WatchGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Storage} in etcd v3, so objects survive restarts and several API servers can serve
 * one state.
 *
 * <ul>
 *   <li>Keys as kube-apiserver lays them out: {@code <prefix>/<resource path>/<namespace>/<name>}
 *       (see {@link EtcdKeys}); values are the objects' JSON without {@code resourceVersion}.
 *   <li>An object's resourceVersion is its key's {@code mod_revision}; a list's is the revision
 *       it was read at, and every page of a paged list is read at the first page's revision.
 *   <li>Create is a transaction that fails when the key exists; update and delete are
 *       transactions comparing {@code mod_revision} ({@code CONFLICT} when it moved).
 *   <li>Watches are etcd watches from a revision, with the previous value of every change;
 *       {@code GONE} when etcd compacted past it; bookmarks from etcd's progress notifications,
 *       which etcd sends on quiet watches every {@code --experimental-watch-progress-notify-interval}
 *       (10 minutes unless set; kubegen's tests set a fraction of a second).
 *   <li>Every call has a deadline ({@link Builder#requestTimeout}); when etcd cannot be reached
 *       or does not answer in time, calls fail with {@code UNAVAILABLE} (the server answers 503
 *       with {@code Retry-After}) and watches end, so their clients watch again. The connection
 *       is retried at once on the next call, so service resumes as soon as etcd is back.
 * </ul>
 *
 * <p>Talks etcd's gRPC API through the generated stubs jetcd publishes ({@code io.etcd:jetcd-grpc})
 * over grpc-java with its own relocated Netty (see apiserver/README.md for why not jetcd's
 * client). Several endpoints are tried in order and failed over between.
 *
 * <p>Thread-safe. Watch sinks are called on gRPC's threads.
 */
public final class EtcdStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(EtcdStorage.class);
  /** Keys read per range call while scanning a list. */
  private static final int SCAN_CHUNK = 500;

  private final List<URI> endpoints;
  private final EtcdKeys keys;
  private final long timeoutMillis;
  private final ManagedChannel channel;
  private final KVGrpc.KVBlockingStub kv;
  private final WatchGrpc.WatchStub watchStub;
  private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastBackoffReset = new AtomicLong();
  private volatile boolean closed;

  private EtcdStorage(Builder b) {
    this.endpoints = List.copyOf(b.endpoints);
    this.keys = new EtcdKeys(b.prefix);
    this.timeoutMillis = b.requestTimeout.toMillis();
    this.channel = EtcdChannels.open(endpoints);
    this.kv = KVGrpc.newBlockingStub(channel);
    this.watchStub = WatchGrpc.newStub(channel);
  }

  /** A builder; at least one endpoint is required. */
  public static Builder builder() { return new Builder(); }

  /** The etcd endpoints, in the order they are tried. */
  public List<URI> endpoints() { return endpoints; }

  /** The key prefix, such as {@code /registry}. */
  public String prefix() { return keys.prefix(); }

  private KVGrpc.KVBlockingStub kv() {
    if (closed) {
      throw new StorageException(StorageException.Reason.UNAVAILABLE, "the etcd storage is closed");
    }
    return kv.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public long revision() {
    try {
      // A point read of a key that never exists: cheap, and its header carries the store's revision.
      return kv().range(RangeRequest.newBuilder().setKey(EtcdKeys.bytes(keys.prefix() + "/")).build())
          .getHeader().getRevision();
    } catch (StatusRuntimeException e) {
      throw failure("read the revision", e);
    }
  }

  @Override
  public StoredObject get(String resource, String namespace, String name) {
    try {
      RangeResponse r = kv().range(RangeRequest.newBuilder().setKey(keys.key(resource, namespace, name)).build());
      return r.getKvsCount() == 0 ? null : decode(keys.resourcePrefix(resource), r.getKvs(0), r.getKvs(0).getModRevision());
    } catch (StatusRuntimeException e) {
      throw failure("get " + resource + " " + StoredObject.keyOf(namespace, name), e);
    }
  }

  @Override
  public StoredObject create(String resource, String namespace, String name, ObjectNode object) {
    ByteString key = keys.key(resource, namespace, name);
    TxnRequest txn = TxnRequest.newBuilder()
        .addCompare(Compare.newBuilder().setKey(key).setTarget(Compare.CompareTarget.CREATE)
            .setResult(Compare.CompareResult.EQUAL).setCreateRevision(0))
        .addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder().setKey(key).setValue(encode(object))))
        .build();
    TxnResponse r = txn(txn, "create", resource, namespace, name);
    if (!r.getSucceeded()) {
      throw new StorageException(StorageException.Reason.ALREADY_EXISTS, StoredObject.keyOf(namespace, name) + " already exists");
    }
    return stamped(namespace, name, r.getHeader().getRevision(), object);
  }

  @Override
  public StoredObject update(String resource, String namespace, String name, long expectedRevision, ObjectNode object) {
    ByteString key = keys.key(resource, namespace, name);
    TxnRequest txn = TxnRequest.newBuilder()
        .addCompare(expect(key, expectedRevision))
        .addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder().setKey(key).setValue(encode(object))))
        .addFailure(RequestOp.newBuilder().setRequestRange(RangeRequest.newBuilder().setKey(key).setKeysOnly(true)))
        .build();
    TxnResponse r = txn(txn, "update", resource, namespace, name);
    if (!r.getSucceeded()) {
      throw mismatch(namespace, name, expectedRevision, r.getResponses(0).getResponseRange());
    }
    return stamped(namespace, name, r.getHeader().getRevision(), object);
  }

  @Override
  public StoredObject delete(String resource, String namespace, String name, long expectedRevision) {
    ByteString key = keys.key(resource, namespace, name);
    TxnRequest txn = TxnRequest.newBuilder()
        .addCompare(expect(key, expectedRevision))
        .addSuccess(RequestOp.newBuilder().setRequestDeleteRange(DeleteRangeRequest.newBuilder().setKey(key).setPrevKv(true)))
        .addFailure(RequestOp.newBuilder().setRequestRange(RangeRequest.newBuilder().setKey(key).setKeysOnly(true)))
        .build();
    TxnResponse r = txn(txn, "delete", resource, namespace, name);
    if (!r.getSucceeded()) {
      throw mismatch(namespace, name, expectedRevision, r.getResponses(0).getResponseRange());
    }
    KeyValue last = r.getResponses(0).getResponseDeleteRange().getPrevKvs(0);
    return decode(keys.resourcePrefix(resource), last, r.getHeader().getRevision());
  }

  /** The compare of an update or delete: the key is at {@code expectedRevision}, or exists at all when 0. */
  private static Compare expect(ByteString key, long expectedRevision) {
    Compare.Builder c = Compare.newBuilder().setKey(key);
    return expectedRevision != 0
        ? c.setTarget(Compare.CompareTarget.MOD).setResult(Compare.CompareResult.EQUAL).setModRevision(expectedRevision).build()
        : c.setTarget(Compare.CompareTarget.CREATE).setResult(Compare.CompareResult.GREATER).setCreateRevision(0).build();
  }

  private static StorageException mismatch(String namespace, String name, long expected, RangeResponse current) {
    String key = StoredObject.keyOf(namespace, name);
    if (current.getKvsCount() == 0) {
      return new StorageException(StorageException.Reason.NOT_FOUND, key + " not found");
    }
    return new StorageException(StorageException.Reason.CONFLICT,
        key + " is at revision " + current.getKvs(0).getModRevision() + ", not " + expected);
  }

  private TxnResponse txn(TxnRequest txn, String verb, String resource, String namespace, String name) {
    try {
      return kv().txn(txn);
    } catch (StatusRuntimeException e) {
      throw failure(verb + " " + resource + " " + StoredObject.keyOf(namespace, name), e);
    }
  }

  @Override
  public ListPage list(String resource, String namespace, long atRevision, String afterKey, int limit,
      Predicate<StoredObject> filter) {
    String resourcePrefix = keys.resourcePrefix(resource);
    String scope = keys.scopePrefix(resource, namespace);
    ByteString start = afterKey == null ? EtcdKeys.bytes(scope) : EtcdKeys.bytes(resourcePrefix + afterKey + "\0");
    ByteString end = EtcdKeys.prefixEnd(scope);
    long revision = atRevision;
    List<StoredObject> items = new ArrayList<>();
    try {
      while (true) {
        RangeRequest.Builder range = RangeRequest.newBuilder().setKey(start).setRangeEnd(end).setLimit(SCAN_CHUNK);
        if (revision > 0) {
          range.setRevision(revision);
        }
        RangeResponse r = kv().range(range.build());
        if (revision <= 0) {
          revision = r.getHeader().getRevision();
        }
        for (KeyValue kvs : r.getKvsList()) {
          StoredObject o = decode(resourcePrefix, kvs, kvs.getModRevision());
          if (filter.test(o)) {
            if (limit > 0 && items.size() == limit) {
              return new ListPage(items, revision, items.get(limit - 1).key());
            }
            items.add(o);
          }
        }
        if (!r.getMore() || r.getKvsCount() == 0) {
          return new ListPage(items, revision, null);
        }
        start = r.getKvs(r.getKvsCount() - 1).getKey().concat(ByteString.copyFrom(new byte[] {0}));
      }
    } catch (StatusRuntimeException e) {
      throw failure("list " + resource + " at revision " + revision, e);
    }
  }

  @Override
  public WatchRegistration watch(String resource, long fromRevision, boolean initialState, WatchSink sink) {
    List<StoredObject> initial = List.of();
    long start;
    if (fromRevision < 0) {
      if (initialState) {
        ListPage now = list(resource, null, 0, null, 0, o -> true);
        initial = now.items();
        start = now.revision();
      } else {
        start = revision();
      }
    } else {
      start = fromRevision;
      checkNotCompacted(resource, fromRevision);
    }
    EtcdWatch w = new EtcdWatch(keys.resourcePrefix(resource), start, initial, sink, this::decode, watches::remove);
    watches.add(w);
    try {
      w.start(watchStub, timeoutMillis);
    } catch (StorageException e) {
      watches.remove(w);
      resetBackoff(e);
      throw e;
    }
    return w;
  }

  /** Fails with GONE when a watch after {@code fromRevision} would start below etcd's compaction. */
  private void checkNotCompacted(String resource, long fromRevision) {
    String scope = keys.resourcePrefix(resource);
    try {
      kv().range(RangeRequest.newBuilder().setKey(EtcdKeys.bytes(scope)).setRangeEnd(EtcdKeys.prefixEnd(scope))
          .setLimit(1).setKeysOnly(true).setRevision(fromRevision + 1).build());
    } catch (StatusRuntimeException e) {
      if (!isFutureRevision(e)) {
        throw failure("watch " + resource + " from " + fromRevision, e);
      }
    }
  }

  @Override
  public void compact(long revision) {
    try {
      kv().compact(CompactionRequest.newBuilder().setRevision(revision).build());
    } catch (StatusRuntimeException e) {
      StorageException f = failure("compact at " + revision, e);
      if (f.reason() != StorageException.Reason.GONE) {
        throw f;
      }
    }
  }

  /** Ends every watch and closes the connection. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List.copyOf(watches).forEach(EtcdWatch::close);
    channel.shutdownNow();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("etcd connection to {} did not close within 5s", endpoints);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() { return "EtcdStorage{" + endpoints + " " + keys.prefix() + "}"; }

  // ---- encoding ----

  private static ByteString encode(ObjectNode object) {
    JsonNode meta = object.get("metadata");
    JsonNode rv = meta instanceof ObjectNode m ? m.remove("resourceVersion") : null;
    try {
      return ByteString.copyFrom(Json.mapper().writeValueAsBytes(object));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialise the object: " + e.getMessage(), e);
    } finally {
      if (rv != null) {
        ((ObjectNode) meta).set("resourceVersion", rv);
      }
    }
  }

  private static StoredObject stamped(String namespace, String name, long revision, ObjectNode object) {
    object.withObjectProperty("metadata").put("resourceVersion", Long.toString(revision));
    return new StoredObject(namespace, name, revision, object);
  }

  /** The object stored in {@code kv}, carrying {@code revision} as its resourceVersion. */
  StoredObject decode(String resourcePrefix, KeyValue kv, long revision) {
    String key = EtcdKeys.relative(resourcePrefix, kv.getKey());
    int slash = key.indexOf('/');
    String namespace = slash < 0 ? null : key.substring(0, slash);
    String name = key.substring(slash + 1);
    ObjectNode object;
    try {
      JsonNode node = Json.mapper().readTree(kv.getValue().newInput());
      if (!(node instanceof ObjectNode o)) {
        throw new IOException("not a JSON object");
      }
      object = o;
    } catch (IOException e) {
      throw new IllegalStateException("etcd key " + kv.getKey().toStringUtf8() + " holds no JSON object: " + e.getMessage(), e);
    }
    return stamped(namespace, name, revision, object);
  }

  // ---- errors ----

  private static boolean isFutureRevision(StatusRuntimeException e) {
    return e.getStatus().getCode() == Status.Code.OUT_OF_RANGE && String.valueOf(e.getStatus().getDescription()).contains("future");
  }

  /** The storage error for a failed call: GONE for compacted revisions, UNAVAILABLE when etcd cannot be reached. */
  private StorageException failure(String what, StatusRuntimeException e) {
    Status status = e.getStatus();
    String description = String.valueOf(status.getDescription());
    switch (status.getCode()) {
      case OUT_OF_RANGE -> {
        if (description.contains("compacted")) {
          return new StorageException(StorageException.Reason.GONE, "etcd compacted the revision asked for: " + description, e);
        }
        throw new IllegalArgumentException("cannot " + what + ": etcd: " + description, e);
      }
      case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED, RESOURCE_EXHAUSTED, UNKNOWN, INTERNAL -> {
        StorageException f = new StorageException(StorageException.Reason.UNAVAILABLE,
            "cannot " + what + ": etcd at " + endpoints + " " + describe(status), e);
        resetBackoff(f);
        return f;
      }
      default -> throw new IllegalStateException("cannot " + what + ": etcd answered " + describe(status), e);
    }
  }

  private String describe(Status status) {
    return switch (status.getCode()) {
      case DEADLINE_EXCEEDED -> "did not answer within " + timeoutMillis + " ms";
      case UNAVAILABLE -> "is unavailable (" + status.getDescription() + ")";
      default -> status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
    };
  }

  /**
   * After a failure to reach etcd, reconnect on the next call instead of after gRPC's growing
   * backoff (up to two minutes), so service resumes as soon as etcd is back. At most once a second.
   */
  private void resetBackoff(StorageException e) {
    if (e.reason() != StorageException.Reason.UNAVAILABLE) {
      return;
    }
    long now = System.nanoTime();
    long last = lastBackoffReset.get();
    if (now - last > TimeUnit.SECONDS.toNanos(1) && lastBackoffReset.compareAndSet(last, now)) {
      channel.resetConnectBackoff();
    }
  }

  /** Configures an {@link EtcdStorage}. Not thread-safe; build on one thread. */
  public static final class Builder {
    private final List<URI> endpoints = new ArrayList<>();
    private String prefix = "/registry";
    private Duration requestTimeout = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /** Adds endpoints, such as {@code http://127.0.0.1:2379}; a comma-separated list is split. Plain HTTP only. */
    public Builder endpoints(String endpoints) {
      for (String e : endpoints.split(",")) {
        if (!e.isBlank()) {
          endpoint(URI.create(e.trim()));
        }
      }
      return this;
    }

    /** Adds one endpoint: {@code http://host:port}. */
    public Builder endpoint(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null || endpoint.getPort() < 0) {
        throw new IllegalArgumentException("etcd endpoint must look like http://host:port, got " + endpoint
            + (("https".equals(endpoint.getScheme())) ? " (TLS to etcd is not supported)" : ""));
      }
      endpoints.add(endpoint);
      return this;
    }

    /** The key prefix, {@code /registry} by default (as kube-apiserver's {@code --etcd-prefix}). */
    public Builder prefix(String prefix) {
      String p = EtcdKeys.normalize(Objects.requireNonNull(prefix, "prefix"));
      if (p.isEmpty()) {
        throw new IllegalArgumentException("etcd prefix must not be empty");
      }
      this.prefix = p;
      return this;
    }

    /** The deadline of every call to etcd; 5 s by default. */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("request timeout must be positive, got " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /** How long {@link #connect()} tries to reach etcd; 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("connect timeout must not be negative, got " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Connects and checks that etcd answers.
     *
     * @throws StorageException {@code UNAVAILABLE} naming the endpoints when etcd cannot be
     *     reached within the connect timeout
     */
    public EtcdStorage connect() {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("no etcd endpoint given");
      }
      EtcdStorage storage = new EtcdStorage(this);
      long deadline = System.nanoTime() + connectTimeout.toNanos();
      while (true) {
        try {
          long revision = storage.revision();
          LOG.info("etcd storage at {} under {}, revision {}", storage.endpoints, storage.prefix(), revision);
          return storage;
        } catch (StorageException e) {
          if (System.nanoTime() >= deadline) {
            storage.close();
            throw new StorageException(StorageException.Reason.UNAVAILABLE, "cannot reach etcd at " + storage.endpoints
                + " within " + connectTimeout.toMillis() + " ms: " + e.getMessage(), e);
          }
          try {
            Thread.sleep(200);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            storage.close();
            throw e;
          }
          storage.channel.resetConnectBackoff();
        }
      }
    }

    @Override
    public String toString() { return "EtcdStorage.Builder{" + endpoints + " " + prefix + "}"; }
  }
}
