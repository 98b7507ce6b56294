package io.kubegen.runtime.cache;

import java.time.Duration;

/**
 * Hook through which informers and their reflectors report what they do, for exporting to a
 * metrics system ({@link io.kubegen.runtime.metrics.InformerMetricsRecorder} publishes them
 * through a {@link io.kubegen.runtime.metrics.MetricsProvider}). Set it with
 * {@link SharedInformerBuilder#metrics}, {@link SharedIndexInformer#setMetrics} or the factory
 * option {@code SharedInformerOption.metrics}.
 *
 * <p>Threading: {@link #recorderFor} is called once per informer, when it starts; the recorder is
 * then called from the informer's reflector and processing threads and must be thread-safe and
 * quick (the processing thread calls it while holding the delta queue's lock).
 */
@FunctionalInterface
public interface InformerMetrics {

  /** Records nothing. */
  InformerMetrics NONE = (name, informer) -> Recorder.NONE;

  /**
   * The recorder of the informer named {@code name} (the type's simple name unless the builder
   * named it); {@code informer} may be read for gauges (synced, last resourceVersion).
   */
  Recorder recorderFor(String name, SharedIndexInformer<?> informer);

  /** What one informer reports. Every method defaults to a no-op. */
  interface Recorder {
    /** Records nothing. */
    Recorder NONE = new Recorder() {};

    /**
     * A full list (all pages) finished with {@code items} objects in {@code duration};
     * {@code relist} is false for the reflector's first list and true for every later one
     * (after an expired resourceVersion or an error). Called before the list goes into the
     * store, so an informer that has synced has reported its first list.
     */
    default void listed(int items, Duration duration, boolean relist) {}

    /** A watch was opened. */
    default void watchStarted() {}

    /** A watch ended (normally, broken or stopped) after {@code duration}. */
    default void watchEnded(Duration duration) {}

    /** A change was applied to the cache and handed to the handlers. */
    default void handled(DeltaType type) {}
  }
}
