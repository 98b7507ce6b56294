package io.kubegen.runtime.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A queue that hands out every delta on its own, in arrival order, without per-key compaction
 * (client-go's RealFIFO, its default since "in-order informers"). The rules:
 * <ul>
 *   <li>{@link #replace} works as RealFIFO's {@code Replace}: first a {@code DELETED}
 *       {@link DeletedFinalStateUnknown} for every key that is pending (its newest delta not a
 *       delete) or known, and missing from the list (pending keys first, in the order they were
 *       queued, then known keys), then {@code REPLACED} for every listed object, in list
 *       order;</li>
 *   <li>{@link #resync()} queues {@code SYNC} for known objects with nothing pending;</li>
 *   <li>a delete of an object neither known nor pending is ignored;</li>
 *   <li>a delete of a key whose newest pending delta is a delete collapses into it: a tombstone
 *       pending there is replaced by the newer delete when that one carries the real final state
 *       (as client-go's dedupDeltas keeps the more informative delete), otherwise the newer delete
 *       is dropped;</li>
 *   <li>a {@link RequeueException} puts the delta back at the head, so order is kept.</li>
 * </ul>
 * Thread-safe; see {@link DeltaQueue}.
 *
 * @param <T> the object type
 */
public final class InOrderFIFO<T> extends AbstractDeltaQueue<T> {
  private final ArrayDeque<Keyed<T>> items = new ArrayDeque<>();
  /** key → number of deltas of the key waiting. */
  private final Map<String, Integer> pending = new HashMap<>();
  /** key → the key's newest waiting delta. */
  private final Map<String, Keyed<T>> newest = new HashMap<>();

  /** A queue keyed by {@code keyFunction} over {@code knownObjects} (may be null). */
  public InOrderFIFO(KeyFunction<T> keyFunction, Store<T> knownObjects) {
    super(keyFunction, knownObjects);
  }

  @Override
  protected void queueAction(DeltaType type, String key, Object obj) {
    Delta<T> delta = new Delta<>(type, obj);
    Keyed<T> last = newest.get(key);
    if (type == DeltaType.DELETED && last != null && last.delta.type() == DeltaType.DELETED) {
      if (last.delta.isFinalStateUnknown() && !delta.isFinalStateUnknown()) {
        last.delta = delta;
      }
      return;
    }
    Keyed<T> item = new Keyed<>(key, delta);
    items.addLast(item);
    pending.merge(key, 1, Integer::sum);
    newest.put(key, item);
    notEmpty.signal();
  }

  @Override
  protected boolean hasQueued(String key) {
    return pending.containsKey(key);
  }

  @Override
  public void replace(List<T> objects, String resourceVersion) {
    List<String> listKeys = keysOf(objects);
    List<T> transformed = transformedList(objects);
    lock.lock();
    try {
      Set<String> keys = new HashSet<>(listKeys);
      // pending keys, in the order first queued, with their newest delta
      Map<String, Keyed<T>> queued = new LinkedHashMap<>();
      for (Keyed<T> item : items) {
        queued.putIfAbsent(item.key, newest.get(item.key));
      }
      List<DeletedFinalStateUnknown<T>> deletions = new ArrayList<>();
      for (Map.Entry<String, Keyed<T>> e : queued.entrySet()) {
        Delta<T> last = e.getValue().delta;
        if (!keys.contains(e.getKey()) && last.type() != DeltaType.DELETED) {
          deletions.add(new DeletedFinalStateUnknown<>(e.getKey(), last.unwrap()));
        }
      }
      if (knownObjects != null) {
        for (String key : knownObjects.listKeys()) {
          if (!keys.contains(key) && !queued.containsKey(key)) {
            deletions.add(new DeletedFinalStateUnknown<>(key, knownObjects.getByKey(key).orElse(null)));
          }
        }
      }
      for (DeletedFinalStateUnknown<T> d : deletions) {
        queueAction(DeltaType.DELETED, d.key(), d);
      }
      for (int i = 0; i < objects.size(); i++) {
        queueAction(DeltaType.REPLACED, listKeys.get(i), transformed.get(i));
      }
      replaceQueued(items.size());
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected int queuedCount() {
    return items.size();
  }

  @Override
  protected void popNext(DeltaProcessor<T> processor, boolean isInInitialList) throws Exception {
    Keyed<T> item = items.pollFirst();
    if (pending.computeIfPresent(item.key, (k, n) -> n == 1 ? null : n - 1) == null) {
      newest.remove(item.key);
    }
    try {
      processor.process(List.of(item.delta), isInInitialList);
    } catch (RequeueException e) {
      items.addFirst(item);
      if (pending.merge(item.key, 1, Integer::sum) == 1) {
        newest.put(item.key, item);
      }
    }
  }

  @Override
  public List<T> list() {
    lock.lock();
    try {
      Map<String, T> newestObjects = new LinkedHashMap<>();
      for (Keyed<T> item : items) {
        T obj = item.delta.unwrap();
        if (obj != null) {
          newestObjects.put(item.key, obj);
        }
      }
      return new ArrayList<>(newestObjects.values());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<String> listKeys() {
    return locked(() -> new ArrayList<>(pending.keySet()));
  }

  @Override
  public Optional<T> getByKey(String key) {
    lock.lock();
    try {
      Keyed<T> item = newest.get(key);
      return item == null ? Optional.empty() : Optional.ofNullable(item.delta.unwrap());
    } finally {
      lock.unlock();
    }
  }

  /** The deltas waiting, oldest first (a copy). */
  public List<Delta<T>> deltas() {
    lock.lock();
    try {
      List<Delta<T>> out = new ArrayList<>(items.size());
      items.forEach(i -> out.add(i.delta));
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** One waiting delta and its key; the delta changes only when a tombstone gives way to a real delete. */
  private static final class Keyed<T> {
    final String key;
    Delta<T> delta;

    Keyed(String key, Delta<T> delta) {
      this.key = key;
      this.delta = delta;
    }
  }
}
