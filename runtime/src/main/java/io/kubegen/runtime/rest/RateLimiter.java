package io.kubegen.runtime.rest;

/** Client-side throttling of calls to the API server. Implementations are thread-safe. */
public interface RateLimiter {
  /** No throttling at all. */
  RateLimiter UNLIMITED = new RateLimiter() {
    @Override public void acquire() { }
    @Override public boolean tryAcquire() { return true; }
  };

  /** Blocks until the caller may make one call. */
  void acquire() throws InterruptedException;

  /** Takes a permit if one is free now, without waiting. */
  boolean tryAcquire();
}
