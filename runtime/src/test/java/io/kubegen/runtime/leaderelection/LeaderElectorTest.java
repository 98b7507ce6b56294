package io.kubegen.runtime.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.workqueue.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The election rules on a fake clock with an in-memory lock: lease 15 s, renew deadline 10 s,
 * retry period 2 s (no jitter unless a test says so). Every clock step waits until each
 * running elector has paused again, so what happens between steps is deterministic.
 */
@Timeout(60)
class LeaderElectorTest {
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final Duration AWAIT = Duration.ofSeconds(10);

  private final FakeClock clock = new FakeClock();
  private final LockStore store = new LockStore();
  private final List<Candidate> candidates = new ArrayList<>();

  @AfterEach
  void closeAll() {
    candidates.forEach(c -> c.elector.close());
  }

  private Candidate candidate(String id) {
    return candidate(id, b -> b);
  }

  private Candidate candidate(String id, UnaryOperator<LeaderElectionConfig.Builder> tweak) {
    Candidate c = new Candidate(id, store, clock, tweak);
    candidates.add(c);
    return c;
  }

  /** Moves the clock by {@code step}, then waits until every running candidate paused again. */
  private void step(Duration step) throws InterruptedException {
    int[] before = candidates.stream().mapToInt(Candidate::sleeps).toArray();
    clock.advance(step);
    for (int i = 0; i < before.length; i++) {
      candidates.get(i).awaitAsleep(before[i] + 1);
    }
  }

  private void stepUntil(Duration total) throws InterruptedException {
    for (long done = 0; done < total.toNanos(); done += RETRY.toNanos()) {
      step(RETRY);
    }
  }

  private LeaderElectionRecord record() {
    return store.record().orElseThrow();
  }

  /** onNewLeader runs on the elector's notification thread: wait for the calls to arrive. */
  private static void awaitNewLeaders(Candidate c, String... expected) throws InterruptedException {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (c.newLeaders.size() < expected.length && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    assertThat(c.newLeaders).containsExactly(expected);
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    assertThat(latch.await(AWAIT.toNanos(), TimeUnit.NANOSECONDS)).as(what).isTrue();
  }

  @Test
  void createsTheLockWhenMissingAndRenewsEveryRetryPeriodKeepingAcquireTime() throws Exception {
    Candidate a = candidate("a");
    a.elector.start();
    await(a.started, "a leads");
    a.awaitAsleep(1);

    assertThat(a.elector.isLeader()).isTrue();
    assertThat(a.elector.leader()).contains("a");
    assertThat(a.callbackThread).isEqualTo("leader-election-test-a-leading");
    LeaderElectionRecord first = record();
    assertThat(first.holderIdentity()).isEqualTo("a");
    assertThat(first.leaseDurationSeconds()).isEqualTo(15);
    assertThat(first.leaderTransitions()).isZero();
    assertThat(first.acquireTime()).isEqualTo(Candidate.WALL_START);

    int writes = store.history().size();
    step(RETRY);
    step(RETRY);
    assertThat(store.history()).hasSize(writes + 2);
    assertThat(record().renewTime()).isEqualTo(Candidate.WALL_START.plusSeconds(4));
    assertThat(record().acquireTime()).isEqualTo(Candidate.WALL_START);
    assertThat(record().leaderTransitions()).isZero();
    awaitNewLeaders(a, "a");
  }

  @Test
  void aCandidateTakesOverOnlyALeaseDurationAfterItLastSawTheRecordChange() throws Exception {
    Candidate a = candidate("a");
    a.elector.start();
    await(a.started, "a leads");
    a.awaitAsleep(1);
    store.cutOff("a", true); // a can no longer reach the lock (its process hangs, say)

    Candidate b = candidate("b");
    b.elector.start();
    b.awaitAsleep(1);
    assertThat(b.elector.isLeader()).isFalse();
    assertThat(b.elector.leader()).contains("a");

    stepUntil(Duration.ofSeconds(10));
    assertThat(a.elector.isLeader()).as("a retries for the renew deadline").isTrue();
    step(RETRY); // t = 12 s: a's renew deadline passed
    await(a.stopped, "a gives up after the renew deadline");
    assertThat(a.elector.isLeader()).isFalse();
    assertThat(a.leadership.isActive()).isFalse();
    assertThat(a.elector.awaitTermination(AWAIT)).isTrue();

    step(RETRY); // t = 14 s: b saw the record last change at 0 s, so the lease runs until 15 s
    assertThat(b.elector.isLeader()).isFalse();
    assertThat(record().holderIdentity()).isEqualTo("a");

    step(RETRY); // t = 16 s
    await(b.started, "b takes over");
    assertThat(record().holderIdentity()).isEqualTo("b");
    assertThat(record().leaderTransitions()).isEqualTo(1);
    assertThat(record().acquireTime()).isEqualTo(Candidate.WALL_START.plusSeconds(16));
    awaitNewLeaders(b, "a", "b");
  }

  @Test
  void expiryIsJudgedByTheLocalClockNotByTheTimesInTheRecord() throws Exception {
    Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
    store.overwrite(new LeaderElectionRecord("other", 15, longAgo, longAgo, 3));

    Candidate b = candidate("b");
    b.elector.start();
    b.awaitAsleep(1);
    stepUntil(Duration.ofSeconds(10));
    assertThat(b.elector.isLeader()).as("a renewTime far in the past does not make the lease expired").isFalse();

    // t = 10 s: the holder renews, with a renewTime even further in the past: a change all the same.
    Instant older = Instant.parse("1999-01-01T00:00:00Z");
    store.overwrite(new LeaderElectionRecord("other", 15, longAgo, older, 3));
    stepUntil(Duration.ofSeconds(14)); // b saw the change at 12 s; valid until 27 s
    assertThat(b.elector.isLeader()).isFalse();
    step(RETRY); // t = 26 s
    assertThat(b.elector.isLeader()).isFalse();
    step(RETRY); // t = 28 s
    await(b.started, "b takes over after the change it saw expired");
    assertThat(record().leaderTransitions()).isEqualTo(4);
    awaitNewLeaders(b, "other", "b");
  }

  @Test
  void theRecordsLeaseDurationCountsNotTheCandidatesOwn() throws Exception {
    store.overwrite(new LeaderElectionRecord("other", 4, Candidate.WALL_START, Candidate.WALL_START, 0));
    Candidate b = candidate("b");
    b.elector.start();
    b.awaitAsleep(1);
    step(RETRY);
    assertThat(b.elector.isLeader()).isFalse();
    step(RETRY); // 4 s after b saw the record: expired by the holder's 4-second lease
    await(b.started, "b takes over");
  }

  @Test
  void releaseOnCancelWritesAnEmptyHolderAfterTheCallbackReturnedAndASuccessorTakesOverAtOnce() throws Exception {
    Candidate a = candidate("a", b -> b.releaseOnCancel(true));
    a.callbackGate = new CountDownLatch(1);
    a.elector.start();
    await(a.started, "a leads");
    a.awaitAsleep(1);
    Candidate b = candidate("b");
    b.elector.start();
    b.awaitAsleep(1);

    Thread closer = new Thread(a.elector::close, "closer");
    closer.start();
    await(a.sawEnd, "a's callback learns that leadership ended");
    assertThat(a.elector.isLeader()).isFalse();
    assertThat(record().holderIdentity()).as("not released while the callback still runs").isEqualTo("a");

    a.callbackGate.countDown();
    closer.join(AWAIT.toMillis());
    assertThat(closer.isAlive()).as("close() returns once released").isFalse();
    await(a.stopped, "onStoppedLeading");
    LeaderElectionRecord released = record();
    assertThat(released.holderIdentity()).isEmpty();
    assertThat(released.isHeld()).isFalse();
    assertThat(released.leaseDurationSeconds()).isEqualTo(1);
    assertThat(released.leaderTransitions()).isZero();

    step(RETRY); // b's next attempt, far less than a lease duration later
    await(b.started, "b takes over at its next attempt");
    assertThat(record().holderIdentity()).isEqualTo("b");
    assertThat(record().leaderTransitions()).isEqualTo(1);
  }

  @Test
  void withoutReleaseOnCancelTheLeaseIsLeftToExpire() throws Exception {
    Candidate a = candidate("a");
    a.elector.start();
    await(a.started, "a leads");
    a.awaitAsleep(1);
    Candidate b = candidate("b");
    b.elector.start();
    b.awaitAsleep(1);

    a.elector.close();
    assertThat(a.elector.isRunning()).isFalse();
    await(a.stopped, "onStoppedLeading");
    assertThat(record().holderIdentity()).isEqualTo("a");

    stepUntil(Duration.ofSeconds(14));
    assertThat(b.elector.isLeader()).isFalse();
    step(RETRY);
    await(b.started, "b takes over once the lease expired");
  }

  @Test
  void manyCandidatesRacingForOneLockElectExactlyOne() throws Exception {
    for (int round = 0; round < 20; round++) {
      LockStore raceStore = new LockStore();
      List<Candidate> racers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        racers.add(new Candidate("r" + i, raceStore, clock, b -> b));
      }
      racers.forEach(c -> c.elector.start());
      for (Candidate c : racers) {
        c.awaitAsleep(1);
      }
      assertThat(racers.stream().filter(c -> c.elector.isLeader())).hasSize(1);
      String holder = raceStore.record().orElseThrow().holderIdentity();
      assertThat(racers.stream().filter(c -> c.elector.isLeader()).findFirst().orElseThrow().id).isEqualTo(holder);
      assertThat(raceStore.history()).allMatch(r -> r.holderIdentity().equals(holder));
      racers.forEach(c -> c.elector.close());
    }
  }

  @Test
  void aCallbackThatFailsGivesLeadershipUp() throws Exception {
    Candidate a = candidate("a", b -> b.releaseOnCancel(true));
    a.failOnStart = new IllegalStateException("caches did not sync");
    a.elector.start();
    await(a.stopped, "leadership given up");
    assertThat(a.elector.awaitTermination(AWAIT)).isTrue();
    assertThat(a.elector.isLeader()).isFalse();
    assertThat(record().isHeld()).as("released").isFalse();
  }

  @Test
  void acquireRetriesWaitUpToJitterFactorTimesTheRetryPeriodMore() throws Exception {
    store.overwrite(new LeaderElectionRecord("other", 15, Candidate.WALL_START, Candidate.WALL_START, 0));
    Random almostOne = new Random() {
      @Override public double nextDouble() { return 0.999; }
    };
    Candidate b = candidate("b", cfg -> cfg.random(almostOne));
    b.elector.start();
    b.awaitAsleep(1);
    int reads = store.history().size();
    clock.advance(Duration.ofMillis(4300)); // 2 s + 1.2 × 2 s × 0.999 = 4.3976 s
    assertThat(b.elector.sleeper().awaitSleeps(2, Duration.ofMillis(200))).as("still waiting at 4.3 s").isFalse();
    clock.advance(Duration.ofMillis(100));
    b.awaitAsleep(2);
    assertThat(store.history()).hasSize(reads);
  }

  @Test
  void checkFailsOnlyForALeaderThatHasNotRenewedForTheLeaseDurationPlusTolerance() throws Exception {
    CountDownLatch unblock = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    ResourceLock inner = store.lockFor("a");
    ResourceLock hanging = new ResourceLock() {
      private int updates;
      @Override public java.util.Optional<LeaderElectionRecord> get(Duration t) { return inner.get(t); }
      @Override public void create(LeaderElectionRecord r, Duration t) { inner.create(r, t); }
      @Override public void update(LeaderElectionRecord r, Duration t) {
        if (++updates == 1) { // the first renewal after acquiring hangs, as a stuck connection would
          blocked.countDown();
          try {
            unblock.await(AWAIT.toNanos(), TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        inner.update(r, t);
      }
      @Override public String identity() { return "a"; }
      @Override public String describe() { return "test/lock"; }
    };
    Candidate a = new Candidate("a", hanging, clock, b -> b);
    candidates.add(a);
    a.elector.start();
    await(a.started, "a leads");
    await(blocked, "a's renewal hangs");
    assertThat(a.elector.check(Duration.ofSeconds(5))).isTrue();
    clock.advance(Duration.ofSeconds(19));
    assertThat(a.elector.check(Duration.ofSeconds(5))).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(a.elector.check(Duration.ofSeconds(5))).as("21 s without renewal > 15 s + 5 s").isFalse();
    unblock.countDown();
    a.awaitAsleep(1);
    assertThat(a.elector.check(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void anElectorRunsOnceAndACloseBeforeRunMakesRunReturnAtOnce() throws Exception {
    Candidate a = candidate("a");
    a.elector.close();
    a.elector.run();
    assertThat(store.record()).isEmpty();
    assertThatThrownBy(a.elector::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("only once");
    assertThatThrownBy(a.elector::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void timingRulesAreCheckedAsClientGoDoesAndAllProblemsAreReported() {
    ResourceLock lock = store.lockFor("a");
    assertThatThrownBy(() -> LeaderElectionConfig.builder().lock(lock).leaseDuration(Duration.ofSeconds(10))
        .renewDeadline(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaseDuration (PT10S) must be greater than renewDeadline (PT10S)");
    assertThatThrownBy(() -> LeaderElectionConfig.builder().lock(lock).renewDeadline(Duration.ofMillis(2400))
        .retryPeriod(Duration.ofSeconds(2)).build())
        .hasMessageContaining("renewDeadline (PT2.4S) must be greater than retryPeriod × 1.2 (PT2.4S)");
    assertThatThrownBy(() -> LeaderElectionConfig.builder().lock(lock).leaseDuration(Duration.ZERO)
        .renewDeadline(Duration.ofSeconds(-1)).retryPeriod(Duration.ZERO).build())
        .hasMessageContaining("leaseDuration must be greater than zero")
        .hasMessageContaining("renewDeadline must be greater than zero")
        .hasMessageContaining("retryPeriod must be greater than zero");
    assertThatThrownBy(() -> LeaderElectionConfig.builder().lock(lock).leaseDuration(Duration.ofMillis(15500)).build())
        .hasMessageContaining("whole number of seconds");
    assertThatThrownBy(() -> LeaderElectionConfig.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lock");
    LeaderElectionConfig ok = LeaderElectionConfig.builder().lock(lock).leaseDuration(Duration.ofSeconds(2))
        .renewDeadline(Duration.ofMillis(1500)).retryPeriod(Duration.ofMillis(1200)).build();
    assertThat(ok.name()).isEqualTo("test/lock");
  }
}
