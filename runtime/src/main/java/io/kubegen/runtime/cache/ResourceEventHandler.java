package io.kubegen.runtime.cache;

/**
 * Receives the changes a {@link SharedIndexInformer} sees. Every method defaults to a no-op.
 *
 * <p>Each registered handler is called on its own delivery thread, one notification at a time, in
 * the order the informer processed them; a slow handler delays only itself. The objects passed
 * in are <b>shared</b> with the informer's cache and with every other handler: never mutate them
 * (copy with {@link Cache#copy} first). A handler that throws does not stop delivery: the
 * informer's exception handler is told and the next notification follows.
 *
 * @param <T> the object type
 */
public interface ResourceEventHandler<T> {

  /**
   * An object appeared in the cache.
   *
   * @param obj the object (shared, do not mutate)
   * @param isInInitialList whether it came with the first list (or, for a handler added to a
   *     running informer, with the replay of the cache's content)
   */
  default void onAdd(T obj, boolean isInInitialList) {}

  /**
   * An object changed, or a periodic resync re-delivered it (then {@code oldObj} and
   * {@code newObj} have the same resourceVersion).
   *
   * @param oldObj the previous cached state (shared, do not mutate)
   * @param newObj the new state (shared, do not mutate)
   */
  default void onUpdate(T oldObj, T newObj) {}

  /**
   * An object left the cache.
   *
   * @param obj its final state, or, when {@code finalStateUnknown}, the last state the cache had
   *     (the deletion was found on a relist, so later changes may have been missed)
   * @param finalStateUnknown whether the deletion was inferred from a relist
   */
  default void onDelete(T obj, boolean finalStateUnknown) {}
}
