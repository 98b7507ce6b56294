package io.kubegen.benchmarks.apiserver;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;

/**
 * What one watcher received in one fan-out round: which of the objects {@code w-0} to {@code
 * w-(n-1)} it saw ADDED (and how many twice), whether it saw a readiness marker ({@code ready-*}),
 * and anything else it got (other event types, errors, the stream ending early). Fed by one
 * stream's reader; read by the harness after the round, so every method is synchronized.
 */
final class WatchTally {
  private final int expected;
  private final CountDownLatch ready;
  private final CountDownLatch complete;
  private final BitSet seen;
  private int duplicates;
  private int unexpected;
  private String failure;
  private boolean sawReady;
  private long completedAt;

  /** Counts down {@code ready} at the first marker and {@code complete} once all {@code expected} objects arrived. */
  WatchTally(int expected, CountDownLatch ready, CountDownLatch complete) {
    this.expected = expected;
    this.ready = ready;
    this.complete = complete;
    this.seen = new BitSet(expected);
  }

  /** Takes one watch event, as the JSON text the server sent. */
  synchronized void onEvent(String json) {
    if (!json.contains("\"type\":\"ADDED\"")) {
      unexpected++;
      return;
    }
    int at = json.indexOf("\"name\":\"w-");
    if (at < 0) {
      if (json.contains("\"name\":\"ready-")) {
        if (!sawReady) {
          sawReady = true;
          ready.countDown();
        }
      } else {
        unexpected++;
      }
      return;
    }
    int from = at + "\"name\":\"w-".length();
    int index;
    try {
      index = Integer.parseInt(json, from, json.indexOf('"', from), 10);
    } catch (RuntimeException e) {
      unexpected++;
      return;
    }
    if (index < 0 || index >= expected) {
      unexpected++;
    } else if (seen.get(index)) {
      duplicates++;
    } else {
      seen.set(index);
      if (seen.cardinality() == expected) {
        completedAt = System.nanoTime();
        complete.countDown();
      }
    }
  }

  /** The stream failed or ended; recorded unless every object had already arrived. */
  synchronized void onEnd(String why) {
    if (failure == null && seen.cardinality() < expected) {
      failure = why;
    }
  }

  synchronized int missing() {
    return expected - seen.cardinality();
  }

  synchronized int duplicates() {
    return duplicates;
  }

  synchronized int unexpected() {
    return unexpected;
  }

  synchronized String failure() {
    return failure;
  }

  /** When the last expected object arrived ({@link System#nanoTime()}), or 0 if it has not. */
  synchronized long completedAt() {
    return completedAt;
  }
}
