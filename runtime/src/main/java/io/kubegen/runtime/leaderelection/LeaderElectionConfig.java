package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * How a {@link LeaderElector} competes (client-go's {@code LeaderElectionConfig}). Immutable;
 * build with {@code LeaderElectionConfig.builder()}, which checks the timing rules:
 *
 * <ul>
 *   <li>{@code leaseDuration} (default 15 s): how long a candidate waits, after it last saw the
 *       lease change, before it takes the lease over; a whole number of seconds, because the
 *       Lease stores {@code leaseDurationSeconds};</li>
 *   <li>{@code renewDeadline} (default 10 s): how long the leader keeps trying to renew before
 *       it gives up leadership; must be shorter than {@code leaseDuration}, and the difference is
 *       the time the old leader has to stop working before a successor may start;</li>
 *   <li>{@code retryPeriod} (default 2 s): the pause between attempts (jittered by up to
 *       {@value LeaderElector#JITTER_FACTOR} times itself while acquiring); {@code renewDeadline}
 *       must be longer than {@code retryPeriod} × {@value LeaderElector#JITTER_FACTOR}.</li>
 * </ul>
 * All three must be positive. The defaults are kube-controller-manager's.
 */
public final class LeaderElectionConfig {
  private final ResourceLock lock;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final Duration retryPeriod;
  private final boolean releaseOnCancel;
  private final LeaderCallbacks callbacks;
  private final String name;
  private final Clock clock;
  private final java.time.Clock wallClock;
  private final Random random;

  private LeaderElectionConfig(Builder b) {
    this.lock = b.lock;
    this.leaseDuration = b.leaseDuration;
    this.renewDeadline = b.renewDeadline;
    this.retryPeriod = b.retryPeriod;
    this.releaseOnCancel = b.releaseOnCancel;
    this.callbacks = b.callbacks;
    this.name = b.name != null ? b.name : b.lock.describe();
    this.clock = b.clock;
    this.wallClock = b.wallClock;
    this.random = b.random;
  }

  /** A builder with the defaults; {@link Builder#lock} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The lock competed for. */
  public ResourceLock lock() { return lock; }

  /** How long candidates wait without seeing a change before taking the lock over. */
  public Duration leaseDuration() { return leaseDuration; }

  /** How long the leader keeps trying to renew before giving up. */
  public Duration renewDeadline() { return renewDeadline; }

  /** The pause between attempts. */
  public Duration retryPeriod() { return retryPeriod; }

  /** Whether closing the elector while leading releases the lock (so a successor need not wait). */
  public boolean releaseOnCancel() { return releaseOnCancel; }

  /** The callbacks. */
  public LeaderCallbacks callbacks() { return callbacks; }

  /** The name used in logs, thread names and metrics (default: the lock's description). */
  public String name() { return name; }

  /** The clock that times attempts and judges expiry. */
  public Clock clock() { return clock; }

  /** The clock whose time is written into the record (acquire and renew times). */
  public java.time.Clock wallClock() { return wallClock; }

  Random random() { return random; }

  @Override
  public String toString() {
    return "LeaderElectionConfig{" + name + ", identity=" + lock.identity() + ", leaseDuration=" + leaseDuration
        + ", renewDeadline=" + renewDeadline + ", retryPeriod=" + retryPeriod + ", releaseOnCancel=" + releaseOnCancel
        + "}";
  }

  /** Builder for {@link LeaderElectionConfig}; not thread-safe. */
  public static final class Builder {
    private ResourceLock lock;
    private Duration leaseDuration = Duration.ofSeconds(15);
    private Duration renewDeadline = Duration.ofSeconds(10);
    private Duration retryPeriod = Duration.ofSeconds(2);
    private boolean releaseOnCancel;
    private LeaderCallbacks callbacks = new LeaderCallbacks() {};
    private String name;
    private Clock clock = Clock.system();
    private java.time.Clock wallClock = java.time.Clock.systemUTC();
    private Random random = new Random();

    private Builder() {}

    /** The lock to compete for, usually {@link LeaseLock#create}. Required. */
    public Builder lock(ResourceLock lock) { this.lock = Objects.requireNonNull(lock, "lock"); return this; }

    /** See {@link LeaderElectionConfig#leaseDuration()}; default 15 s. */
    public Builder leaseDuration(Duration d) { this.leaseDuration = Objects.requireNonNull(d, "leaseDuration"); return this; }

    /** See {@link LeaderElectionConfig#renewDeadline()}; default 10 s. */
    public Builder renewDeadline(Duration d) { this.renewDeadline = Objects.requireNonNull(d, "renewDeadline"); return this; }

    /** See {@link LeaderElectionConfig#retryPeriod()}; default 2 s. */
    public Builder retryPeriod(Duration d) { this.retryPeriod = Objects.requireNonNull(d, "retryPeriod"); return this; }

    /**
     * Release the lock when the elector is closed while leading (default false, as client-go):
     * the lease is written with an empty holder and a one-second duration, so a successor takes
     * over at its next attempt. The release waits until {@code onStartedLeading} has returned.
     */
    public Builder releaseOnCancel(boolean release) { this.releaseOnCancel = release; return this; }

    /** The callbacks (default: none). */
    public Builder callbacks(LeaderCallbacks callbacks) { this.callbacks = Objects.requireNonNull(callbacks, "callbacks"); return this; }

    /** A name for logs, thread names and metrics (default: the lock's description). */
    public Builder name(String name) { this.name = Objects.requireNonNull(name, "name"); return this; }

    /** The clock that times attempts and judges expiry (default: the system's monotonic clock). */
    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

    /** The clock whose time is written into the record (default: the system clock, UTC). */
    public Builder wallClock(java.time.Clock wallClock) { this.wallClock = Objects.requireNonNull(wallClock, "wallClock"); return this; }

    /** The source of retry jitter; for tests. */
    Builder random(Random random) { this.random = Objects.requireNonNull(random, "random"); return this; }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException listing every broken rule
     * @throws IllegalStateException without a lock
     */
    public LeaderElectionConfig build() {
      if (lock == null) {
        throw new IllegalStateException("a lock is required: lock(LeaseLock.create(restClient, namespace, name, identity))");
      }
      List<String> problems = new ArrayList<>();
      positive(problems, "leaseDuration", leaseDuration);
      positive(problems, "renewDeadline", renewDeadline);
      positive(problems, "retryPeriod", retryPeriod);
      if (leaseDuration.toNanos() % 1_000_000_000L != 0) {
        problems.add("leaseDuration must be a whole number of seconds (a Lease stores leaseDurationSeconds), got "
            + leaseDuration);
      }
      if (leaseDuration.compareTo(renewDeadline) <= 0) {
        problems.add("leaseDuration (" + leaseDuration + ") must be greater than renewDeadline (" + renewDeadline + ")");
      }
      double jittered = LeaderElector.JITTER_FACTOR * retryPeriod.toNanos();
      if (renewDeadline.toNanos() <= jittered) {
        problems.add("renewDeadline (" + renewDeadline + ") must be greater than retryPeriod × "
            + LeaderElector.JITTER_FACTOR + " (" + Duration.ofNanos((long) jittered) + ")");
      }
      if (lock.identity() == null || lock.identity().isEmpty()) {
        problems.add("the lock's identity must not be empty");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid leader election configuration: " + String.join("; ", problems));
      }
      return new LeaderElectionConfig(this);
    }

    private static void positive(List<String> problems, String what, Duration d) {
      if (d.isZero() || d.isNegative()) {
        problems.add(what + " must be greater than zero, got " + d);
      }
    }
  }
}
