package io.kubegen.sample.controller;

import io.kubegen.runtime.leaderelection.LeaderCallbacks;
import io.kubegen.runtime.leaderelection.Leadership;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader election callbacks of one replica: its informers run all the time (warm caches, so a
 * new leader starts from a synced cache); its workers run only while it leads. When leadership
 * ends, the workers finish their current key and stop before the callback returns, and only then
 * does the elector release the lease, so two replicas never reconcile at the same time.
 *
 * <p>Called by the elector's threads; prints one line per change to {@code out}.
 */
final class ElectedController implements LeaderCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(ElectedController.class);
  private static final Duration CHECK = Duration.ofSeconds(5);

  private final RunningController running;
  private final int workers;
  private final PrintStream out;

  ElectedController(RunningController running, int workers, PrintStream out) {
    this.running = running;
    this.workers = workers;
    this.out = out;
  }

  @Override
  public void onStartedLeading(Leadership leadership) {
    out.println("leading as " + leadership.identity() + ": starting " + workers + " workers");
    out.flush();
    try {
      running.startWorkers(workers);
      while (!leadership.awaitEnd(CHECK)) {
        LOG.debug("still leading as {}", leadership.identity());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      boolean ended = running.stopWorkers();
      out.println("leadership ended: workers stopped" + (ended ? "" : " (some did not finish in time)"));
      out.flush();
    }
  }

  @Override
  public void onStoppedLeading() {
    out.println("stopped leading");
    out.flush();
  }

  @Override
  public void onNewLeader(String identity) {
    out.println("new leader: " + (identity.isEmpty() ? "(none: the lease was released)" : identity));
    out.flush();
  }
}
