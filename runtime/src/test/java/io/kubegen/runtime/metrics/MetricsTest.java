package io.kubegen.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.cache.Eventually;
import io.kubegen.runtime.cache.FakeListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.cache.Thing;
import io.kubegen.runtime.metrics.micrometer.MicrometerMetricsProvider;
import io.kubegen.runtime.workqueue.FakeClock;
import io.kubegen.runtime.workqueue.QueueOptions;
import io.kubegen.runtime.workqueue.RateLimiter;
import io.kubegen.runtime.workqueue.RateLimitingQueue;
import io.kubegen.runtime.workqueue.WorkQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Work queue and informer metrics through the Micrometer adapter, read back as Prometheus text. */
@Timeout(30)
class MetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerMetricsProvider provider = new MicrometerMetricsProvider(registry);
  private SharedIndexInformer<Thing> informer;

  @AfterEach
  void stop() {
    if (informer != null) {
      informer.stop();
    }
  }

  private double gauge(String name, String queue) {
    return registry.get(name).tag("name", queue).gauge().value();
  }

  private static double counter(MeterRegistry r, String name, String tagValue) {
    return r.get(name).tag("name", tagValue).counter().count();
  }

  @Test
  void workQueueMetricsFollowClientGo() {
    FakeClock clock = new FakeClock();
    RateLimitingQueue<String> queue = RateLimitingQueue.create(RateLimiter.defaultControllerRateLimiter(),
        QueueOptions.builder().name("foos").clock(clock).metrics(new WorkQueueMetricsRecorder(provider)).build());
    try {
      queue.add("a");
      queue.add("b");
      queue.add("a"); // already waiting: not an add
      assertThat(counter(registry, "workqueue.adds", "foos")).isEqualTo(2);
      assertThat(gauge("workqueue.depth", "foos")).isEqualTo(2);

      clock.advance(Duration.ofSeconds(3));
      assertThat(queue.get()).isEqualTo("a");
      clock.advance(Duration.ofSeconds(5));
      assertThat(queue.get()).isEqualTo("b");
      clock.advance(Duration.ofSeconds(1));
      assertThat(gauge("workqueue.depth", "foos")).isZero();
      assertThat(gauge("workqueue.unfinished.work.seconds", "foos")).isEqualTo(6 + 1);
      assertThat(gauge("workqueue.longest.running.processor.seconds", "foos")).isEqualTo(6);

      queue.done("a");
      queue.addRateLimited("b");
      queue.done("b");
      assertThat(gauge("workqueue.unfinished.work.seconds", "foos")).isZero();
      assertThat(gauge("workqueue.longest.running.processor.seconds", "foos")).isZero();
      assertThat(counter(registry, "workqueue.retries", "foos")).isEqualTo(1);
      var queued = registry.get("workqueue.queue.duration").tag("name", "foos").timer();
      assertThat(queued.count()).isEqualTo(2);
      assertThat(queued.max(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(8);
      var worked = registry.get("workqueue.work.duration").tag("name", "foos").timer();
      assertThat(worked.count()).isEqualTo(2);
      assertThat(worked.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(6 + 1);

      assertThat(registry.scrape()).contains(
          "workqueue_depth{name=\"foos\"} 0.0",
          "workqueue_adds_total{name=\"foos\"} 2.0",
          "workqueue_retries_total{name=\"foos\"} 1.0",
          "workqueue_unfinished_work_seconds{name=\"foos\"} 0.0",
          "workqueue_longest_running_processor_seconds{name=\"foos\"} 0.0",
          "workqueue_queue_duration_seconds_count{name=\"foos\"} 2",
          "workqueue_work_duration_seconds_sum{name=\"foos\"} 7.0");
    } finally {
      queue.shutDown();
    }
  }

  @Test
  void aQueueCreatedAgainUnderTheSameNameTakesItsGaugesOver() {
    WorkQueueMetricsRecorder recorder = new WorkQueueMetricsRecorder(provider);
    WorkQueue<String> first = WorkQueue.create(QueueOptions.builder().name("q").metrics(recorder).build());
    first.add("x");
    first.shutDown();
    WorkQueue<String> second = WorkQueue.create(QueueOptions.builder().name("q").metrics(recorder).build());
    second.add("y");
    second.add("z");
    assertThat(gauge("workqueue.depth", "q")).isEqualTo(2);
    assertThat(counter(registry, "workqueue.adds", "q")).isEqualTo(3);
  }

  @Test
  void informerMetricsCountListsRelistsWatchesAndHandledChanges() {
    FakeListWatch server = new FakeListWatch();
    server.put("ns", "a", "1");
    server.put("ns", "b", "1");
    server.put("ns", "c", "1");
    informer = SharedIndexInformer.builder(server, Thing.class)
        .name("things")
        .reflectorOptions(ReflectorOptions.builder()
            .backoff(Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMinutes(2), 0).build())
        .metrics(new InformerMetricsRecorder(provider))
        .build();
    informer.start();
    Eventually.until(informer::hasSynced, "informer synced");
    assertThat(gauge("informer.synced", "things")).isEqualTo(1);
    assertThat(gauge("informer.list.items", "things")).isEqualTo(3);
    assertThat(counter(registry, "informer.lists", "things")).isEqualTo(1);
    assertThat(counter(registry, "informer.relists", "things")).isZero();

    Eventually.until(() -> server.openWatches() == 1, "watching");
    server.put("ns", "a", "2");
    server.remove("ns", "b");
    Eventually.until(() -> handled("deleted") == 1 && handled("updated") == 1, "changes handled");
    assertThat(handled("replaced")).isEqualTo(3);
    // The reflector notes the resourceVersion after handing the change over: wait for it.
    Eventually.until(() -> gauge("informer.last.sync.resource.version", "things")
        == Double.parseDouble(server.resourceVersion()), "resourceVersion gauge follows the server");

    server.compactHistory();
    server.expireWatches(); // 410: the reflector relists
    Eventually.until(() -> counter(registry, "informer.relists", "things") == 1, "relisted");
    assertThat(counter(registry, "informer.lists", "things")).isEqualTo(2);
    assertThat(gauge("informer.list.items", "things")).isEqualTo(2);
    Eventually.until(() -> counter(registry, "informer.watches", "things") >= 2, "watching again");
    assertThat(registry.get("informer.watch.duration").tag("name", "things").timer().count()).isGreaterThanOrEqualTo(1);
    assertThat(registry.scrape()).contains("informer_events_handled_total{name=\"things\",type=\"deleted\"} 1.0");
  }

  private double handled(String type) {
    return registry.get("informer.events.handled").tag("name", "things").tag("type", type).counter().count();
  }
}
