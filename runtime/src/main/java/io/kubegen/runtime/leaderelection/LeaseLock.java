package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ResourceLock} kept in a {@code coordination.k8s.io/v1} {@link Lease} (client-go's
 * {@code resourcelock.LeaseLock}). The record maps onto the lease's spec: {@code holderIdentity},
 * {@code leaseDurationSeconds}, {@code acquireTime}, {@code renewTime} (both
 * {@link MicroTime}s), {@code leaseTransitions}. Updates send the lease as last read or written,
 * with its {@code resourceVersion}, so the API server answers 409 Conflict when somebody else
 * changed it meanwhile. The elector needs get, create and update rights on the lease (RBAC
 * verbs {@code get}, {@code create}, {@code update} on {@code leases} in {@code coordination.k8s.io}).
 *
 * <p>Threading: not thread-safe; one {@link LeaderElector} uses it from one thread at a time.
 */
public final class LeaseLock implements ResourceLock {
  private final RestClient client;
  private final String namespace;
  private final String name;
  private final String identity;
  private Lease lease;

  private LeaseLock(RestClient client, String namespace, String name, String identity) {
    this.client = Objects.requireNonNull(client, "restClient");
    this.namespace = requireText(namespace, "namespace");
    this.name = requireText(name, "name");
    this.identity = requireText(identity, "identity");
  }

  /**
   * A lock on the lease {@code namespace/name}, competed for as {@code identity} (unique per
   * candidate; client-go's controllers use {@code hostname + "_" + uuid}).
   *
   * @throws IllegalArgumentException if a name is empty
   */
  public static LeaseLock create(RestClient restClient, String namespace, String name, String identity) {
    return new LeaseLock(restClient, namespace, name, identity);
  }

  @Override
  public Optional<LeaderElectionRecord> get(Duration timeout) {
    try {
      lease = client.get().resource(Lease.RESOURCE).namespace(namespace).name(name).timeout(timeout)
          .execute(Lease.class);
    } catch (KubeApiException e) {
      if (e.isNotFound()) {
        lease = null;
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(toRecord(lease.getSpec()));
  }

  @Override
  public void create(LeaderElectionRecord record, Duration timeout) {
    Lease fresh = new Lease();
    fresh.setMetadata(ObjectMeta.builder().name(name).namespace(namespace).build());
    fresh.setSpec(toSpec(record));
    lease = client.post().resource(Lease.RESOURCE).namespace(namespace).body(fresh).timeout(timeout)
        .execute(Lease.class);
  }

  @Override
  public void update(LeaderElectionRecord record, Duration timeout) {
    if (lease == null) {
      throw new IllegalStateException("lease " + describe() + " not read yet: call get or create first");
    }
    lease.setSpec(toSpec(record));
    lease = client.put().resource(Lease.RESOURCE).namespace(namespace).name(name).body(lease).timeout(timeout)
        .execute(Lease.class);
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public String describe() {
    return namespace + "/" + name;
  }

  @Override
  public String toString() {
    return "LeaseLock{" + describe() + ", identity=" + identity + "}";
  }

  /** The record a lease spec holds (missing fields as zero values, as client-go reads them). */
  static LeaderElectionRecord toRecord(LeaseSpec spec) {
    if (spec == null) {
      return new LeaderElectionRecord("", 0, null, null, 0);
    }
    return new LeaderElectionRecord(spec.getHolderIdentity(),
        spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds(),
        spec.getAcquireTime(), spec.getRenewTime(),
        spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
  }

  /** The lease spec for a record; every field is written, the holder as "" when released. */
  static LeaseSpec toSpec(LeaderElectionRecord record) {
    LeaseSpec spec = new LeaseSpec();
    spec.setHolderIdentity(record.holderIdentity());
    spec.setLeaseDurationSeconds(record.leaseDurationSeconds());
    spec.setAcquireTime(record.acquireTime());
    spec.setRenewTime(record.renewTime());
    spec.setLeaseTransitions(record.leaderTransitions());
    return spec;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
