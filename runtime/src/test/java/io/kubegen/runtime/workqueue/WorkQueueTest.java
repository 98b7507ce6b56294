package io.kubegen.runtime.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.cache.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WorkQueueTest {

  @Test
  void deduplicatesWaitingItemsAndKeepsFirstAddOrder() {
    WorkQueue<String> q = WorkQueue.create("dedup");
    q.add("a");
    q.add("b");
    q.add("a");
    q.add("c");
    q.add("b");
    assertThat(q.len()).isEqualTo(3);
    assertThat(List.of(q.get(), q.get(), q.get())).containsExactly("a", "b", "c");
    assertThat(q.len()).isZero();
  }

  @Test
  void itemAddedWhileProcessingIsQueuedAgainOnlyAfterDone() {
    WorkQueue<String> q = WorkQueue.create("reprocess");
    q.add("a");
    assertThat(q.get()).isEqualTo("a");
    q.add("a");
    q.add("a");
    assertThat(q.len()).as("not handed to a second worker while held").isZero();
    q.done("a");
    assertThat(q.len()).isEqualTo(1);
    assertThat(q.get()).isEqualTo("a");
    q.done("a");
    assertThat(q.len()).isZero();
  }

  @Test
  void shutDownHandsOutRemainingItemsThenNullAndIgnoresAdds() {
    WorkQueue<String> q = WorkQueue.create("shutdown");
    q.add("a");
    q.add("b");
    q.shutDown();
    q.add("c");
    assertThat(q.isShuttingDown()).isTrue();
    assertThat(q.get()).isEqualTo("a");
    assertThat(q.get()).isEqualTo("b");
    assertThat(q.get()).isNull();
  }

  @Test
  void shutDownWakesBlockedWorkers() throws Exception {
    WorkQueue<String> q = WorkQueue.create("wake");
    int workers = 4;
    CountDownLatch returned = new CountDownLatch(workers);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(() -> {
        if (q.get() == null) {
          returned.countDown();
        }
      });
      t.start();
      threads.add(t);
    }
    Eventually.until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING), "workers blocked");
    q.shutDown();
    assertThat(returned.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shutDownWithDrainWaitsForItemsInProgress() throws Exception {
    WorkQueue<String> q = WorkQueue.create("drain");
    q.add("a");
    assertThat(q.get()).isEqualTo("a");
    AtomicBoolean drained = new AtomicBoolean();
    Thread shutter = new Thread(() -> {
      q.shutDownWithDrain();
      drained.set(true);
    });
    shutter.start();
    Eventually.until(() -> shutter.getState() == Thread.State.WAITING, "shutter waiting");
    assertThat(drained).isFalse();
    assertThat(q.isShuttingDown()).isTrue();
    q.done("a");
    shutter.join(5000);
    assertThat(drained).isTrue();
  }

  @Test
  void shutDownReleasesADrainWaitingOnAStuckWorker() throws Exception {
    WorkQueue<String> q = RateLimitingQueue.create("stuck");
    q.add("a");
    assertThat(q.get()).isEqualTo("a"); // handed out and never done: the worker is stuck
    CountDownLatch drainReturned = new CountDownLatch(1);
    Thread shutter = new Thread(() -> {
      q.shutDownWithDrain();
      drainReturned.countDown();
    }, "drainer");
    shutter.start();
    Eventually.until(() -> shutter.getState() == Thread.State.WAITING, "drain waiting for the stuck worker");
    q.shutDown();
    assertThat(drainReturned.await(5, TimeUnit.SECONDS)).as("shutDown() ends the drain").isTrue();
    assertThat(q.get()).isNull();
  }

  @Test
  void shutDownWithDrainAndATimeoutGivesUpAtTheDeadlineOrReturnsOnceDrained() throws Exception {
    FakeClock clock = new FakeClock();
    WorkQueue<String> stuck = WorkQueue.create(QueueOptions.builder().name("stuck").clock(clock).build());
    stuck.add("a");
    stuck.get();
    AtomicReference<Boolean> result = new AtomicReference<>();
    Thread shutter = new Thread(() -> {
      try {
        result.set(stuck.shutDownWithDrain(Duration.ofSeconds(10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "drainer");
    shutter.start();
    Eventually.until(() -> shutter.getState() == Thread.State.TIMED_WAITING, "drain waiting");
    clock.advance(Duration.ofSeconds(9));
    assertThat(shutter.isAlive()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    shutter.join(5000);
    assertThat(result.get()).as("gave up: the worker never called done").isFalse();
    assertThat(stuck.isShuttingDown()).isTrue();

    WorkQueue<String> healthy = WorkQueue.create(QueueOptions.builder().name("healthy").clock(clock).build());
    healthy.add("b");
    healthy.get();
    Thread drainer = new Thread(() -> {
      try {
        result.set(healthy.shutDownWithDrain(Duration.ofSeconds(10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "drainer-2");
    drainer.start();
    Eventually.until(() -> drainer.getState() == Thread.State.TIMED_WAITING, "drain waiting");
    healthy.done("b");
    drainer.join(5000);
    assertThat(result.get()).as("drained").isTrue();
  }

  @Test
  void manyProducersAndWorkersNeverProcessAnItemConcurrentlyAndLoseNoAdd() throws Exception {
    WorkQueue<Integer> q = WorkQueue.create("stress");
    int keys = 50;
    int producers = 4;
    int addsPerProducer = 5_000;
    int workers = 8;
    Set<Integer> inProgress = ConcurrentHashMap.newKeySet();
    AtomicReference<String> violation = new AtomicReference<>();
    // per key: the sequence number of the latest add, and the latest sequence seen by a worker
    Map<Integer, AtomicInteger> lastAdded = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> lastSeen = new ConcurrentHashMap<>();
    for (int k = 0; k < keys; k++) {
      lastAdded.put(k, new AtomicInteger());
      lastSeen.put(k, new AtomicInteger());
    }
    AtomicInteger sequence = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      threads.add(new Thread(() -> {
        Integer item;
        while ((item = q.get()) != null) {
          if (!inProgress.add(item)) {
            violation.set("item " + item + " processed by two workers");
          }
          int seen = lastAdded.get(item).get();
          lastSeen.get(item).accumulateAndGet(seen, Math::max);
          Thread.yield();
          inProgress.remove(item);
          q.done(item);
        }
      }, "stress-worker-" + w));
    }
    CountDownLatch producersDone = new CountDownLatch(producers);
    for (int p = 0; p < producers; p++) {
      int seed = p;
      threads.add(new Thread(() -> {
        for (int i = 0; i < addsPerProducer; i++) {
          int key = (i * 7 + seed * 13) % keys;
          // record the add before it happens: a worker that takes the item afterwards must see it
          lastAdded.get(key).accumulateAndGet(sequence.incrementAndGet(), Math::max);
          q.add(key);
        }
        producersDone.countDown();
      }, "stress-producer-" + p));
    }
    threads.forEach(Thread::start);
    assertThat(producersDone.await(20, TimeUnit.SECONDS)).isTrue();
    Eventually.until(Duration.ofSeconds(20), () -> lastAdded.entrySet().stream()
        .allMatch(e -> lastSeen.get(e.getKey()).get() >= e.getValue().get()),
        () -> "every key processed after its last add");
    q.shutDownWithDrain();
    for (Thread t : threads) {
      t.join(5000);
      assertThat(t.isAlive()).isFalse();
    }
    assertThat(violation.get()).isNull();
    assertThat(q.len()).isZero();
  }

  @Test
  void metricsSeeAddsLatencyAndWork() {
    FakeClock clock = new FakeClock();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    WorkQueueMetrics metrics = new WorkQueueMetrics() {
      @Override public void added(String name, int depth) { events.add("add " + name + " " + depth); }
      @Override public void taken(String name, int depth, Duration latency) { events.add("take " + depth + " " + latency.toMillis()); }
      @Override public void done(String name, Duration work) { events.add("done " + work.toMillis()); }
    };
    WorkQueue<String> q = WorkQueue.create(QueueOptions.builder().name("m").clock(clock).metrics(metrics).build());
    q.add("a");
    q.add("a");
    clock.advance(Duration.ofMillis(30));
    q.get();
    clock.advance(Duration.ofMillis(7));
    q.done("a");
    assertThat(events).containsExactly("add m 1", "take 0 30", "done 7");
  }
}
