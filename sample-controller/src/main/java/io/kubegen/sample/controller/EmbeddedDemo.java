package io.kubegen.sample.controller;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RetryOnConflict;
import io.kubegen.sample.apps.v1.Deployment;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import io.kubegen.sample.samplecontroller.v1alpha1.FooPolicy;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The bounded demo: starts an embedded API server, registers the Foo and FooPolicy CRDs that
 * kubegen generated for sample-types (found on the class path, schemas enforced),
 * runs the controller (with the {@link ClusterSimulator} standing in for kube-controller-manager),
 * and walks through a Foo's life: create, reconcile, scale, cap by a FooPolicy, delete. Prints
 * each step and a summary; every wait has a deadline.
 *
 * <p>Single use, on one thread; {@link #stop} may be called from another (a shutdown hook).
 */
public final class EmbeddedDemo {
  /** The namespace the demo works in. */
  public static final String NAMESPACE = "default";

  private final Options options;
  private final PrintStream out;
  private final long deadline;
  private volatile RunningController running;
  private volatile boolean stopped;

  /** A demo printing to {@code out}, bounded by {@code options.demoTimeout()}. */
  public EmbeddedDemo(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.deadline = System.nanoTime() + options.demoTimeout().toNanos();
  }

  /** Runs the demo; returns the process exit code (0 when every step happened in time). */
  public int run() {
    long started = System.nanoTime();
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      server.registerCrds();
      out.println("embedded API server at " + server.url() + " (Foo and FooPolicy CRDs registered)");
      Clientset clients = Clientset.create(server.restConfig());
      running = RunningController.start(clients, options.workers(), true, line -> out.println(line));
      try {
        FooController controller = running.controller();
        out.println("controller running with " + options.workers() + " workers; informer caches synced");

        out.println();
        out.println("step 1: create three Foos");
        create(clients, Foo.of(NAMESPACE, "example-foo", "example-foo", 1));
        create(clients, Foo.of(NAMESPACE, "web", "web", 3));
        create(clients, Foo.of(NAMESPACE, "batch", "batch-runner", 2));
        awaitStep("every Foo reports its replicas available", () ->
            available(clients, "example-foo") == 1 && available(clients, "web") == 3 && available(clients, "batch") == 2);

        out.println();
        out.println("step 2: scale Foo web to 5 replicas");
        RetryOnConflict.retryOnConflict(() -> {
          Foo web = clients.samplecontrollerV1alpha1().foos(NAMESPACE).get("web");
          web.getSpec().setReplicas(5);
          clients.samplecontrollerV1alpha1().foos(NAMESPACE).update(web);
        });
        awaitStep("deployment web runs 5 replicas", () -> deploymentReplicas(clients, "web") == 5 && available(clients, "web") == 5);

        out.println();
        out.println("step 3: create the cluster-scoped FooPolicy max-four (maxReplicas 4)");
        clients.samplecontrollerV1alpha1().fooPolicies().create(FooPolicy.of("max-four", 4));
        awaitStep("deployment web is capped at 4 replicas", () -> deploymentReplicas(clients, "web") == 4 && available(clients, "web") == 4);

        out.println();
        out.println("step 4: delete Foo batch");
        clients.samplecontrollerV1alpha1().foos(NAMESPACE).delete("batch");
        awaitStep("the controller stops tracking batch and its deployment is gone", () ->
            !controller.trackedFoos().containsKey(NAMESPACE + "/batch") && !deploymentExists(clients, "batch-runner"));
        awaitStep("events were recorded for the Foos", () -> !events(clients).isEmpty());

        printSummary(clients, controller, started);
        return 0;
      } finally {
        running.close();
      }
    } catch (DemoFailure e) {
      out.println();
      out.println("demo FAILED: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      if (stopped) {
        out.println("demo stopped");
        return 1;
      }
      throw e;
    }
  }

  /** Stops a running demo: the controller shuts down cleanly and {@link #run} returns. */
  public void stop() {
    stopped = true;
    RunningController current = running;
    if (current != null) {
      current.close();
    }
  }

  private void printSummary(Clientset clients, FooController controller, long started) {
    out.println();
    out.println("summary");
    for (Foo foo : clients.samplecontrollerV1alpha1().foos(NAMESPACE).list().getItems()) {
      Deployment d = clients.appsV1().deployments(NAMESPACE).get(foo.getSpec().getDeploymentName());
      out.printf("  foo %-12s -> deployment %-12s replicas=%d available=%d owner=%s%n",
          foo.getMetadata().getName(), d.getMetadata().getName(), d.getSpec().getReplicas(),
          foo.getStatus() == null ? 0 : foo.getStatus().getAvailableReplicas(),
          d.getMetadata().getOwnerReferences().get(0).getKind() + "/" + d.getMetadata().getOwnerReferences().get(0).getName());
    }
    Map<String, TrackedFoo> tracked = controller.trackedFoos();
    out.println("  tracked foos: " + String.join(", ", tracked.keySet()));
    out.println("  events recorded: " + events(clients).size());
    out.println("  controller: " + controller.stats());
    out.printf("demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private void create(Clientset clients, Foo foo) {
    clients.samplecontrollerV1alpha1().foos(foo.getMetadata().getNamespace()).create(foo);
    out.println("> created foo " + foo.getMetadata().getName() + " (deployment " + foo.getSpec().getDeploymentName()
        + ", " + foo.getSpec().getReplicas() + " replicas)");
  }

  private static int available(Clientset clients, String foo) {
    Foo current = clients.samplecontrollerV1alpha1().foos(NAMESPACE).get(foo);
    return current.getStatus() == null ? -1 : current.getStatus().getAvailableReplicas();
  }

  private static int deploymentReplicas(Clientset clients, String name) {
    try {
      Integer replicas = clients.appsV1().deployments(NAMESPACE).get(name).getSpec().getReplicas();
      return replicas == null ? 1 : replicas;
    } catch (KubeApiException e) {
      if (e.isNotFound()) {
        return -1;
      }
      throw e;
    }
  }

  private static boolean deploymentExists(Clientset clients, String name) {
    return deploymentReplicas(clients, name) >= 0;
  }

  private static List<io.kubegen.sample.core.v1.Event> events(Clientset clients) {
    return clients.coreV1().events(NAMESPACE).list(ListOptions.none()).getItems();
  }

  private void awaitStep(String what, BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      if (stopped) {
        throw new DemoFailure("stopped while waiting until " + what);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new DemoFailure("gave up waiting until " + what + " (--demo-timeout "
            + options.demoTimeout().toSeconds() + " s)");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoFailure("interrupted while waiting until " + what);
      }
    }
    out.println("  ok: " + what);
  }

  /** A step that did not happen in time. */
  private static final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
      super(message);
    }
  }
}
