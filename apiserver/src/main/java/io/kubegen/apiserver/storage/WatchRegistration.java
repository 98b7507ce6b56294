package io.kubegen.apiserver.storage;

import java.util.List;

/**
 * A registered watcher. {@link #initial()} holds the objects the watch starts from when the
 * caller asked for the initial state (else it is empty); every event delivered afterwards has a
 * revision above {@link #startRevision()}. Closing stops delivery; it is idempotent and may be
 * called from any thread.
 */
public interface WatchRegistration extends AutoCloseable {
  /** The current objects when the initial state was asked for, else empty. */
  List<StoredObject> initial();

  /** Events after this revision follow. */
  long startRevision();

  /**
   * A revision such that every change of the watched resource at or below it has already been
   * handed to the sink: safe to put in a bookmark. Never below {@link #startRevision()}; it
   * moves with delivered events and, where the storage reports progress on quiet watches, past
   * them.
   */
  long progressRevision();

  @Override
  void close();
}
