package io.kubegen.runtime.testing;

/**
 * What a {@link Reactor} did with an action: passed it on, or handled it with a result (the
 * object, list, watch or null the fake client returns). To fail the call, a reactor throws,
 * usually a {@code KubeApiException}.
 *
 * @param handled whether the reactor handled the action
 * @param result the result when handled
 */
public record Reaction(boolean handled, Object result) {
  private static final Reaction PASS = new Reaction(false, null);

  /** Not handled: the next reactor, and finally the tracker, sees the action. */
  public static Reaction pass() {
    return PASS;
  }

  /** Handled with {@code result}. */
  public static Reaction handled(Object result) {
    return new Reaction(true, result);
  }
}
