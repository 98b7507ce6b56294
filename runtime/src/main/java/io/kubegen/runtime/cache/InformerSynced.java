package io.kubegen.runtime.cache;

/**
 * Something that can tell whether its cache has synced: a {@link SharedIndexInformer}, a
 * {@link ResourceEventHandlerRegistration}, or a lambda. Used by {@link Cache#waitForCacheSync}.
 */
@FunctionalInterface
public interface InformerSynced {

  /** Whether the initial list has been fully delivered. Thread-safe, cheap, never blocks. */
  boolean hasSynced();
}
