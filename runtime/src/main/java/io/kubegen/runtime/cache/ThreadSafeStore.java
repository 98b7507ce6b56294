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

  /** Same as {@link #add}. */
  public void update(String key, T obj) {
    lock.writeLock().lock();
    try {
      T old = items.put(key, obj);
      updateIndices(old, obj, key);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the object under {@code key}, if any. */
  public void delete(String key) {
    lock.writeLock().lock();
    try {
      T old = items.remove(key);
      if (old != null) {
        updateIndices(old, null, key);
      }
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

  /** Replaces the whole content with {@code newItems} (key → object) and rebuilds the indexes. */
  public void replace(Map<String, T> newItems) {
    lock.writeLock().lock();
    try {
      items.clear();
      items.putAll(newItems);
      rebuildIndices();
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
      for (String value : fn.values(obj)) {
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
   * Registers more indexes and indexes the existing objects with them.
   *
   * @throws IllegalArgumentException if a name is already registered
   */
  public void addIndexers(Map<String, IndexFunction<T>> newIndexers) {
    lock.writeLock().lock();
    try {
      for (String name : newIndexers.keySet()) {
        if (indexers.containsKey(name)) {
          throw new IllegalArgumentException("index \"" + name + "\" is already registered");
        }
      }
      for (Map.Entry<String, IndexFunction<T>> e : newIndexers.entrySet()) {
        indexers.put(e.getKey(), e.getValue());
        Map<String, Set<String>> index = new HashMap<>();
        indices.put(e.getKey(), index);
        items.forEach((key, obj) -> addToIndex(index, e.getValue().values(obj), key));
      }
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

  private void rebuildIndices() {
    for (Map.Entry<String, IndexFunction<T>> e : indexers.entrySet()) {
      Map<String, Set<String>> index = new HashMap<>();
      indices.put(e.getKey(), index);
      items.forEach((key, obj) -> addToIndex(index, e.getValue().values(obj), key));
    }
  }

  private void updateIndices(T oldObj, T newObj, String key) {
    for (Map.Entry<String, IndexFunction<T>> e : indexers.entrySet()) {
      List<String> oldValues = oldObj == null ? List.of() : e.getValue().values(oldObj);
      List<String> newValues = newObj == null ? List.of() : e.getValue().values(newObj);
      if (oldValues.equals(newValues)) {
        continue;
      }
      Map<String, Set<String>> index = indices.get(e.getKey());
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
