package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.workqueue.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A candidate in a test: an elector over a {@link LockStore} on a shared {@link FakeClock}, with
 * callbacks that record what happened. Its {@code onStartedLeading} blocks until the term ends,
 * then until {@link #callbackGate} opens (open by default).
 */
final class Candidate implements LeaderCallbacks {
  static final Instant WALL_START = Instant.parse("2025-03-01T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  final String id;
  final LeaderElector elector;
  final FakeClock clock;
  final List<String> newLeaders = new CopyOnWriteArrayList<>();
  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch sawEnd = new CountDownLatch(1);
  final CountDownLatch stopped = new CountDownLatch(1);
  /** The callback waits for this after the term ended; replace with a closed latch to hold it. */
  volatile CountDownLatch callbackGate = new CountDownLatch(0);
  volatile Leadership leadership;
  volatile String callbackThread;
  volatile RuntimeException failOnStart;

  Candidate(String id, LockStore store, FakeClock clock, UnaryOperator<LeaderElectionConfig.Builder> tweak) {
    this(id, store.lockFor(id), clock, tweak);
  }

  Candidate(String id, ResourceLock lock, FakeClock clock, UnaryOperator<LeaderElectionConfig.Builder> tweak) {
    this.id = id;
    this.clock = clock;
    LeaderElectionConfig.Builder b = LeaderElectionConfig.builder()
        .lock(lock)
        .name("test-" + id)
        .callbacks(this)
        .clock(clock)
        .wallClock(wallClock(clock))
        .random(noJitter());
    this.elector = LeaderElector.create(tweak.apply(b).build());
  }

  static java.time.Clock wallClock(FakeClock clock) {
    long start = clock.nanoTime();
    return new java.time.Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return WALL_START.plusNanos(clock.nanoTime() - start); }
    };
  }

  static Random noJitter() {
    return new Random() {
      @Override public double nextDouble() { return 0; }
    };
  }

  @Override
  public void onStartedLeading(Leadership term) {
    callbackThread = Thread.currentThread().getName();
    leadership = term;
    started.countDown();
    if (failOnStart != null) {
      throw failOnStart;
    }
    try {
      while (!term.awaitEnd(WAIT)) {
        // keep leading
      }
      sawEnd.countDown();
      callbackGate.await(WAIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onStoppedLeading() {
    stopped.countDown();
  }

  @Override
  public void onNewLeader(String identity) {
    newLeaders.add(identity);
  }

  /** How many pauses the elector has begun. */
  int sleeps() {
    return elector.sleeper().sleepsStarted();
  }

  /** Waits until the elector has begun its {@code count}-th pause or has stopped running. */
  void awaitAsleep(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (elector.isRunning() && !elector.sleeper().awaitSleeps(count, Duration.ofMillis(20))) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(id + " did not pause a " + count + "th time within " + WAIT);
      }
    }
  }
}
