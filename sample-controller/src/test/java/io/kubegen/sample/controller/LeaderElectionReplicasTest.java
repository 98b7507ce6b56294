package io.kubegen.sample.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.leaderelection.Lease;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.RetryOnConflict;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import io.kubegen.sample.apps.v1.Deployment;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three controller processes ({@code --leader-elect}, short lease timings) against one embedded
 * API server while Foos keep changing: one leads and reconciles; SIGKILL of the leader hands
 * over after the lease expires; SIGTERM of the next leader releases the lease and hands over at
 * once. Mutual exclusion is checked on the server's own record, not by timing: replaying the
 * Lease's and the Deployments' histories in resourceVersion order, every Deployment write (which
 * carries the writer's identity and the Foo generation it was made for) was made while the Lease
 * named its writer, and every Foo generation was handled by exactly one replica.
 */
@Timeout(300)
@DisabledOnOs(OS.WINDOWS)
class LeaderElectionReplicasTest {
  private static final String NS = "default";
  private static final String LEASE = "sample-controller";
  private static final Duration LEASE_DURATION = Duration.ofSeconds(5);
  private static final Duration RENEW_DEADLINE = Duration.ofSeconds(4);
  private static final Duration RETRY = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int FOOS = 5;

  @TempDir Path dir;
  private final Map<String, Process> replicas = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void killAll() {
    replicas.values().forEach(Process::destroyForcibly);
  }

  @Test
  void oneReplicaReconcilesAtATimeAndHandsOverOnSigkillAndSigterm() throws Exception {
    try {
      handOverTwice();
    } catch (Exception | AssertionError e) {
      for (String id : replicas.keySet()) {
        System.out.println("---- output of " + id + ":\n" + String.join("\n", output(id)));
      }
      throw e;
    }
  }

  private void handOverTwice() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start();
         RestClient rest = RestClient.create(server.restConfig())) {
      server.registerCrds();
      Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      Clientset clients = Clientset.create(server.restConfig());
      ResourceClient<Lease> leases = new ResourceClient<>(rest, Lease.RESOURCE, Lease.class, NS);
      String startRv = clients.samplecontrollerV1alpha1().foos(NS).list().getMetadata().getResourceVersion();
      for (int i = 0; i < FOOS; i++) {
        clients.samplecontrollerV1alpha1().foos(NS).create(Foo.of(NS, "foo-" + i, "deploy-" + i, 1));
      }
      for (String id : List.of("replica-a", "replica-b", "replica-c")) {
        replicas.put(id, start(id, kubeconfig));
      }
      Map<String, URI> health = new HashMap<>();
      for (String id : replicas.keySet()) {
        health.put(id, Eventually.await(id + " serves health checks", WAIT, () -> healthUrl(id)));
      }

      AtomicBoolean churning = new AtomicBoolean(true);
      Thread churn = new Thread(() -> churn(clients, churning), "churn");
      churn.start();
      try {
        // 1. One leader among three ready replicas.
        String first = Eventually.await("a replica leads", WAIT, () -> holder(leases).filter(replicas::containsKey));
        Eventually.until("every replica is ready, exactly one reports leading", WAIT, () -> {
          int leaders = 0;
          for (String id : replicas.keySet()) {
            JsonNode report = readyz(health.get(id)).orElse(null);
            if (report == null || !report.path("ready").asBoolean()) {
              return false;
            }
            leaders += report.path("leaderElection").path("leader").asBoolean() ? 1 : 0;
          }
          return leaders == 1 && readyz(health.get(first)).map(r -> r.path("leaderElection").path("leader").asBoolean())
              .orElse(false);
        });
        awaitHandledBy(clients, first);

        // 2. SIGKILL: nobody releases; a successor takes over once the lease has expired.
        replicas.get(first).destroyForcibly();
        assertThat(replicas.get(first).waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killed = System.nanoTime();
        String second = Eventually.await("a successor after SIGKILL", WAIT,
            () -> holder(leases).filter(h -> !h.equals(first) && replicas.containsKey(h)));
        Duration sigkillHandover = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(sigkillHandover).as("handover after SIGKILL within the lease duration plus a jittered retry")
            .isLessThan(LEASE_DURATION.plus(RETRY.multipliedBy(22).dividedBy(10)).plusSeconds(3));
        awaitHandledBy(clients, second);

        // 3. SIGTERM: the shutdown hook stops the workers and releases; the last replica takes over at once.
        replicas.get(second).destroy();
        assertThat(replicas.get(second).waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        assertThat(output(second)).contains("signal received: shutting down", "leadership ended: workers stopped")
            .anyMatch(l -> l.startsWith("stopped cleanly: "));
        String third = replicas.keySet().stream().filter(id -> !id.equals(first) && !id.equals(second)).findFirst()
            .orElseThrow();
        Eventually.until("the last replica takes over after SIGTERM", WAIT, () -> holder(leases).equals(Optional.of(third)));
        awaitHandledBy(clients, third);
      } finally {
        churning.set(false);
        churn.join(WAIT.toMillis());
      }
      String last = holder(leases).orElseThrow();
      Eventually.until("every Foo is reconciled", WAIT, () -> allReconciled(clients));

      // 4. The server's record.
      List<LeaseChange> leaseHistory = leaseHistory(leases, startRv);
      List<String> holders = new ArrayList<>();
      for (LeaseChange c : leaseHistory) {
        if (holders.isEmpty() || !holders.get(holders.size() - 1).equals(c.holder)) {
          holders.add(c.holder);
        }
      }
      List<String> order = new ArrayList<>(holders);
      order.remove("");
      assertThat(holders).as("holders over time").hasSize(4).element(2).isEqualTo("");
      assertThat(order).doesNotHaveDuplicates().endsWith(last);
      LeaseChange killedLast = lastOf(leaseHistory, order.get(0));
      LeaseChange secondFirst = firstOf(leaseHistory, order.get(1));
      assertThat(Duration.between(killedLast.renewTime, secondFirst.acquireTime))
          .as("after SIGKILL the successor waited for the lease to expire")
          .isGreaterThanOrEqualTo(LEASE_DURATION.minusMillis(100));
      assertThat(secondFirst.transitions).isEqualTo(killedLast.transitions + 1);
      LeaseChange released = firstOf(leaseHistory, "");
      assertThat(released.durationSeconds).isEqualTo(1);
      LeaseChange thirdFirst = firstOf(leaseHistory, order.get(2));
      assertThat(Duration.between(released.renewTime, thirdFirst.acquireTime))
          .as("after SIGTERM the successor took the released lease without waiting for it to expire")
          .isLessThan(LEASE_DURATION);

      Map<String, Set<String>> writersByGeneration = new TreeMap<>();
      Set<String> writers = new HashSet<>();
      int writes = 0;
      Map<String, String> stampOf = new HashMap<>();
      for (WatchEvent<Deployment> e : history(clients, startRv)) {
        Deployment d = e.object();
        Map<String, String> a = d.getMetadata().getAnnotations();
        String writer = a.get(FooController.HANDLED_BY_ANNOTATION);
        String stamp = writer + "@" + a.get(FooController.FOO_GENERATION_ANNOTATION);
        if (writer == null || stamp.equals(stampOf.put(d.getMetadata().getName(), stamp))) {
          continue; // not a write of the controller (or the same stamp again)
        }
        writes++;
        writers.add(writer);
        long rv = Long.parseLong(d.getMetadata().getResourceVersion());
        assertThat(holderAt(leaseHistory, rv)).as("lease holder when %s wrote %s at rv %d", writer,
            d.getMetadata().getName(), rv).isEqualTo(writer);
        writersByGeneration.computeIfAbsent(d.getMetadata().getName() + "#" + a.get(FooController.FOO_GENERATION_ANNOTATION),
            k -> new HashSet<>()).add(writer);
      }
      // Every Foo was stamped at least once; how many more writes the churn adds depends on the machine's
      // speed, so only the lower bound is asserted (each leader's share is checked through `writers`).
      assertThat(writes).isGreaterThanOrEqualTo(FOOS);
      assertThat(writers).containsExactlyInAnyOrderElementsOf(order);
      assertThat(writersByGeneration).allSatisfy((gen, ids) -> assertThat(ids).as(gen).hasSize(1));

      replicas.get(last).destroy();
      assertThat(replicas.get(last).waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private Process start(String id, Path kubeconfig) throws IOException {
    return new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dorg.slf4j.simpleLogger.log.io.kubegen.runtime.leaderelection=info",
        Main.class.getName(), "--kubeconfig=" + kubeconfig, "--workers=2",
        "--leader-elect", "--leader-elect-identity=" + id, "--leader-elect-resource-name=" + LEASE,
        "--leader-elect-lease-duration=" + LEASE_DURATION.toSeconds() + "s",
        "--leader-elect-renew-deadline=" + RENEW_DEADLINE.toSeconds() + "s",
        "--leader-elect-retry-period=" + RETRY.toMillis() + "ms", "--health-address=127.0.0.1:0")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(id + ".log").toFile())
        .start();
  }

  private List<String> output(String id) {
    try {
      return Files.readAllLines(dir.resolve(id + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<URI> healthUrl(String id) {
    if (!replicas.get(id).isAlive()) {
      throw new AssertionError(id + " exited: " + output(id));
    }
    return output(id).stream().filter(l -> l.startsWith("health endpoint at "))
        .map(l -> URI.create(l.substring("health endpoint at ".length()).split(" ")[0])).findFirst();
  }

  private Optional<JsonNode> readyz(URI base) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/readyz")).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(Json.mapper().readTree(r.body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<String> holder(ResourceClient<Lease> leases) {
    try {
      return Optional.ofNullable(leases.get(LEASE, null).getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Bumps the replicas of one Foo after another, each a new generation, until told to stop (bounded). */
  private static void churn(Clientset clients, AtomicBoolean churning) {
    for (int i = 0; churning.get() && i < 2000; i++) {
      String name = "foo-" + (i % FOOS);
      int replicas = 1 + (i / FOOS) % 4;
      RetryOnConflict.retryOnConflict(() -> {
        Foo foo = clients.samplecontrollerV1alpha1().foos(NS).get(name);
        foo.getSpec().setReplicas(replicas);
        clients.samplecontrollerV1alpha1().foos(NS).update(foo);
      });
      try {
        Thread.sleep(100); // pacing of the workload, not a wait for state
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void awaitHandledBy(Clientset clients, String identity) {
    Eventually.until(identity + " reconciles a new Foo generation", WAIT, () ->
        clients.appsV1().deployments(NS).list().getItems().stream().anyMatch(d ->
            identity.equals(d.getMetadata().getAnnotations().get(FooController.HANDLED_BY_ANNOTATION))));
  }

  private static boolean allReconciled(Clientset clients) {
    for (Foo foo : clients.samplecontrollerV1alpha1().foos(NS).list().getItems()) {
      Optional<Deployment> d = ControllerScenario.deployment(clients, foo.getSpec().getDeploymentName());
      if (d.isEmpty() || !String.valueOf(foo.getMetadata().getGeneration())
          .equals(d.get().getMetadata().getAnnotations().get(FooController.FOO_GENERATION_ANNOTATION))
          || !foo.getSpec().getReplicas().equals(d.get().getSpec().getReplicas())) {
        return false;
      }
    }
    return true;
  }

  private record LeaseChange(long rv, String holder, Instant acquireTime, Instant renewTime, int transitions,
      int durationSeconds) {}

  private static List<LeaseChange> leaseHistory(ResourceClient<Lease> leases, String fromRv) {
    long lastRv = Long.parseLong(leases.get(LEASE, null).getMetadata().getResourceVersion());
    List<LeaseChange> changes = new ArrayList<>();
    for (WatchEvent<Lease> e : replay(leases.watch(ListOptions.builder().resourceVersion(fromRv).build()), lastRv)) {
      Lease l = e.object();
      changes.add(new LeaseChange(Long.parseLong(l.getMetadata().getResourceVersion()),
          Optional.ofNullable(l.getSpec().getHolderIdentity()).orElse(""), l.getSpec().getAcquireTime(),
          l.getSpec().getRenewTime(), l.getSpec().getLeaseTransitions(), l.getSpec().getLeaseDurationSeconds()));
    }
    return changes;
  }

  private static List<WatchEvent<Deployment>> history(Clientset clients, String fromRv) {
    long lastRv = clients.appsV1().deployments(NS).list().getItems().stream()
        .mapToLong(d -> Long.parseLong(d.getMetadata().getResourceVersion())).max().orElseThrow();
    return replay(clients.appsV1().deployments(NS).watch(ListOptions.builder().resourceVersion(fromRv).build()), lastRv);
  }

  /** Every event of {@code watch} up to and including resourceVersion {@code lastRv}. */
  private static <T extends KubernetesObject> List<WatchEvent<T>> replay(Watch<T> watch, long lastRv) {
    List<WatchEvent<T>> events = new ArrayList<>();
    try (watch) {
      while (true) {
        WatchEvent<T> e = watch.poll(Duration.ofSeconds(10))
            .orElseThrow(() -> new AssertionError("the watch replay stopped before rv " + lastRv));
        if (e.type() == WatchEvent.Type.BOOKMARK) {
          continue;
        }
        assertThat(e.type()).isIn(WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED);
        events.add(e);
        if (Long.parseLong(e.object().getMetadata().getResourceVersion()) >= lastRv) {
          return events;
        }
      }
    }
  }

  private static String holderAt(List<LeaseChange> history, long rv) {
    String holder = "";
    for (LeaseChange c : history) {
      if (c.rv > rv) {
        break;
      }
      holder = c.holder;
    }
    return holder;
  }

  private static LeaseChange firstOf(List<LeaseChange> history, String holder) {
    return history.stream().filter(c -> c.holder.equals(holder)).findFirst().orElseThrow();
  }

  private static LeaseChange lastOf(List<LeaseChange> history, String holder) {
    LeaseChange last = null;
    for (LeaseChange c : history) {
      if (c.holder.equals(holder)) {
        last = c;
      }
    }
    return Optional.ofNullable(last).orElseThrow();
  }
}
