package io.kubegen.benchmarks.informer;

/**
 * One Java client's shared informer on ConfigMaps in one namespace, behind a common face so the
 * harness can drive kubegen, fabric8 and client-java the same way. Handlers only count events.
 */
interface InformerClient extends AutoCloseable {

  /** The client's name in the report. */
  String name();

  /** Creates the informer with {@code handlers} counting handlers (each increments {@code counters[i]}), and starts it. */
  void start(String namespace, int handlers, java.util.concurrent.atomic.LongAdder[] counters) throws Exception;

  /** Whether the initial list is in the cache. */
  boolean hasSynced();

  /**
   * The object that holds the cached objects (the informer's indexer), while the informer runs:
   * the harness checks that it is collected after {@link #close()} before it measures the next
   * client's heap.
   */
  Object cache();

  /** Number of objects in the cache. */
  int cacheSize();

  @Override
  void close() throws Exception;
}
