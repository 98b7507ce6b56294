package io.kubegen.apiserver.storage;

/**
 * A storage operation that could not be done; {@link #reason()} says why. Unchecked.
 */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why an operation failed. */
  public enum Reason {
    /** Create of a key that exists. */
    ALREADY_EXISTS,
    /** Update or delete of a key that does not exist. */
    NOT_FOUND,
    /** The object changed since the revision the caller expected. */
    CONFLICT,
    /** The requested revision is older than the history the storage keeps. */
    GONE,
    /**
     * The storage could not be reached or did not answer in time; nothing is known to have
     * changed. The API server answers 503 with {@code Retry-After}.
     */
    UNAVAILABLE
  }

  private final Reason reason;

  /** An exception with {@code reason} and {@code message}. */
  public StorageException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** An exception with {@code reason}, {@code message} and the {@code cause} behind it. */
  public StorageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the operation failed. */
  public Reason reason() { return reason; }
}
