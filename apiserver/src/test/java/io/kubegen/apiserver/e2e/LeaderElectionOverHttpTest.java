package io.kubegen.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.leaderelection.LeaderCallbacks;
import io.kubegen.runtime.leaderelection.LeaderElectionConfig;
import io.kubegen.runtime.leaderelection.LeaderElectionRecord;
import io.kubegen.runtime.leaderelection.LeaderElector;
import io.kubegen.runtime.leaderelection.Lease;
import io.kubegen.runtime.leaderelection.LeaseLock;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leader election through {@link LeaseLock} against the embedded API server over HTTP: the
 * server's optimistic concurrency on Leases, the wire format as kubectl, fabric8 and the official
 * Java client read it, and elections between kubegen and fabric8 candidates.
 */
@ExtendWith(EmbeddedApiServerExtension.class)
@Timeout(90)
class LeaderElectionOverHttpTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String MICRO_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

  static EmbeddedApiServer server;
  @TempDir Path dir;
  RestClient client;
  final List<LeaderElector> electors = new ArrayList<>();

  @BeforeEach
  void connect() {
    client = RestClient.create(server.restConfig());
  }

  @AfterEach
  void closeAll() {
    electors.forEach(LeaderElector::close);
    client.close();
  }

  private LeaderElector elector(String lease, String identity, Duration leaseDuration, boolean release) {
    LeaderElector e = LeaderElector.create(LeaderElectionConfig.builder()
        .lock(LeaseLock.create(client, "default", lease, identity))
        .leaseDuration(leaseDuration)
        .renewDeadline(leaseDuration.minusSeconds(1))
        .retryPeriod(Duration.ofMillis(300))
        .releaseOnCancel(release)
        .callbacks(new LeaderCallbacks() {})
        .build());
    electors.add(e);
    return e;
  }

  private Lease lease(String name) {
    return client.get().resource(Lease.RESOURCE).namespace("default").name(name).execute(Lease.class);
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() - deadline < 0) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  private static LeaderElector theLeader(List<LeaderElector> among) throws InterruptedException {
    return await("one candidate leads", () -> {
      List<LeaderElector> leaders = among.stream().filter(LeaderElector::isLeader).toList();
      assertThat(leaders).hasSizeLessThanOrEqualTo(1);
      return leaders.stream().findFirst();
    });
  }

  @Test
  void aStaleLeaseUpdateIsAConflictAndTheLockReadsWhatItWrote() {
    LeaseLock a = LeaseLock.create(client, "default", "stale", "a");
    LeaseLock b = LeaseLock.create(client, "default", "stale", "b");
    Duration timeout = Duration.ofSeconds(30); // generous: the first calls of a JVM on a loaded machine are slow
    Instant now = Instant.parse("2025-03-01T10:00:00.654321987Z");
    assertThat(a.get(timeout)).isEmpty();
    a.create(new LeaderElectionRecord("a", 15, now, now, 0), timeout);
    assertThat(b.get(timeout)).contains(new LeaderElectionRecord("a", 15, now, now, 0));

    a.update(new LeaderElectionRecord("a", 15, now, now.plusSeconds(2), 0), timeout);
    assertThatThrownBy(() -> b.update(new LeaderElectionRecord("b", 15, now, now, 1), timeout))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isConflict()).isTrue());
    assertThat(b.get(timeout).orElseThrow().renewTime()).isEqualTo(Instant.parse("2025-03-01T10:00:02.654321Z"));
    assertThatThrownBy(() -> b.create(new LeaderElectionRecord("b", 15, now, now, 0), timeout))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isAlreadyExists()).isTrue());
  }

  @Test
  void threeCandidatesElectOneAndAReleasedLeaseIsTakenOverWithoutWaitingForExpiry() throws Exception {
    // A 30-second lease: a handover within the deadline below can only come from the release.
    List<LeaderElector> candidates = List.of(
        elector("release", "a", Duration.ofSeconds(30), true),
        elector("release", "b", Duration.ofSeconds(30), true),
        elector("release", "c", Duration.ofSeconds(30), true));
    candidates.forEach(LeaderElector::start);
    LeaderElector first = theLeader(candidates);
    for (LeaderElector e : candidates) {
      awaitTrue(e.identity() + " sees the leader", () -> e.leader().equals(Optional.of(first.identity())));
    }
    assertThat(lease("release").getSpec().getHolderIdentity()).isEqualTo(first.identity());
    assertThat(lease("release").getSpec().getLeaseTransitions()).isZero();

    long closed = System.nanoTime();
    first.close();
    assertThat(first.isRunning()).isFalse();
    List<LeaderElector> rest = candidates.stream().filter(e -> e != first).toList();
    LeaderElector second = theLeader(rest);
    assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(30));
    Lease lease = lease("release");
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(second.identity());
    assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(30);
  }

  @Test
  void anUnreleasedLeaseIsTakenOverNoSoonerThanItsDuration() throws Exception {
    // Lease 4 s, renew deadline 3 s: room for a loaded machine, where a shorter deadline could
    // make the leader give up before the test closes it.
    LeaderElector a = elector("expiry", "a", Duration.ofSeconds(4), false);
    a.start();
    theLeader(List.of(a));
    LeaderElector b = elector("expiry", "b", Duration.ofSeconds(4), false);
    b.start();
    awaitTrue("b sees a", () -> b.leader().equals(Optional.of("a")));

    a.close(); // no release: the lease still names a, as after a crash
    Lease abandoned = lease("expiry");
    assertThat(abandoned.getSpec().getHolderIdentity()).isEqualTo("a");
    theLeader(List.of(b));
    Lease taken = lease("expiry");
    // Both times come from this machine's clock: b waited a full lease after a's last renewal.
    assertThat(Duration.between(abandoned.getSpec().getRenewTime(), taken.getSpec().getAcquireTime()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(4).minusMillis(100));
    assertThat(taken.getSpec().getLeaseTransitions()).isEqualTo(1);
  }

  @Test
  void kubectlFabric8AndTheOfficialClientReadTheLeaseAKubegenElectorWrites() throws Exception {
    LeaderElector a = elector("wire", "kubegen-a", Duration.ofSeconds(15), true);
    a.start();
    theLeader(List.of(a));

    Kubectl kubectl = new Kubectl(server, dir);
    JsonNode json = Json.mapper().readTree(kubectl.run("get", "lease", "wire", "-o", "json").ok().out());
    assertThat(json.path("spec").path("holderIdentity").asText()).isEqualTo("kubegen-a");
    assertThat(json.path("spec").path("renewTime").asText()).matches(MICRO_TIME);
    assertThat(json.path("spec").path("acquireTime").asText()).matches(MICRO_TIME);
    assertThat(kubectl.run("get", "leases").ok().out()).contains("wire");

    try (KubernetesClient fabric8 = fabric8()) {
      var lease = fabric8.leases().inNamespace("default").withName("wire").get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("kubegen-a");
      assertThat(lease.getSpec().getRenewTime()).isNotNull();
      assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
    }
    var official = new io.kubernetes.client.openapi.apis.CoordinationV1Api(
        io.kubernetes.client.util.Config.fromUrl(server.url().toString(), false));
    var read = official.readNamespacedLease("wire", "default").execute();
    assertThat(read.getSpec().getHolderIdentity()).isEqualTo("kubegen-a");
    assertThat(read.getSpec().getRenewTime()).isNotNull();
  }

  @Test
  void kubegenAndFabric8CandidatesShareOneLease() throws Exception {
    try (KubernetesClient fabric8 = fabric8()) {
      CompletableFuture<?> fabric8Run = fabric8Elector(fabric8, "fabric8-x").start();
      awaitTrue("fabric8 leads", () -> "fabric8-x".equals(holder("mixed")));

      LeaderElector kubegen = elector("mixed", "kubegen-y", Duration.ofSeconds(30), true);
      kubegen.start();
      awaitTrue("kubegen sees the fabric8 leader", () -> kubegen.leader().equals(Optional.of("fabric8-x")));
      assertThat(kubegen.isLeader()).isFalse();

      fabric8Run.cancel(true); // fabric8 releases on cancel
      theLeader(List.of(kubegen));
      assertThat(holder("mixed")).isEqualTo("kubegen-y");

      CompletableFuture<?> fabric8Again = fabric8Elector(fabric8, "fabric8-z").start();
      try {
        kubegen.close(); // releases; fabric8 takes over
        awaitTrue("fabric8 takes over", () -> "fabric8-z".equals(holder("mixed")));
      } finally {
        fabric8Again.cancel(true);
      }
    }
  }

  private String holder(String lease) {
    try {
      return lease(lease).getSpec().getHolderIdentity();
    } catch (KubeApiException e) {
      return null;
    }
  }

  private io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector fabric8Elector(KubernetesClient fabric8,
      String identity) {
    var config = new io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder()
        .withName("mixed")
        .withLock(new io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock("default", "mixed", identity))
        .withLeaseDuration(Duration.ofSeconds(30))
        .withRenewDeadline(Duration.ofSeconds(20))
        .withRetryPeriod(Duration.ofMillis(300))
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks(() -> {}, () -> {}, id -> {}))
        .build();
    return fabric8.leaderElector().withConfig(config).build();
  }

  private KubernetesClient fabric8() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url().toString())
        .withNamespace("default").withRequestTimeout(10_000).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
