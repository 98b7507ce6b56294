package io.kubegen.runtime.leaderelection;

import java.time.Duration;
import java.util.Optional;

/**
 * The object a {@link LeaderElector} competes for (client-go's {@code resourcelock.Interface}).
 * {@link LeaseLock} is the implementation over a {@code coordination.k8s.io/v1} Lease; tests
 * and other stores may bring their own.
 *
 * <p>An implementation must give optimistic concurrency: {@link #update} succeeds only if the
 * object has not changed since this lock last read or wrote it, and fails otherwise (for the
 * Kubernetes API, a 409 Conflict). Failures are unchecked exceptions
 * ({@link io.kubegen.runtime.rest.KubeClientException} and its subclasses for API locks).
 *
 * <p>Threading: a lock belongs to one elector, which calls it from one thread at a time; it
 * need not be thread-safe.
 */
public interface ResourceLock {

  /**
   * Reads the record and remembers the object's version for the next {@link #update}.
   *
   * @return the record, or empty when the lock object does not exist
   */
  Optional<LeaderElectionRecord> get(Duration timeout);

  /** Creates the lock object holding {@code record}; fails if it exists already. */
  void create(LeaderElectionRecord record, Duration timeout);

  /**
   * Replaces the record in the lock object last read or written through this lock; fails if the
   * object changed since (or was never read).
   */
  void update(LeaderElectionRecord record, Duration timeout);

  /** The identity this lock's elector competes as; never empty. */
  String identity();

  /** A short description for logs, such as {@code default/my-controller}. */
  String describe();
}
