package io.kubegen.runtime.cache;

/**
 * Thrown by a {@link DeltaProcessor} to ask the queue to keep the popped deltas for a later pop.
 */
public class RequeueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A requeue request caused by {@code cause} (may be null). */
  public RequeueException(String message, Throwable cause) {
    super(message, cause);
  }
}
