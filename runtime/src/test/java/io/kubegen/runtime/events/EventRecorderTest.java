package io.kubegen.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.cache.Eventually;
import io.kubegen.runtime.cache.Thing;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.KubeClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventRecorderTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final MemorySink sink = new MemorySink();
  private final EventBroadcaster broadcaster = EventBroadcaster.builder().clock(clock)
      .sinkRetries(3, Duration.ofMillis(1)).build();
  private final EventRecorder recorder = broadcaster.newRecorder(new EventSource("test-controller", "node-1"));
  private final Thing pod = Thing.of("team-a", "web-1", "7", "x");

  @AfterEach
  void shutdown() {
    broadcaster.shutdown();
    Eventually.noThreadsNamed("events-");
  }

  /** A mutable clock for timestamps, aggregation windows and the spam filter. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) { this.now = start; }

    void advance(Duration d) { now = now.plus(d); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  /** An in-memory sink that stores events by namespace/name, like the server. */
  static final class MemorySink implements EventSink {
    final Map<String, Event> stored = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile RuntimeException failure;
    private final AtomicInteger rv = new AtomicInteger();

    private void maybeFail() {
      if (failuresLeft.getAndDecrement() > 0) {
        throw failure;
      }
    }

    @Override
    public Event create(Event event) {
      calls.add("create " + event.getMetadata().getName());
      maybeFail();
      String key = event.getMetadata().getNamespace() + "/" + event.getMetadata().getName();
      Event copy = Json.deepCopy(event);
      copy.getMetadata().setResourceVersion(String.valueOf(rv.incrementAndGet()));
      if (stored.putIfAbsent(key, copy) != null) {
        throw new KubeApiException(Status.failure(409, "AlreadyExists", "exists"));
      }
      return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Event patch(Event event, String mergePatch) {
      calls.add("patch " + event.getMetadata().getName() + " " + mergePatch);
      maybeFail();
      String key = event.getMetadata().getNamespace() + "/" + event.getMetadata().getName();
      Event current = stored.get(key);
      if (current == null) {
        throw new KubeApiException(Status.failure(404, "NotFound", "not found"));
      }
      Map<String, Object> p = Json.read(mergePatch, Map.class);
      // build the new version aside and publish it at once, as the server does
      Event next = Json.deepCopy(current);
      next.setCount((Integer) p.get("count"));
      next.setLastTimestamp(Instant.parse((String) p.get("lastTimestamp")));
      next.setMessage((String) p.get("message"));
      next.getMetadata().setResourceVersion(String.valueOf(rv.incrementAndGet()));
      stored.put(key, next);
      return next;
    }

    List<Event> events() {
      return List.copyOf(stored.values());
    }
  }

  @Test
  void recordsACoreV1EventAboutTheObject() {
    broadcaster.startRecordingToSink(sink);
    recorder.eventf(pod, Event.TYPE_NORMAL, "Synced", "synced %s after %d tries", "web-1", 3);
    Eventually.until(() -> sink.stored.size() == 1, "event written");
    Event e = sink.events().get(0);
    assertThat(e.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(e.getMetadata().getName()).startsWith("web-1.");
    assertThat(e.getInvolvedObject().getKind()).isEqualTo("Thing");
    assertThat(e.getInvolvedObject().getName()).isEqualTo("web-1");
    assertThat(e.getInvolvedObject().getResourceVersion()).isEqualTo("7");
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("Synced");
    assertThat(e.getMessage()).isEqualTo("synced web-1 after 3 tries");
    assertThat(e.getSource().getComponent()).isEqualTo("test-controller");
    assertThat(e.getCount()).isEqualTo(1);
    assertThat(e.getFirstTimestamp()).isEqualTo(clock.instant());
    assertThat(e.getApiVersion()).isEqualTo("v1");
    assertThat(e.getKind()).isEqualTo("Event");
  }

  @Test
  void identicalEventsPatchCountAndLastTimestamp() {
    broadcaster.startRecordingToSink(sink);
    recorder.event(pod, Event.TYPE_WARNING, "Failed", "image not found");
    Eventually.until(() -> sink.stored.size() == 1, "first written");
    clock.advance(Duration.ofSeconds(30));
    recorder.event(pod, Event.TYPE_WARNING, "Failed", "image not found");
    clock.advance(Duration.ofSeconds(30));
    recorder.event(pod, Event.TYPE_WARNING, "Failed", "image not found");
    Eventually.until(() -> sink.events().get(0).getCount() == 3, "count 3");
    Event e = sink.events().get(0);
    assertThat(sink.stored).hasSize(1);
    assertThat(e.getLastTimestamp()).isEqualTo(clock.instant());
    assertThat(e.getFirstTimestamp()).isEqualTo(clock.instant().minusSeconds(60));
    assertThat(sink.calls).filteredOn(c -> c.startsWith("patch")).hasSize(2);
  }

  @Test
  void manySimilarEventsAreAggregated() {
    broadcaster.startRecordingToSink(sink);
    for (int i = 0; i < 15; i++) {
      recorder.event(pod, Event.TYPE_WARNING, "BackOff", "restarting container attempt " + i);
    }
    Eventually.until(Duration.ofSeconds(10), () -> sink.events().stream().mapToInt(Event::getCount).sum() == 15, () -> "all 15 accounted for: " + sink.calls + sink.events());
    List<Event> combined = sink.events().stream()
        .filter(e -> e.getMessage().startsWith(EventCorrelator.AGGREGATE_PREFIX)).toList();
    assertThat(sink.stored).hasSize(10);
    assertThat(combined).hasSize(1);
    assertThat(combined.get(0).getCount()).isEqualTo(6);
    assertThat(combined.get(0).getMessage()).isEqualTo(EventCorrelator.AGGREGATE_PREFIX + "restarting container attempt 14");
  }

  @Test
  void spamFilterAllowsABurstOf25PerObjectThenOneEvery5Minutes() {
    broadcaster.startRecordingToSink(sink);
    for (int i = 0; i < 30; i++) {
      recorder.event(pod, Event.TYPE_NORMAL, "Reason" + i, "m");
    }
    Thing other = Thing.of("team-a", "web-2", "1", "x");
    recorder.event(other, Event.TYPE_NORMAL, "Other", "m");
    Eventually.until(() -> sink.stored.size() == 26, "25 + 1 written");
    clock.advance(Duration.ofMinutes(5));
    recorder.event(pod, Event.TYPE_NORMAL, "Later", "m");
    recorder.event(pod, Event.TYPE_NORMAL, "TooSoon", "m");
    Eventually.until(() -> sink.stored.size() == 27, "one token back after 5 minutes");
    broadcaster.shutdown();
    assertThat(sink.events()).extracting(Event::getReason).contains("Later").doesNotContain("TooSoon", "Reason25");
  }

  @Test
  void writesThatDidNotReachTheServerAreRetriedButRejectionsAreNot() {
    broadcaster.startRecordingToSink(sink);
    sink.failure = new KubeClientException("connection reset");
    sink.failuresLeft.set(2);
    recorder.event(pod, Event.TYPE_NORMAL, "Retried", "m");
    Eventually.until(() -> sink.stored.size() == 1, "written on the third try");
    assertThat(sink.calls).hasSize(3);
    sink.failure = new KubeApiException(Status.failure(422, "Invalid", "bad event"));
    sink.failuresLeft.set(1);
    recorder.event(pod, Event.TYPE_NORMAL, "Rejected", "m");
    recorder.event(pod, Event.TYPE_NORMAL, "After", "m");
    Eventually.until(() -> sink.stored.size() == 2, "next event written");
    assertThat(sink.calls).filteredOn(c -> c.startsWith("create")).hasSize(5);
  }

  @Test
  void recordingNeverBlocksTheCallerEvenWhenTheSinkHangs() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    EventWatcher w = broadcaster.startRecordingToSink(new EventSink() {
      @Override
      public Event create(Event event) {
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return event;
      }

      @Override
      public Event patch(Event event, String patch) {
        return event;
      }
    });
    List<String> seen = new CopyOnWriteArrayList<>();
    broadcaster.startEventWatcher(e -> seen.add(e.getReason()));
    long start = System.nanoTime();
    for (int i = 0; i < 2_000; i++) {
      recorder.event(pod, Event.TYPE_NORMAL, "R" + i, "m");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(w.droppedEvents()).isGreaterThan(0);
    Eventually.until(() -> seen.size() >= 1000, "the other watcher is not held up");
    release.countDown();
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> recorder.event(pod, "Error", "Failed", "m")).hasMessageContaining("Normal or Warning");
    assertThatThrownBy(() -> recorder.event(pod, Event.TYPE_NORMAL, " ", "m")).hasMessageContaining("reason");
    assertThatThrownBy(() -> recorder.event(Thing.of("a", null, "1", "x"), Event.TYPE_NORMAL, "R", "m"))
        .hasMessageContaining("metadata.name");
    assertThatThrownBy(() -> new EventSource("", null)).hasMessageContaining("component");
  }

  @Test
  void clusterScopedObjectsGetEventsInDefault() {
    broadcaster.startRecordingToSink(sink);
    recorder.event(Thing.of(null, "node-7", "1", "x"), Event.TYPE_NORMAL, "Ready", "m");
    Eventually.until(() -> sink.stored.size() == 1, "written");
    assertThat(sink.events().get(0).getMetadata().getNamespace()).isEqualTo("default");
  }

  @Test
  void shutdownStopsWatchersAndLaterEventsAreIgnored() {
    broadcaster.startRecordingToSink(sink);
    broadcaster.startLogging();
    broadcaster.shutdown();
    Eventually.noThreadsNamed("events-");
    recorder.event(pod, Event.TYPE_NORMAL, "Late", "m");
    assertThat(sink.stored).isEmpty();
    assertThatThrownBy(() -> broadcaster.startRecordingToSink(sink)).isInstanceOf(IllegalStateException.class);
  }
}
