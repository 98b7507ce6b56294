package io.kubegen.runtime.cache;

/** Thread helpers for the cache's stop paths. Stateless; any thread may call. */
final class Threads {
  private Threads() {}

  /**
   * Waits for {@code t} to end, unless it is null or the calling thread (which would wait for
   * itself). An interrupt while waiting does not end the wait; it is re-asserted afterwards.
   */
  static void joinUninterruptibly(Thread t) {
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
