package io.kubegen.runtime.leaderelection;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Objects;

/**
 * The spec of a {@code coordination.k8s.io/v1} {@link Lease}. Times are {@link MicroTime}s on
 * the wire. A mutable bean, not thread-safe.
 */
public final class LeaseSpec {
  private String holderIdentity;
  private Integer leaseDurationSeconds;
  @JsonSerialize(using = MicroTime.Serializer.class)
  @JsonDeserialize(using = MicroTime.Deserializer.class)
  private Instant acquireTime;
  @JsonSerialize(using = MicroTime.Serializer.class)
  @JsonDeserialize(using = MicroTime.Deserializer.class)
  private Instant renewTime;
  private Integer leaseTransitions;
  private String strategy;
  private String preferredHolder;

  /** The identity of the holder; empty or null when nobody holds the lease. */
  public String getHolderIdentity() { return holderIdentity; }
  public void setHolderIdentity(String holderIdentity) { this.holderIdentity = holderIdentity; }

  /** How long candidates wait, after last seeing the lease change, before they may take it over. */
  public Integer getLeaseDurationSeconds() { return leaseDurationSeconds; }
  public void setLeaseDurationSeconds(Integer leaseDurationSeconds) { this.leaseDurationSeconds = leaseDurationSeconds; }

  /** When the current holder acquired the lease. */
  public Instant getAcquireTime() { return acquireTime; }
  public void setAcquireTime(Instant acquireTime) { this.acquireTime = acquireTime; }

  /** When the current holder last renewed the lease (by the holder's clock; informational). */
  public Instant getRenewTime() { return renewTime; }
  public void setRenewTime(Instant renewTime) { this.renewTime = renewTime; }

  /** How often the lease changed holders. */
  public Integer getLeaseTransitions() { return leaseTransitions; }
  public void setLeaseTransitions(Integer leaseTransitions) { this.leaseTransitions = leaseTransitions; }

  /** Coordinated leader election strategy (alpha in Kubernetes); not used by kubegen's elector. */
  public String getStrategy() { return strategy; }
  public void setStrategy(String strategy) { this.strategy = strategy; }

  /** Coordinated leader election's preferred holder; not used by kubegen's elector. */
  public String getPreferredHolder() { return preferredHolder; }
  public void setPreferredHolder(String preferredHolder) { this.preferredHolder = preferredHolder; }

  @Override
  public boolean equals(Object o) {
    return o instanceof LeaseSpec s && Objects.equals(holderIdentity, s.holderIdentity)
        && Objects.equals(leaseDurationSeconds, s.leaseDurationSeconds) && Objects.equals(acquireTime, s.acquireTime)
        && Objects.equals(renewTime, s.renewTime) && Objects.equals(leaseTransitions, s.leaseTransitions)
        && Objects.equals(strategy, s.strategy) && Objects.equals(preferredHolder, s.preferredHolder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions);
  }

  @Override
  public String toString() {
    return "LeaseSpec{holder=" + holderIdentity + ", duration=" + leaseDurationSeconds + "s, acquired=" + acquireTime
        + ", renewed=" + renewTime + ", transitions=" + leaseTransitions + "}";
  }
}
