package io.kubegen.apiserver.e2e.chaos;

import io.kubegen.runtime.testserver.FaultProxy;
import java.time.Duration;
import java.util.Map;

/**
 * The figures of one chaos run, and what went wrong, if anything.
 *
 * @param faults fault episodes injected, by kind
 * @param proxy what the proxy did (connections, requests, 503s, cuts, drops, held watches)
 * @param relists lists the reflector began after its first one
 * @param watchErrors list-and-watch errors the informer reported to its {@code WatchErrorHandler}
 * @param maxCallsPerSecond the most reflector calls (list pages and watches) in one second of an outage
 * @param maxAttemptsPerSecond the most connections and requests reaching the proxy in one second of an outage
 * @param convergence from the last fault healed until cache and handlers equal the server
 * @param total the whole run, seeding and initial sync included
 * @param difference how cache or handlers still differed from the server at the deadline; null when they converged
 * @param violations notifications that break the handler contract; empty when none
 */
record ChaosResult(ChaosSettings settings, int ops, Map<Fault, Integer> faults, FaultProxy.Counts proxy,
    int relists, int listPages, int watches, int watchErrors, int maxCallsPerSecond, int maxAttemptsPerSecond,
    int tombstones, int objects, Duration convergence, Duration total, String difference, String violations,
    String notifications) {

  /** One line of figures. */
  String summary() {
    return settings + ": " + ops + " ops, " + objects + " objects at the end; faults " + faults + "; proxy " + proxy
        + "; relists " + relists + ", list pages " + listPages + ", watches " + watches + ", errors reported "
        + watchErrors + ", tombstones " + tombstones + "; max during outages: " + maxCallsPerSecond
        + " reflector calls/s, " + maxAttemptsPerSecond + " proxy attempts/s; converged in "
        + convergence.toMillis() + " ms, run " + total.toSeconds() + " s; " + notifications
        + (difference == null ? "" : "; NOT CONVERGED: " + difference)
        + (violations.isEmpty() ? "" : "; VIOLATIONS: " + violations);
  }
}
