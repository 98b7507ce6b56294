package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election over a {@link ResourceLock}, with client-go's semantics
 * ({@code tools/leaderelection}):
 *
 * <ul>
 *   <li>A candidate takes the lock when it does not exist, is not held (empty holder), or has not
 *       changed for the record's {@code leaseDurationSeconds} as measured by the candidate's own
 *       clock from the moment it last saw the record change. Clocks of different machines are
 *       never compared; the times in the record are informational.</li>
 *   <li>Acquiring retries every {@code retryPeriod} plus up to {@value #JITTER_FACTOR} times that
 *       at random, so candidates do not move in lockstep.</li>
 *   <li>The leader renews every {@code retryPeriod}; when renewing fails (errors, conflicts,
 *       someone else's valid lease) for {@code renewDeadline}, it gives leadership up.</li>
 *   <li>Every write carries the lock object's version (optimistic concurrency): of several
 *       candidates writing at once, exactly one succeeds. {@code leaderTransitions} grows by one
 *       whenever the holder changes; {@code acquireTime} is kept while the holder renews.</li>
 *   <li>With {@code releaseOnCancel}, when leadership ends (close or loss) and
 *       {@code onStartedLeading} has returned, a lock still naming this candidate is written with
 *       an empty holder and a one-second duration, so a successor takes over at its next try.</li>
 * </ul>
 *
 * <p>Use: {@code LeaderElector.create(config)}, then {@link #run()} (blocks while it campaigns
 * and leads; returns when leadership is lost or the elector is closed) or {@link #start()} (the
 * same on a thread {@code leader-election-<name>}), and {@link #close()} to stop. An elector runs
 * once; to campaign again after losing, create a new one.
 *
 * <p>Threading: {@link #run()} / {@link #start()} once; {@link #close()}, {@link #isLeader()},
 * {@link #leader()}, {@link #check(Duration)} from any thread. The lock is used only by the
 * elector's thread. Callbacks run as described on {@link LeaderCallbacks}.
 */
public final class LeaderElector implements AutoCloseable {
  /** How much random extra time, as a multiple of {@code retryPeriod}, an acquire retry may wait. */
  public static final double JITTER_FACTOR = 1.2;

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElector.class);
  private static final Duration MIN_CALL_TIMEOUT = Duration.ofMillis(1);

  private enum State { NEW, RUNNING, FINISHED }

  private final LeaderElectionConfig config;
  private final ResourceLock lock;
  private final String identity;
  private final Clock clock;
  private final ClockSleeper sleeper;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Object observedLock = new Object();
  private LeaderElectionRecord observedRecord;
  private long observedNanos;
  private String reportedLeader = "";
  private ExecutorService notifier;
  private volatile boolean closing;
  private volatile boolean abandoned;
  private volatile boolean leading;
  private volatile Thread runThread;
  private volatile Thread leadingThread;

  private LeaderElector(LeaderElectionConfig config) {
    this.config = config;
    this.lock = config.lock();
    this.identity = lock.identity();
    this.clock = config.clock();
    this.sleeper = new ClockSleeper(clock);
  }

  /** An elector for {@code config}; nothing happens until {@link #run()} or {@link #start()}. */
  public static LeaderElector create(LeaderElectionConfig config) {
    return new LeaderElector(Objects.requireNonNull(config, "config"));
  }

  /**
   * Campaigns until this candidate leads, then renews until leadership is lost or the elector is
   * closed; returns then (after the release and {@code onStoppedLeading}, see
   * {@link LeaderCallbacks}). Returns at once when closed before.
   *
   * @throws IllegalStateException when this elector ran before
   */
  public void run() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("leader elector " + config.name() + " runs only once");
    }
    runElection();
  }

  /**
   * Runs {@link #run()} on a new daemon thread {@code leader-election-<name>} and returns.
   *
   * @throws IllegalStateException when this elector ran before
   */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("leader elector " + config.name() + " runs only once");
    }
    Thread t = new Thread(this::runElection, "leader-election-" + config.name());
    t.setDaemon(true);
    t.start();
  }

  /** Whether this candidate leads now (it acquired the lock and has not given leadership up). */
  public boolean isLeader() {
    return leading;
  }

  /** The holder last observed, empty before the first observation or while nobody holds the lock. */
  public Optional<String> leader() {
    synchronized (observedLock) {
      return observedRecord == null || !observedRecord.isHeld() ? Optional.empty()
          : Optional.of(observedRecord.holderIdentity());
    }
  }

  /** The identity this elector competes as. */
  public String identity() {
    return identity;
  }

  /** The configuration. */
  public LeaderElectionConfig config() {
    return config;
  }

  /** Whether {@link #run()} is going on (campaigning or leading). */
  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  /** Whether {@link #run()} has returned (leadership lost, or closed). */
  public boolean isStopped() {
    return state.get() == State.FINISHED;
  }

  /**
   * Health check for a liveness endpoint (client-go's {@code HealthzAdaptor}): false only when
   * this candidate leads but has not renewed for longer than the lease duration plus
   * {@code maxTolerableExpiredLease}, that is, it should have given up leadership and has not.
   */
  public boolean check(Duration maxTolerableExpiredLease) {
    if (!leading) {
      return true;
    }
    synchronized (observedLock) {
      long since = clock.nanoTime() - observedNanos;
      return since <= config.leaseDuration().plus(maxTolerableExpiredLease).toNanos();
    }
  }

  /**
   * Waits up to {@code timeout} for {@link #run()} to return.
   *
   * @return true if it returned (or never started)
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return state.get() == State.NEW || finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Stops campaigning or leading and waits until {@link #run()} has returned (so the lock is
   * released, with {@code releaseOnCancel}, before this returns), at most the lease duration
   * plus twice the renew deadline. Called from a callback, it does not wait. Idempotent.
   */
  @Override
  public void close() {
    closing = true;
    sleeper.stop();
    Thread current = Thread.currentThread();
    if (state.get() != State.RUNNING || current == runThread || current == leadingThread) {
      return;
    }
    Duration bound = config.leaseDuration().plus(config.renewDeadline().multipliedBy(2)).plusSeconds(1);
    try {
      if (!finished.await(bound.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("leader election {}: still running {} after close()", config.name(), bound);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "LeaderElector{" + config.name() + ", identity=" + identity + ", leading=" + leading + "}";
  }

  /** How many pauses the elector has begun; tests move a fake clock once it sleeps. */
  ClockSleeper sleeper() {
    return sleeper;
  }

  private void runElection() {
    runThread = Thread.currentThread();
    notifier = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "leader-election-" + config.name() + "-notify");
      t.setDaemon(true);
      return t;
    });
    try {
      if (acquire()) {
        lead();
      }
    } catch (RuntimeException | Error e) {
      LOG.error("leader election {} failed", config.name(), e);
      throw e;
    } finally {
      leading = false;
      notifier.shutdown();
      state.set(State.FINISHED);
      finished.countDown();
    }
  }

  /** Tries until the lock is ours (true) or the elector is closed (false). */
  private boolean acquire() {
    LOG.info("{} attempting to acquire leader lease {}", identity, lock.describe());
    while (!closing) {
      boolean acquired = tryAcquireOrRenew(clock.nanoTime() + config.renewDeadline().toNanos());
      reportTransition();
      if (acquired) {
        LOG.info("{} acquired leader lease {}", identity, lock.describe());
        return true;
      }
      if (!sleeper.sleep(jittered(config.retryPeriod()))) {
        break;
      }
    }
    return false;
  }

  /** One term: start the callback, renew until lost or closed, end the term, release, notify. */
  private void lead() {
    Leadership term = new Leadership(identity);
    leading = true;
    Thread callback = new Thread(() -> startedLeading(term), "leader-election-" + config.name() + "-leading");
    callback.setDaemon(true);
    leadingThread = callback;
    callback.start();
    try {
      renewUntilLost();
    } finally {
      leading = false;
      term.end();
      boolean returned = join(callback, config.leaseDuration());
      if (!returned) {
        LOG.warn("leader election {}: onStartedLeading has not returned {} after leadership ended; "
            + "the lease is left to expire instead of being released", config.name(), config.leaseDuration());
      } else if (config.releaseOnCancel()) {
        release();
      }
      reportTransition();
      try {
        config.callbacks().onStoppedLeading();
      } catch (RuntimeException e) {
        LOG.error("leader election {}: onStoppedLeading failed", config.name(), e);
      }
    }
  }

  private void startedLeading(Leadership term) {
    try {
      config.callbacks().onStartedLeading(term);
    } catch (RuntimeException | Error e) {
      LOG.error("leader election {}: onStartedLeading failed; giving leadership up", config.name(), e);
      abandoned = true;
      sleeper.wake();
    }
  }

  /** Renews every retry period; returns when a renewal failed for the renew deadline, or on close. */
  private void renewUntilLost() {
    while (!closing && !abandoned) {
      long deadline = clock.nanoTime() + config.renewDeadline().toNanos();
      boolean renewed = false;
      while (!closing && !abandoned) {
        renewed = tryAcquireOrRenew(deadline);
        if (renewed) {
          break;
        }
        long left = deadline - clock.nanoTime();
        Duration pause = Duration.ofNanos(Math.min(config.retryPeriod().toNanos(), left));
        if (left <= 0 || !sleeper.sleep(pause, () -> abandoned) || deadline - clock.nanoTime() <= 0) {
          break;
        }
      }
      reportTransition();
      if (closing || abandoned) {
        return;
      }
      if (!renewed) {
        LOG.warn("{} failed to renew leader lease {} within {}; giving leadership up", identity, lock.describe(),
            config.renewDeadline());
        return;
      }
      LOG.debug("{} renewed leader lease {}", identity, lock.describe());
      if (!sleeper.sleep(config.retryPeriod(), () -> abandoned)) {
        return;
      }
    }
  }

  /**
   * One attempt, as client-go's {@code tryAcquireOrRenew}: true when this candidate holds the
   * lock afterwards. Every call to the lock gets the time left until {@code deadlineNanos}.
   */
  private boolean tryAcquireOrRenew(long deadlineNanos) {
    Instant now = config.wallClock().instant();
    LeaderElectionRecord mine = new LeaderElectionRecord(identity, (int) config.leaseDuration().toSeconds(), now, now, 0);

    // 1. The leader's fast path: write over the record it last saw, which is most likely current.
    LeaderElectionRecord observed = observedRecord();
    if (observed != null && observed.isHeldBy(identity) && isLeaseValid(clock.nanoTime())) {
      LeaderElectionRecord renewal = mine.keeping(observed.acquireTime(), observed.leaderTransitions());
      try {
        lock.update(renewal, timeoutUntil(deadlineNanos));
        setObserved(renewal);
        return true;
      } catch (RuntimeException e) {
        LOG.debug("{}: renewing {} optimistically failed, reading it again: {}", identity, lock.describe(), e.toString());
      }
    }

    // 2. Read the record, or create the lock when there is none.
    Optional<LeaderElectionRecord> current;
    try {
      current = lock.get(timeoutUntil(deadlineNanos));
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot read leader lease {}: {}", identity, lock.describe(), e.toString());
      return false;
    }
    if (current.isEmpty()) {
      try {
        lock.create(mine, timeoutUntil(deadlineNanos));
        setObserved(mine);
        return true;
      } catch (RuntimeException e) {
        logWriteFailure("create", e);
        return false;
      }
    }

    // 3. A changed record restarts the expiry clock; a valid lease held by another is respected.
    LeaderElectionRecord old = current.get();
    if (!old.equals(observedRecord())) {
      setObserved(old);
    }
    boolean mineAlready = old.isHeldBy(identity);
    if (old.isHeld() && !mineAlready && isLeaseValid(clock.nanoTime())) {
      LOG.debug("{}: lease {} is held by {} and has not expired", identity, lock.describe(), old.holderIdentity());
      return false;
    }

    // 4. Take over or renew, counting a change of holder. The times are taken now, after the read
    // (client-go takes them before it): a slow read must not date a takeover earlier than the moment
    // the old lease was judged expired.
    Instant decided = config.wallClock().instant();
    LeaderElectionRecord fresh = new LeaderElectionRecord(identity, mine.leaseDurationSeconds(), decided, decided, 0);
    LeaderElectionRecord next = mineAlready
        ? fresh.keeping(old.acquireTime(), old.leaderTransitions())
        : fresh.keeping(decided, old.leaderTransitions() + 1);
    try {
      lock.update(next, timeoutUntil(deadlineNanos));
      setObserved(next);
      return true;
    } catch (RuntimeException e) {
      logWriteFailure("update", e);
      return false;
    }
  }

  /** Writes an empty holder with a one-second lease if the lock still names this candidate. */
  private void release() {
    long deadline = clock.nanoTime() + config.renewDeadline().toNanos();
    for (int attempt = 1; attempt <= 3 && deadline - clock.nanoTime() > 0; attempt++) {
      try {
        Optional<LeaderElectionRecord> current = lock.get(timeoutUntil(deadline));
        if (current.isEmpty()) {
          LOG.info("{}: lease {} not found; nothing to release", identity, lock.describe());
          return;
        }
        LeaderElectionRecord old = current.get();
        if (!old.isHeldBy(identity)) {
          if (!old.equals(observedRecord())) {
            setObserved(old);
          }
          return;
        }
        Instant now = config.wallClock().instant();
        LeaderElectionRecord released = new LeaderElectionRecord("", 1, now, now, old.leaderTransitions());
        lock.update(released, timeoutUntil(deadline));
        setObserved(released);
        LOG.info("{} released leader lease {}", identity, lock.describe());
        return;
      } catch (KubeApiException e) {
        if (!e.isConflict()) {
          LOG.warn("{}: cannot release leader lease {}: {}", identity, lock.describe(), e.toString());
          return;
        }
        LOG.debug("{}: conflict releasing {}, trying again", identity, lock.describe());
      } catch (RuntimeException e) {
        LOG.warn("{}: cannot release leader lease {}: {}", identity, lock.describe(), e.toString());
        return;
      }
    }
  }

  /** Tells {@code onNewLeader} when the observed holder differs from the one last reported. */
  private void reportTransition() {
    LeaderElectionRecord observed = observedRecord();
    String holder = observed == null ? "" : observed.holderIdentity();
    if (holder.equals(reportedLeader)) {
      return;
    }
    reportedLeader = holder;
    notifier.execute(() -> {
      try {
        config.callbacks().onNewLeader(holder);
      } catch (RuntimeException e) {
        LOG.error("leader election {}: onNewLeader failed", config.name(), e);
      }
    });
  }

  private void logWriteFailure(String verb, RuntimeException e) {
    if (e instanceof KubeApiException api && (api.isConflict() || api.isAlreadyExists())) {
      LOG.debug("{}: {} of leader lease {} lost a race: {}", identity, verb, lock.describe(), e.getMessage());
    } else {
      LOG.warn("{}: cannot {} leader lease {}: {}", identity, verb, lock.describe(), e.toString());
    }
  }

  private LeaderElectionRecord observedRecord() {
    synchronized (observedLock) {
      return observedRecord;
    }
  }

  private void setObserved(LeaderElectionRecord record) {
    synchronized (observedLock) {
      observedRecord = record;
      observedNanos = clock.nanoTime();
    }
  }

  /** Whether the observed record's lease runs, judged from when it was observed. */
  private boolean isLeaseValid(long nowNanos) {
    synchronized (observedLock) {
      return observedRecord != null
          && observedNanos + Duration.ofSeconds(observedRecord.leaseDurationSeconds()).toNanos() - nowNanos > 0;
    }
  }

  private Duration timeoutUntil(long deadlineNanos) {
    Duration left = Duration.ofNanos(deadlineNanos - clock.nanoTime());
    return left.compareTo(MIN_CALL_TIMEOUT) < 0 ? MIN_CALL_TIMEOUT : left;
  }

  private Duration jittered(Duration period) {
    return period.plusNanos((long) (config.random().nextDouble() * JITTER_FACTOR * period.toNanos()));
  }

  private static boolean join(Thread t, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean interrupted = false;
    try {
      while (t.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedJoin(t, left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
