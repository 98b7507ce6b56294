package io.kubegen.runtime.leaderelection;

import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.KubeClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock object in memory with the API server's optimistic concurrency: a version bumped by
 * every write, 409 Conflict on a write based on an older version, 409 AlreadyExists on a second
 * create. Candidates can be cut off (every call fails as a lost connection would). Thread-safe.
 */
final class LockStore {
  private LeaderElectionRecord record;
  private long version;
  private final List<LeaderElectionRecord> history = new ArrayList<>();
  private final Set<String> cutOff = ConcurrentHashMap.newKeySet();

  /** A lock over this store for {@code identity}. */
  ResourceLock lockFor(String identity) {
    return new Lock(identity);
  }

  /** Makes every call of {@code identity} fail (true) or work again (false). */
  void cutOff(String identity, boolean cut) {
    if (cut) {
      cutOff.add(identity);
    } else {
      cutOff.remove(identity);
    }
  }

  synchronized Optional<LeaderElectionRecord> record() {
    return Optional.ofNullable(record);
  }

  /** Every record written, in order. */
  synchronized List<LeaderElectionRecord> history() {
    return List.copyOf(history);
  }

  /** Writes {@code next} as some other party would (bumping the version). */
  synchronized void overwrite(LeaderElectionRecord next) {
    record = next;
    version++;
    history.add(next);
  }

  private final class Lock implements ResourceLock {
    private final String identity;
    private long seenVersion = -1;

    Lock(String identity) {
      this.identity = identity;
    }

    @Override
    public Optional<LeaderElectionRecord> get(Duration timeout) {
      failIfCutOff();
      synchronized (LockStore.this) {
        seenVersion = version;
        return Optional.ofNullable(record);
      }
    }

    @Override
    public void create(LeaderElectionRecord next, Duration timeout) {
      failIfCutOff();
      synchronized (LockStore.this) {
        if (record != null) {
          throw new KubeApiException(409, Status.failure(409, "AlreadyExists", "lease exists"), "create");
        }
        overwrite(next);
        seenVersion = version;
      }
    }

    @Override
    public void update(LeaderElectionRecord next, Duration timeout) {
      failIfCutOff();
      synchronized (LockStore.this) {
        if (seenVersion != version) {
          throw new KubeApiException(409, Status.failure(409, "Conflict", "the object has been modified"), "update");
        }
        overwrite(next);
        seenVersion = version;
      }
    }

    @Override
    public String identity() {
      return identity;
    }

    @Override
    public String describe() {
      return "test/lock";
    }

    private void failIfCutOff() {
      if (cutOff.contains(identity)) {
        throw new KubeClientException("connection refused (cut off by the test)");
      }
    }
  }
}
