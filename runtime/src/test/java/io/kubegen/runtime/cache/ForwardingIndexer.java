package io.kubegen.runtime.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helper: an {@link Indexer} that forwards every call, for tests that override one method. */
class ForwardingIndexer implements Indexer<Thing> {
  private final Indexer<Thing> delegate;

  ForwardingIndexer(Indexer<Thing> delegate) {
    this.delegate = delegate;
  }

  @Override public void add(Thing obj) { delegate.add(obj); }
  @Override public void update(Thing obj) { delegate.update(obj); }
  @Override public void delete(Object obj) { delegate.delete(obj); }
  @Override public List<Thing> list() { return delegate.list(); }
  @Override public List<String> listKeys() { return delegate.listKeys(); }
  @Override public Optional<Thing> get(Thing obj) { return delegate.get(obj); }
  @Override public Optional<Thing> getByKey(String key) { return delegate.getByKey(key); }
  @Override public void replace(List<Thing> objects, String resourceVersion) { delegate.replace(objects, resourceVersion); }
  @Override public void resync() { delegate.resync(); }
  @Override public List<Thing> index(String indexName, Thing obj) { return delegate.index(indexName, obj); }
  @Override public List<String> indexKeys(String indexName, String value) { return delegate.indexKeys(indexName, value); }
  @Override public List<String> listIndexFuncValues(String indexName) { return delegate.listIndexFuncValues(indexName); }
  @Override public List<Thing> byIndex(String indexName, String value) { return delegate.byIndex(indexName, value); }
  @Override public Map<String, IndexFunction<Thing>> getIndexers() { return delegate.getIndexers(); }
  @Override public void addIndexers(Map<String, IndexFunction<Thing>> indexers) { delegate.addIndexers(indexers); }
}
