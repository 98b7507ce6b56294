package io.kubegen.runtime.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.cache.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DelayingQueueTest {
  private final FakeClock clock = new FakeClock();

  private DelayingQueue<String> queue(String name) {
    return DelayingQueue.create(QueueOptions.builder().name(name).clock(clock).build());
  }

  @Test
  void itemAppearsOnlyWhenDue() {
    DelayingQueue<String> q = queue("due");
    q.addAfter("a", Duration.ofSeconds(10));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofSeconds(9));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofSeconds(1));
    Eventually.until(() -> q.len() == 1, "a due");
    assertThat(q.get()).isEqualTo("a");
    q.shutDown();
  }

  @Test
  void itemsComeOutInDueOrderAndEarlierAddWins() {
    DelayingQueue<String> q = queue("order");
    q.addAfter("late", Duration.ofSeconds(30));
    q.addAfter("early", Duration.ofSeconds(10));
    q.addAfter("late", Duration.ofSeconds(5)); // earlier time replaces
    q.addAfter("early", Duration.ofSeconds(60)); // later time is ignored
    assertThat(((BasicDelayingQueue<String>) q).waitingCount()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(5));
    Eventually.until(() -> q.len() == 1, "late due first");
    clock.advance(Duration.ofSeconds(5));
    Eventually.until(() -> q.len() == 2, "early due");
    assertThat(q.get()).isEqualTo("late");
    assertThat(q.get()).isEqualTo("early");
    q.shutDown();
  }

  @Test
  void zeroDelayAddsAtOnce() {
    DelayingQueue<String> q = queue("zero");
    q.addAfter("a", Duration.ZERO);
    assertThat(q.len()).isEqualTo(1);
    q.shutDown();
  }

  @Test
  void realClockDelaysAreHonoured() {
    DelayingQueue<String> q = DelayingQueue.create("real");
    long start = System.nanoTime();
    q.addAfter("a", Duration.ofMillis(50));
    assertThat(q.get()).isEqualTo("a");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    q.shutDown();
  }

  @Test
  void shutDownStopsTheTimerThreadAndDropsPendingItems() {
    DelayingQueue<String> q = queue("stopme");
    q.addAfter("a", Duration.ofSeconds(1));
    q.shutDown();
    Eventually.noThreadsNamed("workqueue-stopme-");
    clock.advance(Duration.ofSeconds(2));
    assertThat(q.get()).isNull();
    assertThat(clock.listenerCount()).isZero();
  }

  @Test
  void rateLimitingQueueDelaysByTheLimiterAndForgets() {
    RateLimitingQueue<String> q = RateLimitingQueue.create(
        new ItemExponentialFailureRateLimiter<>(Duration.ofSeconds(1), Duration.ofSeconds(60)),
        QueueOptions.builder().name("rl").clock(clock).build());
    q.addRateLimited("a");
    assertThat(q.numRequeues("a")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    Eventually.until(() -> q.len() == 1, "first retry after 1s");
    assertThat(q.get()).isEqualTo("a");
    q.done("a");
    q.addRateLimited("a");
    clock.advance(Duration.ofMillis(1999));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofMillis(1));
    Eventually.until(() -> q.len() == 1, "second retry after 2s");
    q.forget("a");
    assertThat(q.numRequeues("a")).isZero();
    q.shutDown();
  }
}
