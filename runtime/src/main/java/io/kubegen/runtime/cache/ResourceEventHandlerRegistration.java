package io.kubegen.runtime.cache;

/**
 * The handle of a handler added to a {@link SharedIndexInformer}: whether that handler has seen
 * the whole initial list, how far behind its delivery thread is, and the key to remove it.
 * Thread-safe.
 */
public interface ResourceEventHandlerRegistration extends InformerSynced {

  /**
   * True once the informer has synced and this handler has been called for every object of the
   * initial list (for a handler added later: for every object of the cache at that time).
   */
  @Override
  boolean hasSynced();

  /** Notifications queued for this handler and not yet delivered (its queue depth). */
  int pendingNotifications();

  /** Whether the handler was removed (or the informer stopped). */
  boolean isRemoved();
}
