package io.kubegen.apiserver.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * Where the embedded API server keeps objects. A resource is named by an opaque string (the
 * server uses {@code <plural>.<group>}); keys inside it are namespace and name.
 *
 * <p>Revisions come from one global, strictly increasing counter: every write takes the next
 * value and writes it into the object's {@code metadata.resourceVersion} before the object is
 * visible. Writes are atomic per object; updates and deletes compare the caller's expected
 * revision and fail with {@link StorageException.Reason#CONFLICT} when it moved.
 *
 * <p>Every method may also fail with {@link StorageException.Reason#UNAVAILABLE} when the
 * storage cannot be reached; nothing waits forever.
 *
 * <p>Implementations are thread-safe. Objects handed in become the storage's and must not be
 * touched by the caller afterwards; objects handed out are shared and must not be mutated.
 * The server-owned metadata besides {@code resourceVersion} (uid, creationTimestamp,
 * generation) is the caller's business, so every storage behaves the same.
 */
public interface Storage extends AutoCloseable {

  /** The latest revision given to any write. */
  long revision();

  /** The current version of an object, or null. */
  StoredObject get(String resource, String namespace, String name);

  /**
   * Stores a new object.
   *
   * @throws StorageException {@code ALREADY_EXISTS}
   */
  StoredObject create(String resource, String namespace, String name, ObjectNode object);

  /**
   * Replaces an object if its current revision is {@code expectedRevision}.
   *
   * @throws StorageException {@code NOT_FOUND} or {@code CONFLICT}
   */
  StoredObject update(String resource, String namespace, String name, long expectedRevision, ObjectNode object);

  /**
   * Deletes an object if its current revision is {@code expectedRevision} (0: any) and returns
   * its last state, carrying the deletion's revision.
   *
   * @throws StorageException {@code NOT_FOUND} or {@code CONFLICT}
   */
  StoredObject delete(String resource, String namespace, String name, long expectedRevision);

  /**
   * One page of the objects of {@code resource} (in {@code namespace}, or all when null) as
   * they were at {@code atRevision} (0: now), in key order, starting after {@code afterKey}
   * (null: from the start), with at most {@code limit} items (0: no limit) that pass
   * {@code filter}.
   *
   * @throws StorageException {@code GONE} when {@code atRevision} is older than the history kept
   */
  ListPage list(String resource, String namespace, long atRevision, String afterKey, int limit,
      Predicate<StoredObject> filter);

  /**
   * Registers {@code sink} for the changes of {@code resource} after {@code fromRevision}; the
   * changes already in history are replayed first. With {@code fromRevision < 0} the watch
   * starts now and, when {@code initialState}, the registration carries the current objects.
   * The sink must only enqueue, never block.
   *
   * @throws StorageException {@code GONE} when {@code fromRevision} is older than the history kept
   */
  WatchRegistration watch(String resource, long fromRevision, boolean initialState, WatchSink sink);

  /**
   * Lets the storage forget history below {@code revision}: afterwards lists and watches at
   * revisions below {@code revision - 1} fail with {@code GONE}. Lists and watches at
   * {@code revision} or later keep working. A no-op for revisions already compacted.
   */
  void compact(long revision);

  /** Releases resources; the storage is unusable afterwards. */
  @Override
  void close();
}
