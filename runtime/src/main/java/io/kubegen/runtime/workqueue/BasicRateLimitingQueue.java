package io.kubegen.runtime.workqueue;

/** The {@link RateLimitingQueue} implementation: a delaying queue plus a {@link RateLimiter}. */
class BasicRateLimitingQueue<T> extends BasicDelayingQueue<T> implements RateLimitingQueue<T> {
  private final RateLimiter<? super T> limiter;

  BasicRateLimitingQueue(RateLimiter<? super T> limiter, QueueOptions options) {
    super(options);
    this.limiter = java.util.Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  public void addRateLimited(T item) {
    if (isShuttingDown()) {
      return;
    }
    metrics.retried(name);
    addAfter(item, limiter.when(item));
  }

  @Override
  public void forget(T item) {
    limiter.forget(item);
  }

  @Override
  public int numRequeues(T item) {
    return limiter.numRequeues(item);
  }
}
