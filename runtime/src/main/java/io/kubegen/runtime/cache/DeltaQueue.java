package io.kubegen.runtime.cache;

import java.util.function.UnaryOperator;

/**
 * The queue between a {@link Reflector} (producer, through the {@link Store} methods) and an
 * informer's processing thread (consumer, through {@link #pop}). Two implementations, selected by
 * {@link FifoMode}: {@link DeltaFIFO} (per-key compaction, client-go's classic DeltaFIFO) and
 * {@link InOrderFIFO} (every delta in arrival order, client-go's RealFIFO).
 *
 * <p>{@link Store#list()} and {@link Store#get} return the newest queued object per key.
 * Thread-safe: producers and the consumer may call concurrently; {@code pop} runs the processor
 * while holding the queue's lock, so the processor must be quick and must not call the queue.
 *
 * @param <T> the object type
 */
public interface DeltaQueue<T> extends Store<T> {

  /**
   * Blocks until deltas are queued, takes them off and hands them to {@code processor}.
   *
   * @return false, without calling the processor, once the queue is closed
   * @throws Exception whatever the processor threw other than {@link RequeueException}
   */
  boolean pop(DeltaProcessor<T> processor) throws Exception;

  /** True once the deltas of the first {@link #replace} (or the first explicit add) were all popped. */
  boolean hasSynced();

  /** The number of keys (compacting mode) or deltas (in-order mode) waiting. */
  int size();

  /** Sets a function applied to every object entering the queue (not to tombstones or syncs). */
  void setTransform(UnaryOperator<T> transform);

  /** Closes the queue: pending and future {@code pop}s return false. */
  void close();

  /** Whether {@link #close()} was called. */
  boolean isClosed();
}
