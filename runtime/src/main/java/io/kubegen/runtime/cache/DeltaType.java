package io.kubegen.runtime.cache;

/** What happened to an object, as recorded in a {@link Delta}. */
public enum DeltaType {
  /** A watch reported the object as added. */
  ADDED,
  /** A watch reported the object as modified. */
  UPDATED,
  /** The object was deleted; the delta's object may be a {@link DeletedFinalStateUnknown}. */
  DELETED,
  /** The object was in a (re)list. */
  REPLACED,
  /** A periodic resync re-delivered the cached object. */
  SYNC
}
