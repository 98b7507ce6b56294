package io.kubegen.runtime.health;

import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.leaderelection.LeaderElector;
import io.kubegen.runtime.workqueue.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A controller's health in one place, for liveness and readiness endpoints
 * ({@link HealthServer}) or anything else that asks: its informers (started, synced, running),
 * its work queues' depths, and its leader election (leading or standby, renewed in time).
 *
 * <p>Rules: <b>live</b> unless an informer that was started has stopped, or the leader elector
 * has stopped (its {@code run()} returned) or leads without having renewed within the lease duration plus a tolerance
 * (client-go's {@code HealthzAdaptor}); <b>ready</b> when also every informer has started and
 * synced. Leadership is reported, not required: a standby replica with warm caches is ready.
 *
 * <p>Build with {@code ControllerHealth.builder()}; the components are read at every
 * {@link #check()}, so a factory's informers added later count too. Thread-safe.
 */
public final class ControllerHealth {
  private final List<Supplier<Map<String, SharedIndexInformer<?>>>> informerSources;
  private final Map<String, WorkQueue<?>> queues;
  private final Supplier<LeaderElector> elector;
  private final Duration tolerance;

  private ControllerHealth(Builder b) {
    this.informerSources = List.copyOf(b.informerSources);
    this.queues = Map.copyOf(b.queues);
    this.elector = b.elector;
    this.tolerance = b.tolerance;
  }

  /** A builder with no components. */
  public static Builder builder() {
    return new Builder();
  }

  /** Looks at every component now. */
  public HealthReport check() {
    List<String> problems = new ArrayList<>();
    boolean live = true;
    boolean ready = true;
    Map<String, HealthReport.InformerStatus> informers = new TreeMap<>();
    for (Supplier<Map<String, SharedIndexInformer<?>>> source : informerSources) {
      source.get().forEach((name, informer) -> {
        boolean started = informer.isStarted();
        boolean running = started && !informer.isStopped();
        informers.put(name, new HealthReport.InformerStatus(started, informer.hasSynced(), running,
            informer.lastSyncResourceVersion()));
      });
    }
    for (Map.Entry<String, HealthReport.InformerStatus> e : informers.entrySet()) {
      HealthReport.InformerStatus s = e.getValue();
      if (s.started() && !s.running()) {
        live = false;
        problems.add("informer " + e.getKey() + " has stopped");
      } else if (!s.started()) {
        ready = false;
        problems.add("informer " + e.getKey() + " has not started");
      } else if (!s.synced()) {
        ready = false;
        problems.add("informer " + e.getKey() + " has not synced");
      }
    }
    Map<String, Integer> depths = new TreeMap<>();
    queues.forEach((name, queue) -> depths.put(name, queue.len()));

    LeaderElector e = elector.get();
    HealthReport.LeaderStatus leader = e == null ? null : new HealthReport.LeaderStatus(e.identity(), e.isLeader(),
        e.leader().orElse(null), !e.isStopped(), e.check(tolerance));
    if (leader != null) {
      HealthReport.LeaderStatus l = leader;
      if (!l.running()) {
        live = false;
        problems.add("leader election has stopped");
      } else if (!l.renewedInTime()) {
        live = false;
        problems.add("leader has not renewed its lease within the lease duration + " + tolerance);
      }
    }
    return new HealthReport(live, live && ready, informers, depths, leader, List.copyOf(problems));
  }

  /** Builder for {@link ControllerHealth}; not thread-safe. */
  public static final class Builder {
    private final List<Supplier<Map<String, SharedIndexInformer<?>>>> informerSources = new ArrayList<>();
    private final Map<String, WorkQueue<?>> queues = new LinkedHashMap<>();
    private Supplier<LeaderElector> elector = () -> null;
    private Duration tolerance = Duration.ofSeconds(20);

    private Builder() {}

    /** Every informer of {@code factory} (named by type), as it has them at each check. */
    public Builder informers(SharedInformerFactoryBase factory) {
      Objects.requireNonNull(factory, "factory");
      informerSources.add(() -> {
        Map<String, SharedIndexInformer<?>> named = new LinkedHashMap<>();
        factory.informers().forEach((type, informer) -> named.put(type.getSimpleName(), informer));
        return named;
      });
      return this;
    }

    /** One informer under {@code name}. */
    public Builder informer(String name, SharedIndexInformer<?> informer) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(informer, "informer");
      informerSources.add(() -> Map.of(name, informer));
      return this;
    }

    /** A work queue whose depth is reported under {@code name}. */
    public Builder queue(String name, WorkQueue<?> queue) {
      queues.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(queue, "queue"));
      return this;
    }

    /**
     * The leader elector; {@code tolerance} is how long past the lease duration a leader may go
     * without renewing before it counts as not live (client-go's controllers use 20 s).
     */
    public Builder leaderElector(LeaderElector elector, Duration tolerance) {
      Objects.requireNonNull(elector, "elector");
      return leaderElector(() -> elector, tolerance);
    }

    /** As {@link #leaderElector(LeaderElector, Duration)} for an elector that is replaced over time. */
    public Builder leaderElector(Supplier<LeaderElector> elector, Duration tolerance) {
      this.elector = Objects.requireNonNull(elector, "elector");
      this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** The health view. */
    public ControllerHealth build() {
      return new ControllerHealth(this);
    }
  }
}
