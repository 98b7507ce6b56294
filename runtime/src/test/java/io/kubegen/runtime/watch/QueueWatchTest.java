package io.kubegen.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.rest.TestConfigMap;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class QueueWatchTest {
  private static WatchEvent<TestConfigMap> added(String name) {
    TestConfigMap cm = new TestConfigMap();
    cm.getMetadata().setName(name);
    return WatchEvent.of(WatchEvent.Type.ADDED, cm);
  }

  @Test
  void closeEndsIterationAtOnceAndDropsBufferedEvents() {
    AtomicInteger closed = new AtomicInteger();
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(closed::incrementAndGet);
    watch.offer(added("a"));
    watch.offer(added("b"));
    watch.offer(added("c"));
    assertThat(watch.next().object().getMetadata().getName()).isEqualTo("a");
    assertThat(watch.hasNext()).isTrue();
    watch.close();
    assertThat(watch.hasNext()).isFalse();
    assertThat(watch.poll(Duration.ofMillis(10))).isEmpty();
    assertThat(watch.isDone()).isTrue();
    assertThatThrownBy(watch::next).isInstanceOf(NoSuchElementException.class);
    assertThat(watch.offer(added("d"))).isFalse();
    watch.close();
    assertThat(closed).hasValue(1);
  }

  @Test
  void aProducerThatWentQuietFailsTheWaitingConsumerAfterItsBufferedEvents() {
    AtomicLong left = new AtomicLong(Long.MAX_VALUE);
    AtomicInteger closed = new AtomicInteger();
    QueueWatch.Liveness liveness = new QueueWatch.Liveness() {
      @Override public long nanosLeft() { return left.get(); }
      @Override public WatchException expired() { return new WatchException("presumed dead"); }
    };
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(closed::incrementAndGet, liveness);
    assertThat(watch.poll(Duration.ofMillis(20))).isEmpty();
    watch.offer(added("a"));
    left.set(0);
    assertThat(watch.next().object().getMetadata().getName()).as("received before the bound ran out").isEqualTo("a");
    assertThatThrownBy(watch::hasNext).isInstanceOf(WatchException.class).hasMessage("presumed dead");
    assertThat(closed).as("the producer's connection is released").hasValue(1);
    assertThat(watch.hasNext()).isFalse();
    assertThat(watch.isDone()).isTrue();
  }

  @Test
  void aConsumerWaitingWithATimeoutIsWokenWhenTheLivenessRunsOut() {
    AtomicLong deadline = new AtomicLong(System.nanoTime() + Duration.ofMillis(100).toNanos());
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(null, new QueueWatch.Liveness() {
      @Override public long nanosLeft() { return deadline.get() - System.nanoTime(); }
      @Override public WatchException expired() { return new WatchException("silent"); }
    });
    assertThatThrownBy(() -> watch.poll(Duration.ofSeconds(30))).isInstanceOf(WatchException.class).hasMessage("silent");
  }
}
