package io.kubegen.runtime.health;

import java.util.List;
import java.util.Map;

/**
 * One look at a controller's health, taken by {@link ControllerHealth#check()}. Serialises to
 * JSON with {@code io.kubegen.runtime.json.Json} (what {@link HealthServer} answers).
 *
 * @param live whether the process works as it should (liveness): no informer that was started
 *     has stopped, the leader elector (if any) runs and has renewed in time
 * @param ready whether it is also ready (readiness): live, and every informer started and synced
 * @param informers the informers by name
 * @param queues the work queues' depths by name
 * @param leaderElection the leader election; null when the controller takes part in none
 * @param problems why it is not live or not ready, one line each; empty when all is well
 */
public record HealthReport(boolean live, boolean ready, Map<String, InformerStatus> informers,
    Map<String, Integer> queues, LeaderStatus leaderElection, List<String> problems) {

  /**
   * @param started whether the informer was started
   * @param synced whether its first list is in its cache
   * @param running started and not stopped
   * @param resourceVersion the resourceVersion its cache is at
   */
  public record InformerStatus(boolean started, boolean synced, boolean running, String resourceVersion) {}

  /**
   * @param identity this candidate's identity
   * @param leader whether this candidate leads
   * @param currentLeader the holder it last observed, or null when none
   * @param running false once the elector has stopped (lost leadership or was closed)
   * @param renewedInTime false when it leads but has not renewed within the lease duration plus tolerance
   */
  public record LeaderStatus(String identity, boolean leader, String currentLeader, boolean running,
      boolean renewedInTime) {}
}
