package io.kubegen.runtime.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A queue of per-key delta lists with client-go's DeltaFIFO rules:
 * <ul>
 *   <li>each key waits at most once; its deltas accumulate in order until it is popped;</li>
 *   <li>two consecutive {@code DELETED} deltas collapse into one (client-go's dedupDeltas): the
 *       newer one when the older is a {@link DeletedFinalStateUnknown} tombstone, else the older,
 *       so a delete carrying the real final state wins over a tombstone;</li>
 *   <li>{@link #replace} queues {@code REPLACED} for every listed object and a {@code DELETED}
 *       {@link DeletedFinalStateUnknown} for every known or queued key missing from the list;</li>
 *   <li>{@link #resync()} queues {@code SYNC} for every known object whose key has nothing queued;</li>
 *   <li>{@link #delete} of an object neither known nor queued is ignored;</li>
 *   <li>{@link #pop} hands a key's deltas to the processor exactly once, putting them back if it
 *       throws {@link RequeueException} and nothing newer arrived;</li>
 *   <li>{@link #hasSynced()} once everything queued by the first replace has been popped.</li>
 * </ul>
 * "Known" objects are those in {@code knownObjects} (the informer's indexer), which the consumer
 * updates as it processes deltas. Thread-safe; see {@link DeltaQueue}.
 *
 * @param <T> the object type
 */
public final class DeltaFIFO<T> extends AbstractDeltaQueue<T> {
  private final Map<String, List<Delta<T>>> items = new HashMap<>();
  private final ArrayDeque<String> queue = new ArrayDeque<>();

  /**
   * A queue keyed by {@code keyFunction}; {@code knownObjects} (may be null) is the store the
   * consumer keeps up to date, used for delete detection on replace and for resync.
   */
  public DeltaFIFO(KeyFunction<T> keyFunction, Store<T> knownObjects) {
    super(keyFunction, knownObjects);
  }

  @Override
  protected void queueAction(DeltaType type, String key, Object value) {
    List<Delta<T>> deltas = items.get(key);
    if (deltas == null) {
      deltas = new ArrayList<>(2);
      items.put(key, deltas);
      queue.addLast(key);
    }
    deltas.add(new Delta<>(type, value));
    collapseDuplicateDeletes(deltas);
    notEmpty.signal();
  }

  /** client-go's dedupDeltas / isDeletionDup: of two trailing deletes, keep the more informative. */
  private static <T> void collapseDuplicateDeletes(List<Delta<T>> deltas) {
    int n = deltas.size();
    if (n < 2) {
      return;
    }
    Delta<T> older = deltas.get(n - 2);
    Delta<T> newer = deltas.get(n - 1);
    if (older.type() == DeltaType.DELETED && newer.type() == DeltaType.DELETED) {
      deltas.remove(n - 1);
      if (older.isFinalStateUnknown()) {
        deltas.set(n - 2, newer);
      }
    }
  }

  @Override
  protected boolean hasQueued(String key) {
    return items.containsKey(key);
  }

  @Override
  public void replace(List<T> objects, String resourceVersion) {
    List<String> listKeys = keysOf(objects);
    List<T> transformed = transformedList(objects);
    lock.lock();
    try {
      Set<String> keys = new HashSet<>(listKeys);
      for (int i = 0; i < objects.size(); i++) {
        queueAction(DeltaType.REPLACED, listKeys.get(i), transformed.get(i));
      }
      int deletions = 0;
      // queued (not yet processed) objects missing from the new list
      for (Map.Entry<String, List<Delta<T>>> e : new ArrayList<>(items.entrySet())) {
        if (keys.contains(e.getKey())) {
          continue;
        }
        queueAction(DeltaType.DELETED, e.getKey(), new DeletedFinalStateUnknown<>(e.getKey(), newestObject(e.getValue())));
        deletions++;
      }
      // processed objects missing from the new list, with nothing queued
      if (knownObjects != null) {
        for (String key : knownObjects.listKeys()) {
          if (keys.contains(key) || items.containsKey(key)) {
            continue;
          }
          T last = knownObjects.getByKey(key).orElse(null);
          queueAction(DeltaType.DELETED, key, new DeletedFinalStateUnknown<>(key, last));
          deletions++;
        }
      }
      replaceQueued(keys.size() + deletions);
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected int queuedCount() {
    return queue.size();
  }

  @Override
  protected void popNext(DeltaProcessor<T> processor, boolean isInInitialList) throws Exception {
    String key = queue.pollFirst();
    List<Delta<T>> deltas = items.remove(key);
    try {
      processor.process(List.copyOf(deltas), isInInitialList);
    } catch (RequeueException e) {
      if (!items.containsKey(key)) {
        items.put(key, deltas);
        queue.addLast(key);
      }
    }
  }

  /** Queues {@code deltas} for their key unless the key already has deltas waiting. */
  public void addIfNotPresent(List<Delta<T>> deltas) {
    if (deltas.isEmpty()) {
      throw new IllegalArgumentException("no deltas");
    }
    lock.lock();
    try {
      populated = true;
      String key = keyOf(deltas.get(deltas.size() - 1).object());
      if (items.containsKey(key)) {
        return;
      }
      items.put(key, new ArrayList<>(deltas));
      queue.addLast(key);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /** The deltas waiting for {@code key} (a copy), empty if none. */
  public List<Delta<T>> deltasOf(String key) {
    return locked(() -> List.copyOf(items.getOrDefault(key, List.of())));
  }

  @Override
  public List<T> list() {
    lock.lock();
    try {
      List<T> out = new ArrayList<>(items.size());
      for (List<Delta<T>> deltas : items.values()) {
        T obj = newestObject(deltas);
        if (obj != null) {
          out.add(obj);
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<String> listKeys() {
    return locked(() -> new ArrayList<>(queue));
  }

  @Override
  public Optional<T> getByKey(String key) {
    lock.lock();
    try {
      List<Delta<T>> deltas = items.get(key);
      return deltas == null ? Optional.empty() : Optional.ofNullable(newestObject(deltas));
    } finally {
      lock.unlock();
    }
  }

}
