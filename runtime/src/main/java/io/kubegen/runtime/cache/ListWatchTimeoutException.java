package io.kubegen.runtime.cache;

import java.time.Duration;

/**
 * A list or watch call of a {@link Reflector} did not answer within its deadline
 * ({@link ReflectorOptions#callTimeout()}). The reflector has given up on it (the thread running
 * it was interrupted) and backs off before trying again.
 */
public final class ListWatchTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /** {@code what} (for example "list page 2") did not answer within {@code timeout}. */
  public ListWatchTimeoutException(String what, Duration timeout) {
    super(what + " did not answer within " + timeout.toMillis() + " ms; abandoned");
    this.timeout = timeout;
  }

  /** The deadline that passed. */
  public Duration timeout() {
    return timeout;
  }
}
