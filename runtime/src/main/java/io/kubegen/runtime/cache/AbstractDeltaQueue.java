package io.kubegen.runtime.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What both {@link DeltaQueue}s share: the lock, the close flag, keys and the transform, the
 * add/update/delete and resync rules, and the waiting and initial-list bookkeeping of {@link #pop}.
 * Subclasses hold the waiting deltas and decide how they are queued and handed out; every abstract
 * method is called with {@link #lock} held.
 *
 * <p>The transform runs before anything is queued: when it throws, the call fails and the queue is
 * unchanged (for {@code replace}, none of the list is queued).
 */
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

  /** The keys of a list's objects, in order. */
  protected List<String> keysOf(List<T> objects) {
    List<String> out = new ArrayList<>(objects.size());
    for (T obj : objects) {
      out.add(keyOf(obj));
    }
    return out;
  }

  /** The objects of a list, transformed, in order; nothing is queued if the transform throws. */
  protected List<T> transformedList(List<T> objects) {
    List<T> out = new ArrayList<>(objects.size());
    for (T obj : objects) {
      @SuppressWarnings("unchecked")
      T t = (T) transformed(DeltaType.REPLACED, obj);
      out.add(t);
    }
    return out;
  }

  @Override
  public void add(T obj) {
    queueExplicitly(DeltaType.ADDED, obj);
  }

  @Override
  public void update(T obj) {
    queueExplicitly(DeltaType.UPDATED, obj);
  }

  /** An add or update from outside a list: the queue counts as populated from then on. */
  private void queueExplicitly(DeltaType type, T obj) {
    String key = keyOf(obj);
    Object value = transformed(type, obj);
    lock.lock();
    try {
      populated = true;
      queueAction(type, key, value);
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
      queueAction(DeltaType.DELETED, key, transformed(DeltaType.DELETED, obj));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void resync() {
    lock.lock();
    try {
      if (knownObjects == null) {
        return;
      }
      for (String key : knownObjects.listKeys()) {
        if (hasQueued(key)) {
          continue;
        }
        knownObjects.getByKey(key).ifPresent(o -> queueAction(DeltaType.SYNC, key, o));
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean pop(DeltaProcessor<T> processor) throws Exception {
    return popBurst(processor, 1);
  }

  /**
   * As {@link #pop}, then goes on popping what is already queued, up to {@code max} entries in
   * all, without letting go of the lock in between: each entry is processed exactly as one
   * {@code pop} would process it, but a burst costs one lock acquisition (and at most one wait) in
   * place of one per entry. Returns false if the queue was closed before anything was popped.
   * Stops early when the queue runs empty or is closed.
   */
  boolean popBurst(DeltaProcessor<T> processor, int max) throws Exception {
    lock.lock();
    try {
      while (queuedCount() == 0) {
        if (closed) {
          return false;
        }
        notEmpty.await();
      }
      int popped = 0;
      while (popped < max && !closed && queuedCount() > 0) {
        boolean isInInitialList = !(populated && initialPopulationCount == 0);
        if (initialPopulationCount > 0) {
          initialPopulationCount--;
        }
        popNext(processor, isInInitialList);
        popped++;
      }
      return popped > 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    return locked(this::queuedCount);
  }

  /**
   * After a replace queued {@code count} deltas or keys: the first replace makes them the initial
   * list that {@link #hasSynced()} waits for. Called with the lock held.
   */
  protected void replaceQueued(int count) {
    if (!populated) {
      populated = true;
      initialPopulationCount = count;
    }
  }

  /** Runs {@code body} with the lock held and returns what it returns. */
  protected final <R> R locked(Supplier<R> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean hasSynced() {
    return locked(() -> populated && initialPopulationCount == 0);
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
    return locked(() -> closed);
  }

  @Override
  public Optional<T> get(T obj) {
    return getByKey(keyOf(obj));
  }

  /** The newest object of a delta list, unwrapped from its tombstone. */
  protected static <T> T newestObject(List<Delta<T>> deltas) {
    return deltas.isEmpty() ? null : deltas.get(deltas.size() - 1).unwrap();
  }

  /** Queues one delta of {@code key} whose object is already transformed; called with the lock held. */
  protected abstract void queueAction(DeltaType type, String key, Object obj);

  /** Whether deltas for {@code key} are waiting; called with the lock held. */
  protected abstract boolean hasQueued(String key);

  /** How many entries {@link #pop} can hand out: keys or deltas; called with the lock held. */
  protected abstract int queuedCount();

  /**
   * Takes the oldest entry (there is one) and hands it to {@code processor}, putting it back if the
   * processor throws {@link RequeueException}; called with the lock held.
   */
  protected abstract void popNext(DeltaProcessor<T> processor, boolean isInInitialList) throws Exception;
}
