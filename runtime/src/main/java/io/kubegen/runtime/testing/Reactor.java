package io.kubegen.runtime.testing;

/**
 * Reacts to the actions of fake clients, like client-go's {@code testing.ReactionFunc}: return
 * {@link Reaction#handled(Object)} to answer the call, {@link Reaction#pass()} to let the next
 * reactor and finally the tracker's default behaviour answer it, or throw (for instance a
 * {@code KubeApiException}) to fail it. Called on the calling thread, outside the tracker's lock, so concurrent
 * calls may run a reactor concurrently.
 */
@FunctionalInterface
public interface Reactor {

  /** Reacts to {@code action}. */
  Reaction react(Action action);
}
