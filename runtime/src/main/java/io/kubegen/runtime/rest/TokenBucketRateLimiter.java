package io.kubegen.runtime.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket, as client-go's {@code flowcontrol.NewTokenBucketRateLimiter}: the bucket holds
 * up to {@code burst} tokens, starts full and refills at {@code qps} tokens a second; each call
 * takes one. Callers that find it empty reserve a future token and wait for it, so waiters are
 * served in arrival order and the long-run rate never exceeds {@code qps}. A caller with a
 * deadline ({@link #tryAcquire(Duration)}) that would have to wait past it takes nothing and fails
 * at once; a caller interrupted while waiting gives its reserved token back.
 *
 * <p>Thread-safe: the bookkeeping is synchronized, the waiting happens outside the lock. Time comes
 * from a {@link Ticker} and waiting from a {@link Sleeper}, both injectable for tests.
 */
public final class TokenBucketRateLimiter implements RateLimiter {
  private final double qps;
  private final int burst;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  /** A bucket with real time. */
  public TokenBucketRateLimiter(double qps, int burst) {
    this(qps, burst, Ticker.SYSTEM, Sleeper.SYSTEM);
  }

  /** A bucket on the given clock and sleeper. */
  public TokenBucketRateLimiter(double qps, int burst, Ticker ticker, Sleeper sleeper) {
    if (!(qps > 0) || Double.isInfinite(qps)) {
      throw new IllegalArgumentException("qps must be a positive number: " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.tokens = burst;
    this.last = ticker.read();
  }

  /** The limiter {@code qps}/{@code burst} from a config ask for: unlimited when {@code qps} is not positive. */
  public static RateLimiter forConfig(double qps, int burst) {
    return qps > 0 ? new TokenBucketRateLimiter(qps, Math.max(1, burst)) : UNLIMITED;
  }

  @Override
  public void acquire() throws InterruptedException {
    waitFor(reserve());
  }

  @Override
  public boolean tryAcquire(Duration maxWait) throws InterruptedException {
    if (maxWait == null) {
      acquire();
      return true;
    }
    Duration wait = reserveWithin(maxWait);
    if (wait == null) {
      return false;
    }
    waitFor(wait);
    return true;
  }

  /** Waits for a reserved token; gives it back when the wait is interrupted. */
  private void waitFor(Duration wait) throws InterruptedException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      giveBack();
      throw e;
    }
  }

  @Override
  public synchronized boolean tryAcquire() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /**
   * Takes a token, possibly one that is not there yet, and says how long the caller must wait
   * before using it (zero when a token was free).
   */
  public synchronized Duration reserve() {
    refill();
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(-tokens / qps * 1e9));
  }

  /**
   * Like {@link #reserve()}, but takes the token only if the wait for it is at most
   * {@code maxWait}; null (taking nothing) otherwise.
   */
  synchronized Duration reserveWithin(Duration maxWait) {
    refill();
    double left = tokens - 1;
    Duration wait = left >= 0 ? Duration.ZERO : Duration.ofNanos(Math.round(-left / qps * 1e9));
    if (wait.compareTo(maxWait) > 0) {
      return null;
    }
    tokens = left;
    return wait;
  }

  /** Returns a token reserved by a caller that will not use it. */
  private synchronized void giveBack() {
    refill();
    tokens = Math.min(burst, tokens + 1);
  }

  /** The tokens free now (negative when callers are waiting for future ones). */
  public synchronized double availableTokens() {
    refill();
    return tokens;
  }

  private void refill() {
    long now = ticker.read();
    long elapsed = now - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * qps / 1e9);
      last = now;
    }
  }

  @Override
  public String toString() {
    return "TokenBucketRateLimiter{qps=" + qps + ", burst=" + burst + "}";
  }
}
