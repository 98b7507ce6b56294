package io.kubegen.apiserver.storage;

import java.util.function.Consumer;

/**
 * Receives the changes a {@link Storage#watch} delivers. Called on the storage's own threads
 * (a writer's, or a client library's): implementations only enqueue, never block.
 */
@FunctionalInterface
public interface WatchSink extends Consumer<StorageEvent> {
  /**
   * The watch ended on the storage's side and delivers nothing more: {@code why} says
   * {@link StorageException.Reason#GONE} when the history it was replaying was compacted away,
   * {@link StorageException.Reason#UNAVAILABLE} when the storage could not be reached. The
   * watcher starts a new watch from the last revision it saw. Called at most once.
   */
  default void ended(StorageException why) {}
}
