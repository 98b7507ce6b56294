package io.kubegen.runtime.cache;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link Reflector}, with client-go's defaults: pages of 500, backoff from 0.8 s
 * doubling to 30 s with full jitter and a reset after 2 minutes without failures, watch
 * timeouts drawn between 5 and 10 minutes, the system clock; plus (beyond client-go) a deadline
 * of one minute on every list page and every watch request, and a consistent paged list
 * ({@link ListMode#CONSISTENT_PAGED}). Immutable; build with {@code ReflectorOptions.builder()}.
 */
public final class ReflectorOptions {
  private static final ReflectorOptions DEFAULTS = builder().build();

  private final long pageSize;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration backoffReset;
  private final double jitter;
  private final Duration minWatchTimeout;
  private final Duration callTimeout;
  private final Clock clock;
  private final ListMode listMode;

  private ReflectorOptions(Builder b) {
    this.pageSize = b.pageSize;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.backoffReset = b.backoffReset;
    this.jitter = b.jitter;
    this.minWatchTimeout = b.minWatchTimeout;
    this.callTimeout = b.callTimeout;
    this.clock = b.clock;
    this.listMode = b.listMode;
  }

  /** The defaults. */
  public static ReflectorOptions defaults() { return DEFAULTS; }

  /** A builder starting from the defaults. */
  public static Builder builder() { return new Builder(); }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.pageSize = pageSize;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.backoffReset = backoffReset;
    b.jitter = jitter;
    b.minWatchTimeout = minWatchTimeout;
    b.callTimeout = callTimeout;
    b.clock = clock;
    b.listMode = listMode;
    return b;
  }

  /** Items per list page; 0 lists everything in one call. */
  public long pageSize() { return pageSize; }
  public Duration initialBackoff() { return initialBackoff; }
  public Duration maxBackoff() { return maxBackoff; }
  /** Backoff starts over after this long without a failure. */
  public Duration backoffReset() { return backoffReset; }
  /** Random extra delay, as a fraction of the delay (1.0 = up to double). */
  public double jitter() { return jitter; }
  /** Watch requests ask the server to end them after a random time between this and twice this. */
  public Duration minWatchTimeout() { return minWatchTimeout; }

  /**
   * How long one list page, or the opening of a watch (until the server answers), may take
   * before the reflector abandons it and backs off; zero for no deadline. The stream of an open
   * watch is bounded by the {@code timeoutSeconds} it asked for instead.
   */
  public Duration callTimeout() { return callTimeout; }

  public Clock clock() { return clock; }

  /**
   * How the initial state is fetched. The default, {@link ListMode#CONSISTENT_PAGED}, is the only
   * mode that never hands the store a state older than the server's newest: after a restart, a
   * cache served list ({@link ListMode#CACHED}, client-go's default) may come from a server whose
   * cache lags behind, and the cache would go back in time. {@link ListMode#WATCH_LIST} is as
   * fresh and costs the server least memory, but needs a server that supports it (kube 1.27+ with
   * the WatchList feature, or the embedded server); it falls back otherwise.
   */
  public ListMode listMode() { return listMode; }

  /** Builder for {@link ReflectorOptions}. */
  public static final class Builder {
    private long pageSize = 500;
    private Duration initialBackoff = Duration.ofMillis(800);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration backoffReset = Duration.ofMinutes(2);
    private double jitter = 1.0;
    private Duration minWatchTimeout = Duration.ofMinutes(5);
    private Duration callTimeout = Duration.ofMinutes(1);
    private Clock clock = Clock.system();
    private ListMode listMode = ListMode.CONSISTENT_PAGED;

    private Builder() {}

    /** See {@link ReflectorOptions#listMode()}; default {@link ListMode#CONSISTENT_PAGED}. */
    public Builder listMode(ListMode listMode) {
      this.listMode = Objects.requireNonNull(listMode, "listMode");
      return this;
    }

    public Builder pageSize(long pageSize) {
      if (pageSize < 0) {
        throw new IllegalArgumentException("pageSize must not be negative: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder backoff(Duration initial, Duration max, Duration reset, double jitter) {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0) {
        throw new IllegalArgumentException("need 0 < initial <= max and jitter >= 0");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      this.backoffReset = Objects.requireNonNull(reset, "reset");
      this.jitter = jitter;
      return this;
    }

    public Builder minWatchTimeout(Duration minWatchTimeout) {
      if (minWatchTimeout.getSeconds() < 1) {
        throw new IllegalArgumentException("minWatchTimeout must be at least 1 second");
      }
      this.minWatchTimeout = minWatchTimeout;
      return this;
    }

    /** See {@link ReflectorOptions#callTimeout()}; default one minute, zero for none. */
    public Builder callTimeout(Duration callTimeout) {
      if (callTimeout == null || callTimeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout must be zero or positive: " + callTimeout);
      }
      this.callTimeout = callTimeout;
      return this;
    }

    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

    public ReflectorOptions build() { return new ReflectorOptions(this); }
  }
}
