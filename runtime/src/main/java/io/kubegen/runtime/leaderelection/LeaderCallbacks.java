package io.kubegen.runtime.leaderelection;

/**
 * What a {@link LeaderElector} tells its owner (client-go's {@code LeaderCallbacks}). Every method
 * defaults to a no-op; override the ones you need.
 *
 * <p>Threads: {@link #onStartedLeading(Leadership)} runs on a thread of its own
 * ({@code leader-election-<name>-leading}), so it may block for as long as it leads;
 * {@link #onNewLeader} runs on the elector's notification thread, one call at a time in the
 * order the changes were observed; {@link #onStoppedLeading} runs on the elector's thread.
 */
public interface LeaderCallbacks {

  /**
   * This candidate became the leader. Called by the default {@link #onStartedLeading(Leadership)};
   * override one of the two.
   */
  default void onStartedLeading() {}

  /**
   * This candidate became the leader; {@code leadership} tells when that ends
   * ({@link Leadership#isActive()}, {@link Leadership#awaitEnd}, {@link Leadership#onEnd}).
   *
   * <p>The usual shape: start the work, block until {@code leadership} ends, stop the work, then
   * return. With {@link LeaderElectionConfig#releaseOnCancel()} the elector releases the lease only
   * after this method has returned, so returning only once the work has stopped is what keeps
   * two leaders from ever working at the same time. The default calls {@link #onStartedLeading()}.
   */
  default void onStartedLeading(Leadership leadership) {
    onStartedLeading();
  }

  /**
   * This candidate stopped leading: it lost the lease or was closed, its
   * {@link #onStartedLeading(Leadership)} has returned (or was given up on after the lease
   * duration), and a release, if configured, has been attempted. Called only after a
   * {@code onStartedLeading} (unlike client-go, which also calls it when an elector that never
   * led stops).
   */
  default void onStoppedLeading() {}

  /**
   * The candidate observed a new holder of the lock: {@code identity} is the new holder, this
   * candidate's own identity when it acquired the lock, or {@code ""} when the holder released
   * it and nobody holds it yet. Also called for the first holder seen after start.
   */
  default void onNewLeader(String identity) {}
}
