package io.kubegen.apiserver.storage;

/**
 * One committed change of one object, as watchers receive it.
 *
 * @param type what happened
 * @param object the object after the change; for {@link Type#DELETED} its last state, carrying
 *     the deletion's resourceVersion
 * @param previous the object before the change, or null for {@link Type#ADDED}
 */
public record StorageEvent(Type type, StoredObject object, StoredObject previous) {
  /** The kinds of change. */
  public enum Type { ADDED, MODIFIED, DELETED }

  /** The resourceVersion the change was committed at. */
  public long revision() { return object.revision(); }

  /** The storage key of the changed object. */
  public String key() { return object.key(); }
}
