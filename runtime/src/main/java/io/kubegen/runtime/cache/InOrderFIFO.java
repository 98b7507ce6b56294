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
 * (client-go's RealFIFO, its default since "in-order informers"). The rules otherwise match
 * {@link DeltaFIFO}: {@link #replace} queues {@code REPLACED} for listed objects and
 * {@link DeletedFinalStateUnknown} deletions for every object that is known or pending and not in
 * the list; {@link #resync()} queues {@code SYNC} for known objects with nothing pending; a delete
 * of an object neither known nor pending is ignored. A {@link RequeueException} puts the delta
 * back at the head, so order is kept. Thread-safe; see {@link DeltaQueue}.
 *
 * @param <T> the object type
 */
public final class InOrderFIFO<T> extends AbstractDeltaQueue<T> {
  private final ArrayDeque<Keyed<T>> items = new ArrayDeque<>();
  /** key → number of deltas of the key waiting. */
  private final Map<String, Integer> pending = new HashMap<>();
  /** key → type of the key's newest waiting delta. */
  private final Map<String, DeltaType> newestType = new HashMap<>();

  /** A queue keyed by {@code keyFunction} over {@code knownObjects} (may be null). */
  public InOrderFIFO(KeyFunction<T> keyFunction, Store<T> knownObjects) {
    super(keyFunction, knownObjects);
  }

  @Override
  protected void queueAction(DeltaType type, Object obj) {
    String key = keyOf(obj);
    if (type == DeltaType.DELETED && newestType.get(key) == DeltaType.DELETED) {
      return; // consecutive deletes of one key collapse into the first
    }
    items.addLast(new Keyed<>(key, new Delta<>(type, transformed(type, obj))));
    pending.merge(key, 1, Integer::sum);
    newestType.put(key, type);
    notEmpty.signal();
  }

  @Override
  protected boolean hasQueued(String key) {
    return pending.containsKey(key);
  }

  @Override
  public void replace(List<T> objects, String resourceVersion) {
    lock.lock();
    try {
      // what the consumer will believe exists once everything queued so far is processed
      Map<String, T> present = new LinkedHashMap<>();
      if (knownObjects != null) {
        for (String key : knownObjects.listKeys()) {
          knownObjects.getByKey(key).ifPresent(o -> present.put(key, o));
        }
      }
      for (Keyed<T> item : items) {
        if (item.delta.type() == DeltaType.DELETED) {
          present.remove(item.key);
        } else {
          present.put(item.key, item.delta.unwrap());
        }
      }
      Set<String> keys = new HashSet<>(objects.size() * 2);
      for (T obj : objects) {
        keys.add(keyOf(obj));
        queueAction(DeltaType.REPLACED, obj);
      }
      for (Map.Entry<String, T> e : present.entrySet()) {
        if (!keys.contains(e.getKey())) {
          queueAction(DeltaType.DELETED, new DeletedFinalStateUnknown<>(e.getKey(), e.getValue()));
        }
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
      newestType.remove(item.key);
    }
    try {
      processor.process(List.of(item.delta), isInInitialList);
    } catch (RequeueException e) {
      items.addFirst(item);
      if (pending.merge(item.key, 1, Integer::sum) == 1) {
        newestType.put(item.key, item.delta.type());
      }
    }
  }

  @Override
  public List<T> list() {
    lock.lock();
    try {
      Map<String, T> newest = new LinkedHashMap<>();
      for (Keyed<T> item : items) {
        T obj = item.delta.unwrap();
        if (obj != null) {
          newest.put(item.key, obj);
        }
      }
      return new ArrayList<>(newest.values());
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
      T found = null;
      for (Keyed<T> item : items) {
        if (item.key.equals(key)) {
          found = item.delta.unwrap();
        }
      }
      return Optional.ofNullable(found);
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

  private record Keyed<T>(String key, Delta<T> delta) {}
}
