package io.kubegen.sample.controller;

import io.kubegen.runtime.config.KubeConfig;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.sample.generated.clientset.Clientset;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

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
    return runOnCluster(options, out);
  }

  private static int runOnCluster(Options options, PrintStream out) {
    KubeConfig kubeconfig = options.kubeconfig().map(KubeConfig::load).orElseGet(KubeConfig::load);
    RestConfig config = options.context().map(kubeconfig::restConfig).orElseGet(kubeconfig::restConfig);
    Clientset clients = Clientset.create(config);
    CountDownLatch stopped = new CountDownLatch(1);
    RunningController running = RunningController.start(clients, options.workers(), false, out::println);
    Thread hook = new Thread(() -> {
      out.println("signal received: shutting down");
      running.close();
      out.println("stopped cleanly: " + running.controller().stats());
      out.flush();
      stopped.countDown();
    }, "sample-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("sample-controller running against " + config.servers().get(0) + " with " + options.workers()
        + " workers; SIGTERM or Ctrl-C stops it");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.close();
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }
}
