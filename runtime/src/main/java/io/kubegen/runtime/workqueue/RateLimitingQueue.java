package io.kubegen.runtime.workqueue;

/**
 * A {@link DelayingQueue} that delays re-queued items as its {@link RateLimiter} says: the usual
 * controller pattern is {@code addRateLimited(key)} when a sync fails and {@code forget(key)}
 * when it succeeds. Thread-safe like {@link WorkQueue}.
 *
 * @param <T> the item type
 */
public interface RateLimitingQueue<T> extends DelayingQueue<T> {

  /** A queue named {@code name} with {@link RateLimiter#defaultControllerRateLimiter()}. */
  static <T> RateLimitingQueue<T> create(String name) {
    return new BasicRateLimitingQueue<>(RateLimiter.defaultControllerRateLimiter(),
        QueueOptions.builder().name(name).build());
  }

  /** A queue with the given rate limiter and options. */
  static <T> RateLimitingQueue<T> create(RateLimiter<? super T> limiter, QueueOptions options) {
    return new BasicRateLimitingQueue<>(limiter, options);
  }

  /** Adds {@code item} after the delay the rate limiter gives for it. */
  void addRateLimited(T item);

  /** Tells the rate limiter to stop tracking {@code item} (its failures are forgotten). */
  void forget(T item);

  /** How many times {@code item} has been re-queued through the rate limiter. */
  int numRequeues(T item);
}
