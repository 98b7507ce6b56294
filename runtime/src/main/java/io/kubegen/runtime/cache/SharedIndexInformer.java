package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A cache of one resource kept up to date by list and watch, with any number of handlers
 * (client-go's {@code SharedIndexInformer}). Build one with
 * {@link #create(ListWatch, Class, Duration, Map)} or {@link #builder(ListWatch, Class)}.
 *
 * <p>Threading: {@link #start()} starts a reflector thread (list + watch, plus a resync thread
 * when a resync period is set), a processing thread that applies each change to the
 * {@linkplain #getIndexer() indexer} and hands it to the handlers, and one delivery thread per
 * handler with an unbounded queue ({@link ResourceEventHandlerRegistration#pendingNotifications()}),
 * so a slow handler never blocks the others nor the reflector. {@link #stop()} stops them all and
 * joins them. Every method may be called from any thread.
 *
 * <p>Failures: no exception from a handler, the exception handler, the {@link WatchErrorHandler},
 * an index function, the transform or the server ends a thread: each is logged (or handed to its
 * handler) with the informer's name, and the informer goes on, backing off where it retries. An
 * {@link Error} (such as {@link OutOfMemoryError}) ends the thread it hits; the informer then
 * records it in {@link #lastError()}, reports itself neither synced nor {@linkplain #isRunning()
 * running}, and {@link Cache#waitForCacheSync} returns false for it at once.
 *
 * <p>Objects from {@link #getIndexer()} and given to handlers are shared: do not mutate them;
 * copy with {@link Cache#copy}.
 *
 * @param <T> the object type
 */
public interface SharedIndexInformer<T extends KubernetesObject> extends InformerSynced {

  /**
   * An informer over {@code listWatch} for objects of {@code type}; {@code resync} (zero or null
   * for none) is the default resync of handlers; {@code indexers} (may be empty) are added to the
   * built-in namespace index. This is what generated informers call.
   */
  static <T extends KubernetesObject> SharedIndexInformer<T> create(ListWatch<T> listWatch, Class<T> type,
      Duration resync, Map<String, IndexFunction<T>> indexers) {
    return builder(listWatch, type).resync(resync).indexers(indexers).build();
  }

  /** A builder for the less common options (FIFO mode, reflector tuning, name). */
  static <T extends KubernetesObject> SharedInformerBuilder<T> builder(ListWatch<T> listWatch, Class<T> type) {
    return new SharedInformerBuilder<>(listWatch, type);
  }

  /** Adds a handler with the informer's default resync period. See {@link #addEventHandler(ResourceEventHandler, Duration)}. */
  ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler);

  /**
   * Adds a handler that also gets {@code onUpdate(obj, obj)} for every cached object about every
   * {@code resyncPeriod} (zero: never; below one second: one second; below the informer's check
   * period once started: that period). Added to a running informer, the handler first gets the
   * cache's current content as {@code onAdd(obj, true)}, then the live changes, with nothing
   * missed or repeated.
   */
  ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler, Duration resyncPeriod);

  /** Removes a handler and stops its delivery thread (undelivered notifications are dropped). */
  void removeEventHandler(ResourceEventHandlerRegistration registration);

  /** The cache; objects in it are shared, do not mutate them. */
  Indexer<T> getIndexer();

  /** Same as {@link #getIndexer()}. */
  default Store<T> getStore() {
    return getIndexer();
  }

  /** Adds indexes to the cache (existing objects are indexed at once). */
  void addIndexers(Map<String, IndexFunction<T>> indexers);

  /**
   * Sets a function applied to each object before it is cached and delivered (for example to drop
   * managedFields and save memory). It may mutate and return its argument. Only before start.
   *
   * @throws IllegalStateException after {@link #start()}
   */
  void setTransform(UnaryOperator<T> transform);

  /** Sets the handler of list/watch errors (default: log). Only before start. */
  void setWatchErrorHandler(WatchErrorHandler handler);

  /**
   * Sets where this informer reports lists, watches and handled changes. Only before start.
   *
   * @throws IllegalStateException after {@link #start()}
   */
  void setMetrics(InformerMetrics metrics);

  /** Sets what happens when a handler throws (default: log at error level and go on). */
  void setExceptionHandler(BiConsumer<ResourceEventHandler<? super T>, Throwable> handler);

  /**
   * Starts the threads and returns at once.
   *
   * @throws IllegalStateException if already started or stopped
   */
  void start();

  /**
   * Starts (if not yet started) and blocks while the informer {@linkplain #isRunning() runs}: until
   * {@link #stop()} is called, one of its threads ends with an error ({@link #lastError()}), or the
   * calling thread is interrupted.
   */
  void run();

  /** Stops every thread of this informer and waits for them to end. Idempotent. */
  void stop();

  /** Whether {@link #start()} was called. */
  boolean isStarted();

  /** Whether {@link #stop()} was called. */
  boolean isStopped();

  /**
   * True once the first list has been fully processed into the cache, and until one of the
   * informer's threads ends with an error ({@link #lastError()}).
   */
  @Override
  boolean hasSynced();

  /** Started, not stopped, and every thread alive: no error has ended any of them. */
  boolean isRunning();

  /**
   * The error that ended one of the informer's threads (the most recent one if several did), or
   * empty while they all run. Exceptions the informer survives are logged, not recorded here.
   */
  Optional<Throwable> lastError();

  /** The resourceVersion the cache is at ("" before the first list). */
  String lastSyncResourceVersion();

  /** The object type. */
  Class<T> getApiType();
}
