package io.kubegen.sample.controller;

import io.kubegen.runtime.config.KubeConfig;
import io.kubegen.runtime.config.KubeConfigException;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.health.ControllerHealth;
import io.kubegen.runtime.health.HealthServer;
import io.kubegen.runtime.leaderelection.LeaderElectionConfig;
import io.kubegen.runtime.leaderelection.LeaderElector;
import io.kubegen.runtime.leaderelection.LeaseLock;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.sample.generated.clientset.Clientset;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point of the sample controller. Without arguments (or with {@code --embedded}) it runs the
 * bounded demo on an embedded API server and exits; with {@code --kubeconfig} it reconciles Foos
 * on that cluster until it gets SIGTERM (or Ctrl-C), then shuts down cleanly. See
 * {@link Options#USAGE}.
 */
public final class Main {
  private Main() {}

  /** Runs the controller; exits with 0 on success, 1 on a failed demo, 2 on bad arguments. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the controller as {@link #main} does, returning the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("sample-controller: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    if (options.embedded()) {
      EmbeddedDemo demo = new EmbeddedDemo(options, out);
      Thread hook = new Thread(demo::stop, "sample-controller-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      int code = demo.run();
      removeHook(hook);
      return code;
    }
    try {
      return runOnCluster(options, out);
    } catch (KubeConfigException e) {
      err.println("sample-controller: " + e.getMessage());
      return 2;
    }
  }

  private static int runOnCluster(Options options, PrintStream out) {
    KubeConfig kubeconfig = options.kubeconfig().map(KubeConfig::load).orElseGet(KubeConfig::load);
    RestConfig config = options.context().map(kubeconfig::restConfig).orElseGet(kubeconfig::restConfig);
    Clientset clients = Clientset.create(config);
    Options.LeaderElection election = options.leaderElection().orElse(null);
    RunningController running = election == null
        ? RunningController.start(clients, options.workers(), false, out::println)
        : RunningController.startInformers(clients, false, out::println, election.identity());
    RestClient leaseClient = null;
    LeaderElector elector = null;
    if (election != null) {
      leaseClient = RestClient.create(config);
      try {
        elector = LeaderElector.create(LeaderElectionConfig.builder()
            .lock(LeaseLock.create(leaseClient, election.leaseNamespace(), election.leaseName(), election.identity()))
            .name(election.leaseName())
            .leaseDuration(election.leaseDuration())
            .renewDeadline(election.renewDeadline())
            .retryPeriod(election.retryPeriod())
            .releaseOnCancel(true)
            .callbacks(new ElectedController(running, options.workers(), out))
            .build());
      } catch (IllegalArgumentException e) {
        System.err.println("sample-controller: " + e.getMessage());
        running.close();
        leaseClient.close();
        return 2;
      }
    }
    HealthServer health = null;
    if (options.healthAddress().isPresent()) {
      ControllerHealth.Builder view = ControllerHealth.builder()
          .informers(running.factory())
          .queue(FooController.NAME, running.controller().workQueue());
      if (elector != null) {
        view.leaderElector(elector, Duration.ofSeconds(20));
      }
      health = HealthServer.start(options.healthAddress().get(), view.build());
      out.println("health endpoint at " + health.url() + " (/healthz, /livez, /readyz)");
    }

    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean shuttingDown = new AtomicBoolean();
    LeaderElector electorToClose = elector;
    HealthServer healthToClose = health;
    RestClient leaseClientToClose = leaseClient;
    Runnable stopAll = () -> {
      if (electorToClose != null) {
        electorToClose.close(); // ends leadership: workers stop, then the lease is released
      }
      running.close();
      if (healthToClose != null) {
        healthToClose.close();
      }
      if (leaseClientToClose != null) {
        leaseClientToClose.close();
      }
    };
    Thread hook = new Thread(() -> {
      shuttingDown.set(true);
      out.println("signal received: shutting down");
      stopAll.run();
      out.println("stopped cleanly: " + running.controller().stats());
      out.flush();
      finished.countDown();
    }, "sample-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("sample-controller running against " + config.servers().get(0) + " with " + options.workers()
        + " workers" + (election == null ? "" : " as leader election candidate " + election.identity() + " for lease "
        + election.leaseNamespace() + "/" + election.leaseName()) + "; SIGTERM or Ctrl-C stops it");
    out.flush();
    if (elector != null) {
      LeaderElector campaign = elector;
      Thread thread = new Thread(() -> {
        try {
          campaign.run();
        } finally {
          finished.countDown();
        }
      }, "leader-election");
      thread.setDaemon(true);
      thread.start();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll.run();
      return 0;
    }
    if (shuttingDown.get()) {
      return 0;
    }
    // Leadership was lost (the lease could not be renewed): exit, so a fresh process campaigns again.
    out.println("lost leadership: exiting");
    out.flush();
    removeHook(hook);
    stopAll.run();
    return 1;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }
}
