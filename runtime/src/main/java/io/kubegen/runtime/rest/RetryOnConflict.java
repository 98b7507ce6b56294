package io.kubegen.runtime.rest;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a read-modify-write function again when it fails with a 409 Conflict, as client-go's
 * {@code retry.RetryOnConflict}: the function should get the latest object, change it and
 * update it. Other failures end at once; after the last attempt the last conflict is thrown.
 * Stateless and thread-safe; the function runs on the calling thread.
 */
public final class RetryOnConflict {
  private RetryOnConflict() {}

  /** Runs {@code update} with {@link Backoff#DEFAULT_RETRY}. */
  public static void retryOnConflict(Runnable update) {
    retryOnConflict(Backoff.DEFAULT_RETRY, update);
  }

  /** Runs {@code update} with {@link Backoff#DEFAULT_RETRY} and returns its result. */
  public static <T> T retryOnConflict(Supplier<T> update) {
    return retryOnConflict(Backoff.DEFAULT_RETRY, update);
  }

  /** Runs {@code update}, retrying on conflicts as {@code backoff} says. */
  public static void retryOnConflict(Backoff backoff, Runnable update) {
    Objects.requireNonNull(update, "update");
    retryOnConflict(backoff, () -> {
      update.run();
      return null;
    });
  }

  /** Runs {@code update}, retrying on conflicts as {@code backoff} says, and returns its result. */
  public static <T> T retryOnConflict(Backoff backoff, Supplier<T> update) {
    return onError(backoff, e -> e instanceof KubeApiException k && k.isConflict(), update, Sleeper.SYSTEM);
  }

  /**
   * Runs {@code update}, retrying while it throws an exception {@code retriable} accepts, as
   * client-go's {@code retry.OnError}; {@code sleeper} does the waiting.
   */
  public static <T> T onError(Backoff backoff, Predicate<RuntimeException> retriable, Supplier<T> update,
      Sleeper sleeper) {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(retriable, "retriable");
    Objects.requireNonNull(update, "update");
    for (int attempt = 0; ; attempt++) {
      try {
        return update.get();
      } catch (RuntimeException e) {
        if (!retriable.test(e) || attempt + 1 >= backoff.steps()) {
          throw e;
        }
      }
      try {
        sleeper.sleep(backoff.jitteredDelayBeforeRetry(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KubeClientException("interrupted while waiting to retry after a conflict", e);
      }
    }
  }
}
