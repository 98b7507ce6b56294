package io.kubegen.runtime.rest;

import java.time.Duration;

/** Client-side throttling of calls to the API server. Implementations are thread-safe. */
public interface RateLimiter {
  /** No throttling at all. */
  RateLimiter UNLIMITED = new RateLimiter() {
    @Override public void acquire() { }
    @Override public boolean tryAcquire() { return true; }
    @Override public boolean tryAcquire(Duration maxWait) { return true; }
  };

  /**
   * Blocks until the caller may make one call. A caller interrupted while waiting gets
   * {@link InterruptedException} and holds no permit.
   */
  void acquire() throws InterruptedException;

  /** Takes a permit if one is free now, without waiting. */
  boolean tryAcquire();

  /**
   * Takes a permit, waiting for it up to {@code maxWait}, as client-go's {@code Wait(ctx)}: when
   * no permit can be had within {@code maxWait} it returns false at once, without waiting and
   * without taking one. A caller interrupted while waiting gets {@link InterruptedException} and
   * holds no permit (it is given back). A null {@code maxWait} waits as long as it takes.
   *
   * <p>The default implementation takes a free permit or, with a bound, gives up at once;
   * limiters that know when the next permit comes override it.
   */
  default boolean tryAcquire(Duration maxWait) throws InterruptedException {
    if (maxWait == null) {
      acquire();
      return true;
    }
    return tryAcquire();
  }
}
