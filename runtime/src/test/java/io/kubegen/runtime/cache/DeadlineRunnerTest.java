package io.kubegen.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DeadlineRunnerTest {

  @Test
  void awaitingTheHelpersIsNotCutShortByAnInterruptAndKeepsIt() throws Exception {
    DeadlineRunner runner = new DeadlineRunner("test-list-watch", Clock.system());
    CountDownLatch helperRunning = new CountDownLatch(1);
    CountDownLatch releaseHelper = new CountDownLatch(1);
    AtomicReference<Thread> helper = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        runner.call("list page 1", Duration.ofMinutes(1), () -> {
          helper.set(Thread.currentThread());
          helperRunning.countDown();
          // a call that finishes a moment after its interrupt, as an HTTP exchange being torn down does
          boolean interrupted = false;
          while (true) {
            try {
              if (releaseHelper.await(30, TimeUnit.SECONDS)) {
                break;
              }
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          return interrupted;
        }, r -> { });
      } catch (CancellationException expected) {
        // stop() woke the caller
      }
    });
    caller.start();
    assertThat(helperRunning.await(30, TimeUnit.SECONDS)).isTrue();

    runner.stop();
    caller.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(caller.isAlive()).isFalse();
    assertThat(helper.get().isAlive()).isTrue();

    AtomicReference<Boolean> interruptKept = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      runner.awaitHelpers(Duration.ofSeconds(30));
      interruptKept.set(Thread.currentThread().isInterrupted());
    });
    waiter.start();
    // the waiter is interrupted while it waits (the reflector's stop() interrupts its thread)
    while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
      Thread.onSpinWait();
    }
    waiter.interrupt();
    waiter.join(TimeUnit.SECONDS.toMillis(1));
    assertThat(waiter.isAlive()).as("still waiting for the helper after the interrupt").isTrue();

    releaseHelper.countDown();
    waiter.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(waiter.isAlive()).isFalse();
    assertThat(helper.get().isAlive()).isFalse();
    assertThat(interruptKept.get()).isTrue();
    assertThatThrownBy(() -> runner.call("late", Duration.ofSeconds(1), () -> 1, r -> { }))
        .isInstanceOf(CancellationException.class);
  }
}
