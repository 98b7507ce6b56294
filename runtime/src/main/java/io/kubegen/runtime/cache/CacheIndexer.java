package io.kubegen.runtime.cache;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The standard {@link Indexer}: a {@link ThreadSafeStore} keyed by a {@link KeyFunction}. Create
 * one with {@link Cache#newIndexer}. Thread-safe; returned objects are shared.
 *
 * @param <T> the object type
 */
public final class CacheIndexer<T> implements Indexer<T> {
  private final KeyFunction<T> keyFunction;
  private final ThreadSafeStore<T> store;

  /** An empty indexer with {@code keyFunction} and the given indexes. */
  public CacheIndexer(KeyFunction<T> keyFunction, Map<String, IndexFunction<T>> indexers) {
    this.keyFunction = Objects.requireNonNull(keyFunction, "keyFunction");
    this.store = new ThreadSafeStore<>(indexers);
  }

  @Override
  public void add(T obj) {
    store.add(keyFunction.key(obj), obj);
  }

  @Override
  public void update(T obj) {
    store.update(keyFunction.key(obj), obj);
  }

  /**
   * Adds or updates {@code obj} and returns the object stored under its key before (null if
   * none): {@link #get} and {@link #update} in one step, for the informer's processing thread.
   */
  T put(T obj) {
    return store.put(keyFunction.key(obj), obj);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void delete(Object obj) {
    if (obj instanceof DeletedFinalStateUnknown<?> d) {
      store.delete(d.key());
    } else {
      store.delete(keyFunction.key((T) obj));
    }
  }

  @Override
  public List<T> list() {
    return store.list();
  }

  @Override
  public List<String> listKeys() {
    return store.listKeys();
  }

  @Override
  public Optional<T> get(T obj) {
    return store.get(keyFunction.key(obj));
  }

  @Override
  public Optional<T> getByKey(String key) {
    return store.get(key);
  }

  @Override
  public void replace(List<T> objects, String resourceVersion) {
    Map<String, T> items = new java.util.HashMap<>(objects.size() * 2);
    for (T obj : objects) {
      items.put(keyFunction.key(obj), obj);
    }
    store.replace(items);
  }

  @Override
  public void resync() {}

  @Override
  public List<T> index(String indexName, T obj) {
    return store.index(indexName, obj);
  }

  @Override
  public List<String> indexKeys(String indexName, String indexedValue) {
    return store.indexKeys(indexName, indexedValue);
  }

  @Override
  public List<String> listIndexFuncValues(String indexName) {
    return store.listIndexFuncValues(indexName);
  }

  @Override
  public List<T> byIndex(String indexName, String indexedValue) {
    return store.byIndex(indexName, indexedValue);
  }

  @Override
  public Map<String, IndexFunction<T>> getIndexers() {
    return store.getIndexers();
  }

  @Override
  public void addIndexers(Map<String, IndexFunction<T>> indexers) {
    store.addIndexers(indexers);
  }

  /** The number of stored objects. */
  public int size() {
    return store.size();
  }
}
