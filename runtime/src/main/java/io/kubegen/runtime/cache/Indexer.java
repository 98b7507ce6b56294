package io.kubegen.runtime.cache;

import java.util.List;
import java.util.Map;

/**
 * A {@link Store} with named secondary indexes. An index is an {@link IndexFunction} that maps an
 * object to zero or more index values; {@link #byIndex} returns the objects under a value. Indexes
 * are updated atomically with the store, so a lookup never sees an object under a stale value.
 * A write is all or nothing: when an index function throws, {@code add}, {@code update},
 * {@code delete} and {@code replace} fail with an {@link IndexFunctionException} (naming the key
 * and the index) and leave the store and every index as they were. Every indexer made by {@link Cache#newIndexer} has the namespace index
 * {@link Cache#NAMESPACE_INDEX}.
 *
 * <p>Objects returned are shared with the cache: do not mutate them. Thread-safe.
 *
 * @param <T> the object type
 */
public interface Indexer<T> extends Store<T> {

  /** The objects that share at least one value of index {@code indexName} with {@code obj}. */
  List<T> index(String indexName, T obj);

  /** The keys of the objects whose index {@code indexName} has {@code indexedValue}. */
  List<String> indexKeys(String indexName, String indexedValue);

  /** Every value index {@code indexName} currently has. */
  List<String> listIndexFuncValues(String indexName);

  /** The objects whose index {@code indexName} has {@code indexedValue}. */
  List<T> byIndex(String indexName, String indexedValue);

  /** The registered index functions by name. */
  Map<String, IndexFunction<T>> getIndexers();

  /**
   * Registers more indexes; existing objects are indexed at once. All or none are added.
   *
   * @throws IllegalArgumentException if a name is already registered
   * @throws IndexFunctionException if a new index function throws on an existing object
   */
  void addIndexers(Map<String, IndexFunction<T>> indexers);
}
