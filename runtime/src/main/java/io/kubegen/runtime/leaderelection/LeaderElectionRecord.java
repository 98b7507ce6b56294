package io.kubegen.runtime.leaderelection;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link ResourceLock} stores (client-go's {@code LeaderElectionRecord}): who holds the
 * lock, for how long candidates must wait without seeing a change before taking it over, and
 * the bookkeeping around it. The times are written by the holder's clock and are informational:
 * a candidate judges expiry only by its own clock, from the moment it last saw the record change.
 *
 * @param holderIdentity the holder; {@code ""} when nobody holds the lock (after a release)
 * @param leaseDurationSeconds how long candidates wait without seeing a change; at least 1
 * @param acquireTime when the holder acquired the lock
 * @param renewTime when the holder last renewed it
 * @param leaderTransitions how often the lock changed holders
 */
public record LeaderElectionRecord(String holderIdentity, int leaseDurationSeconds, Instant acquireTime,
    Instant renewTime, int leaderTransitions) {

  /** Normalises a null holder to {@code ""} and the times to the microseconds the wire keeps. */
  public LeaderElectionRecord {
    holderIdentity = holderIdentity == null ? "" : holderIdentity;
    acquireTime = acquireTime == null ? null : MicroTime.truncate(acquireTime);
    renewTime = renewTime == null ? null : MicroTime.truncate(renewTime);
  }

  /** Whether somebody holds the lock (the holder identity is not empty). */
  public boolean isHeld() {
    return !holderIdentity.isEmpty();
  }

  /** Whether {@code identity} holds the lock. */
  public boolean isHeldBy(String identity) {
    return isHeld() && holderIdentity.equals(Objects.requireNonNull(identity, "identity"));
  }

  /** This record with another acquire time and transition count (how renewals keep them). */
  LeaderElectionRecord keeping(Instant acquireTime, int leaderTransitions) {
    return new LeaderElectionRecord(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaderTransitions);
  }
}
