package io.kubegen.runtime.cache;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/** What both {@link DeltaQueue}s share: the lock, the close flag, keys and the transform. */
abstract class AbstractDeltaQueue<T> implements DeltaQueue<T> {
  protected final ReentrantLock lock = new ReentrantLock();
  protected final Condition notEmpty = lock.newCondition();
  protected final KeyFunction<T> keyFunction;
  /** The objects already processed (the informer's indexer), or null. */
  protected final Store<T> knownObjects;
  private volatile UnaryOperator<T> transform = UnaryOperator.identity();
  protected boolean closed;
  /** Whether a first replace (or add) happened. */
  protected boolean populated;
  /** Deltas of the first list not yet popped. */
  protected int initialPopulationCount;

  AbstractDeltaQueue(KeyFunction<T> keyFunction, Store<T> knownObjects) {
    this.keyFunction = Objects.requireNonNull(keyFunction, "keyFunction");
    this.knownObjects = knownObjects;
  }

  @Override
  public void setTransform(UnaryOperator<T> transform) {
    this.transform = transform == null ? UnaryOperator.identity() : transform;
  }

  @SuppressWarnings("unchecked")
  protected String keyOf(Object obj) {
    if (obj instanceof DeletedFinalStateUnknown<?> d) {
      return d.key();
    }
    return keyFunction.key((T) obj);
  }

  /** Applies the transform, except to tombstones and sync deltas. */
  @SuppressWarnings("unchecked")
  protected Object transformed(DeltaType type, Object obj) {
    if (type == DeltaType.SYNC || obj instanceof DeletedFinalStateUnknown<?>) {
      return obj;
    }
    return transform.apply((T) obj);
  }

  @Override
  public void add(T obj) {
    lock.lock();
    try {
      populated = true;
      queueAction(DeltaType.ADDED, obj);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void update(T obj) {
    lock.lock();
    try {
      populated = true;
      queueAction(DeltaType.UPDATED, obj);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void delete(Object obj) {
    lock.lock();
    try {
      populated = true;
      String key = keyOf(obj);
      boolean known = knownObjects != null && knownObjects.getByKey(key).isPresent();
      if (!known && !hasQueued(key)) {
        // neither processed nor pending: nothing to delete (client-go drops it too)
        return;
      }
      queueAction(DeltaType.DELETED, obj);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean hasSynced() {
    lock.lock();
    try {
      return populated && initialPopulationCount == 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<T> get(T obj) {
    return getByKey(keyOf(obj));
  }

  /** The newest object of a delta list, unwrapped from its tombstone. */
  protected static <T> T newestObject(List<Delta<T>> deltas) {
    return deltas.isEmpty() ? null : deltas.get(deltas.size() - 1).unwrap();
  }

  /** Queues one delta; called with the lock held. */
  protected abstract void queueAction(DeltaType type, Object obj);

  /** Whether deltas for {@code key} are waiting; called with the lock held. */
  protected abstract boolean hasQueued(String key);
}
