package io.kubegen.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.cache.Eventually;
import io.kubegen.runtime.cache.FakeListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.cache.Thing;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.leaderelection.LeaderElectionConfig;
import io.kubegen.runtime.leaderelection.LeaderElectionRecord;
import io.kubegen.runtime.leaderelection.LeaderElector;
import io.kubegen.runtime.leaderelection.ResourceLock;
import io.kubegen.runtime.workqueue.WorkQueue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The health view and its HTTP endpoints, over real HTTP on loopback. */
@Timeout(30)
class HealthServerTest {
  private final FakeListWatch server = new FakeListWatch();
  private final SharedIndexInformer<Thing> informer = SharedIndexInformer.builder(server, Thing.class).name("things").build();
  private final WorkQueue<String> queue = WorkQueue.create("keys");
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private HealthServer health;
  private LeaderElector elector;

  @AfterEach
  void stop() {
    if (health != null) {
      health.close();
    }
    if (elector != null) {
      elector.close();
    }
    informer.stop();
    queue.shutDown();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(health.url() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HealthServer serve(ControllerHealth view) {
    return HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), view);
  }

  @Test
  void readyOnceTheInformersSyncedAndNotLiveOnceOneStopped() throws Exception {
    server.put("ns", "a", "1");
    health = serve(ControllerHealth.builder().informer("things", informer).queue("keys", queue).build());

    HttpResponse<String> notStarted = get("/readyz");
    assertThat(notStarted.statusCode()).isEqualTo(503);
    assertThat(notStarted.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(Json.mapper().readTree(notStarted.body()).path("problems").toString()).contains("informer things has not started");
    assertThat(get("/healthz").statusCode()).as("starting is alive").isEqualTo(200);

    informer.start();
    Eventually.until(informer::hasSynced, "synced");
    queue.add("x");
    queue.add("y");
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(ready.body());
    assertThat(body.path("ready").asBoolean()).isTrue();
    assertThat(body.path("queues").path("keys").asInt()).isEqualTo(2);
    assertThat(body.path("informers").path("things").path("synced").asBoolean()).isTrue();
    assertThat(body.path("informers").path("things").path("resourceVersion").asText()).isEqualTo(server.resourceVersion());
    assertThat(body.has("leaderElection")).isFalse();
    assertThat(get("/livez").statusCode()).isEqualTo(200);

    informer.stop();
    HttpResponse<String> dead = get("/healthz");
    assertThat(dead.statusCode()).isEqualTo(503);
    assertThat(dead.body()).contains("informer things has stopped");
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void reportsLeadershipWithoutRequiringIt() throws Exception {
    elector = LeaderElector.create(LeaderElectionConfig.builder().lock(new MemoryLock("me")).build());
    health = serve(ControllerHealth.builder().leaderElector(elector, Duration.ofSeconds(20)).build());
    JsonNode beforeStart = Json.mapper().readTree(get("/healthz").body());
    assertThat(beforeStart.path("live").asBoolean()).as("an elector about to start").isTrue();
    assertThat(beforeStart.path("leaderElection").path("leader").asBoolean()).isFalse();

    elector.start();
    Eventually.until(elector::isLeader, "leads");
    HttpResponse<String> leading = get("/readyz");
    assertThat(leading.statusCode()).isEqualTo(200);
    JsonNode l = Json.mapper().readTree(leading.body()).path("leaderElection");
    assertThat(l.path("identity").asText()).isEqualTo("me");
    assertThat(l.path("leader").asBoolean()).isTrue();
    assertThat(l.path("currentLeader").asText()).isEqualTo("me");
    assertThat(l.path("renewedInTime").asBoolean()).isTrue();

    elector.close();
    assertThat(get("/healthz").statusCode()).as("an elector that stopped").isEqualTo(503);
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    health = serve(ControllerHealth.builder().build());
    assertThat(get("/metrics").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(health.url() + "/healthz"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  /** A lock nobody else competes for. */
  private static final class MemoryLock implements ResourceLock {
    private final String identity;
    private LeaderElectionRecord record;

    MemoryLock(String identity) {
      this.identity = identity;
    }

    @Override public synchronized Optional<LeaderElectionRecord> get(Duration timeout) { return Optional.ofNullable(record); }
    @Override public synchronized void create(LeaderElectionRecord r, Duration timeout) { record = r; }
    @Override public synchronized void update(LeaderElectionRecord r, Duration timeout) { record = r; }
    @Override public String identity() { return identity; }
    @Override public String describe() { return "memory/lock"; }
  }
}
