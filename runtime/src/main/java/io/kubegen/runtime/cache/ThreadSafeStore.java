package io.kubegen.runtime.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A map from key to object with secondary indexes, behind one read-write lock: readers run in
 * parallel, a write (including the index updates it causes) is atomic. Callers supply the keys;
 * {@link Indexer} implementations wrap it with a {@link KeyFunction}.
 *
 * <p>Writes are all or nothing: every index value a write needs is computed before anything
 * changes, so an index function that throws leaves the objects and every index exactly as they
 * were, and the write fails with an {@link IndexFunctionException} naming the key and the index.
 * The next write of that key that the functions accept brings it up to date. A function that
 * returns null gives no values.
 *
 * <p>Thread-safe. Index functions run under the write lock and must not call back into the store.
 * Objects are stored and returned as they are (shared): callers must not mutate them.
 *
 * @param <T> the object type
 */
public final class ThreadSafeStore<T> {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, T> items = new HashMap<>();
  private final Map<String, IndexFunction<T>> indexers = new LinkedHashMap<>();
  /** index name → index value → keys. */
  private final Map<String, Map<String, Set<String>>> indices = new HashMap<>();

  /** An empty store with the given indexes. */
  public ThreadSafeStore(Map<String, IndexFunction<T>> indexers) {
    addIndexers(indexers);
  }

  /** Stores {@code obj} under {@code key}, replacing and re-indexing any previous object. */
  public void add(String key, T obj) {
    update(key, obj);
  }

  /**
   * Same as {@link #add}.
   *
   * @throws IndexFunctionException if an index function throws; nothing changed then
   */
  public void update(String key, T obj) {
    put(key, obj);
  }

  /**
   * Same as {@link #update}, and returns the object it replaced (null if none): one lookup for
   * a caller that needs both.
   *
   * @throws IndexFunctionException if an index function throws; nothing changed then
   */
  T put(String key, T obj) {
    lock.writeLock().lock();
    try {
      T old = items.get(key);
      List<IndexChange> changes = indexChanges(key, old, obj);
      items.put(key, obj);
      changes.forEach(c -> c.apply(key));
      return old;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes the object under {@code key}, if any.
   *
   * @throws IndexFunctionException if an index function throws on the stored object; nothing
   *     changed then
   */
  public void delete(String key) {
    lock.writeLock().lock();
    try {
      T old = items.get(key);
      if (old == null) {
        return;
      }
      List<IndexChange> changes = indexChanges(key, old, null);
      items.remove(key);
      changes.forEach(c -> c.apply(key));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The object under {@code key}. */
  public Optional<T> get(String key) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(items.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of every object. */
  public List<T> list() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(items.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of every key. */
  public List<String> listKeys() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(items.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The number of objects. */
  public int size() {
    lock.readLock().lock();
    try {
      return items.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Replaces the whole content with {@code newItems} (key → object) and rebuilds the indexes.
   *
   * @throws IndexFunctionException if an index function throws; nothing changed then
   */
  public void replace(Map<String, T> newItems) {
    lock.writeLock().lock();
    try {
      Map<String, Map<String, Set<String>>> rebuilt = new HashMap<>();
      for (Map.Entry<String, IndexFunction<T>> e : indexers.entrySet()) {
        rebuilt.put(e.getKey(), buildIndex(e.getKey(), e.getValue(), newItems));
      }
      items.clear();
      items.putAll(newItems);
      indices.clear();
      indices.putAll(rebuilt);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The objects sharing at least one value of index {@code indexName} with {@code obj}. */
  public List<T> index(String indexName, T obj) {
    lock.readLock().lock();
    try {
      IndexFunction<T> fn = indexer(indexName);
      Map<String, Set<String>> index = indices.get(indexName);
      Set<String> keys = new HashSet<>();
      for (String value : valuesOf(fn, indexName, null, obj)) {
        keys.addAll(index.getOrDefault(value, Set.of()));
      }
      return objectsOf(keys);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The objects under {@code indexedValue} of index {@code indexName}. */
  public List<T> byIndex(String indexName, String indexedValue) {
    lock.readLock().lock();
    try {
      indexer(indexName);
      return objectsOf(indices.get(indexName).getOrDefault(indexedValue, Set.of()));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The keys under {@code indexedValue} of index {@code indexName}. */
  public List<String> indexKeys(String indexName, String indexedValue) {
    lock.readLock().lock();
    try {
      indexer(indexName);
      return new ArrayList<>(indices.get(indexName).getOrDefault(indexedValue, Set.of()));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every value index {@code indexName} has. */
  public List<String> listIndexFuncValues(String indexName) {
    lock.readLock().lock();
    try {
      indexer(indexName);
      return new ArrayList<>(indices.get(indexName).keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of the registered index functions. */
  public Map<String, IndexFunction<T>> getIndexers() {
    lock.readLock().lock();
    try {
      return Map.copyOf(indexers);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Registers more indexes and indexes the existing objects with them; all or none of them.
   *
   * @throws IllegalArgumentException if a name is already registered
   * @throws IndexFunctionException if a new function throws on an existing object
   */
  public void addIndexers(Map<String, IndexFunction<T>> newIndexers) {
    lock.writeLock().lock();
    try {
      for (String name : newIndexers.keySet()) {
        if (indexers.containsKey(name)) {
          throw new IllegalArgumentException("index \"" + name + "\" is already registered");
        }
      }
      Map<String, Map<String, Set<String>>> built = new LinkedHashMap<>();
      for (Map.Entry<String, IndexFunction<T>> e : newIndexers.entrySet()) {
        built.put(e.getKey(), buildIndex(e.getKey(), e.getValue(), items));
      }
      indexers.putAll(newIndexers);
      indices.putAll(built);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private IndexFunction<T> indexer(String indexName) {
    IndexFunction<T> fn = indexers.get(indexName);
    if (fn == null) {
      throw new IllegalArgumentException("index \"" + indexName + "\" does not exist; registered: " + indexers.keySet());
    }
    return fn;
  }

  private List<T> objectsOf(Collection<String> keys) {
    List<T> out = new ArrayList<>(keys.size());
    for (String key : keys) {
      T obj = items.get(key);
      if (obj != null) {
        out.add(obj);
      }
    }
    return out;
  }

  private Map<String, Set<String>> buildIndex(String indexName, IndexFunction<T> fn, Map<String, T> objects) {
    Map<String, Set<String>> index = new HashMap<>();
    objects.forEach((key, obj) -> addToIndex(index, valuesOf(fn, indexName, key, obj), key));
    return index;
  }

  /** What a write of {@code key} from {@code oldObj} to {@code newObj} (null: absent) changes in the indexes. */
  private List<IndexChange> indexChanges(String key, T oldObj, T newObj) {
    List<IndexChange> changes = new ArrayList<>(indexers.size());
    for (Map.Entry<String, IndexFunction<T>> e : indexers.entrySet()) {
      String name = e.getKey();
      List<String> oldValues = oldObj == null ? List.of() : valuesOf(e.getValue(), name, key, oldObj);
      List<String> newValues = newObj == null ? List.of() : valuesOf(e.getValue(), name, key, newObj);
      if (!oldValues.equals(newValues)) {
        changes.add(new IndexChange(indices.get(name), oldValues, newValues));
      }
    }
    return changes;
  }

  private static <T> List<String> valuesOf(IndexFunction<T> fn, String indexName, String key, T obj) {
    List<String> values;
    try {
      values = fn.values(obj);
    } catch (RuntimeException e) {
      throw new IndexFunctionException(key, indexName, e);
    }
    return values == null ? List.of() : values;
  }

  /** One index's part of a write, computed before the write so that applying it cannot fail. */
  private record IndexChange(Map<String, Set<String>> index, List<String> oldValues, List<String> newValues) {
    void apply(String key) {
      for (String value : oldValues) {
        Set<String> keys = index.get(value);
        if (keys != null) {
          keys.remove(key);
          if (keys.isEmpty()) {
            index.remove(value);
          }
        }
      }
      addToIndex(index, newValues, key);
    }
  }

  private static void addToIndex(Map<String, Set<String>> index, List<String> values, String key) {
    for (String value : values) {
      index.computeIfAbsent(value, v -> new HashSet<>()).add(key);
    }
  }
}
