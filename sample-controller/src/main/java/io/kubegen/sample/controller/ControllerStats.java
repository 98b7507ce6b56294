package io.kubegen.sample.controller;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what a {@link FooController} did, for the demo's summary and for tests.
 *
 * <p>Thread-safe: workers increment, anyone reads.
 */
public final class ControllerStats {
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong failedSyncs = new AtomicLong();
  private final AtomicLong deploymentsCreated = new AtomicLong();
  private final AtomicLong deploymentsScaled = new AtomicLong();
  private final AtomicLong statusUpdates = new AtomicLong();
  private final AtomicLong foosForgotten = new AtomicLong();

  /** Sync calls that finished without error. */
  public long syncs() { return syncs.get(); }
  /** Sync calls that failed and were re-queued with back-off. */
  public long failedSyncs() { return failedSyncs.get(); }
  /** Deployments the controller created. */
  public long deploymentsCreated() { return deploymentsCreated.get(); }
  /** Deployments whose replicas the controller changed. */
  public long deploymentsScaled() { return deploymentsScaled.get(); }
  /** Foo status updates written. */
  public long statusUpdates() { return statusUpdates.get(); }
  /** Foos found deleted and no longer tracked. */
  public long foosForgotten() { return foosForgotten.get(); }

  void syncSucceeded() { syncs.incrementAndGet(); }
  void syncFailed() { failedSyncs.incrementAndGet(); }
  void deploymentCreated() { deploymentsCreated.incrementAndGet(); }
  void deploymentScaled() { deploymentsScaled.incrementAndGet(); }
  void statusUpdated() { statusUpdates.incrementAndGet(); }
  void fooForgotten() { foosForgotten.incrementAndGet(); }

  @Override
  public String toString() {
    return syncs() + " syncs (" + failedSyncs() + " failed and retried), "
        + deploymentsCreated() + " deployments created, " + deploymentsScaled() + " scaled, "
        + statusUpdates() + " status updates, " + foosForgotten() + " deleted foos forgotten";
  }
}
