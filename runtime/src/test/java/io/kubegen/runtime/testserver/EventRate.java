package io.kubegen.runtime.testserver;

import java.time.Duration;
import java.util.Arrays;

/**
 * Moments at which something happened (a connection, a request), on {@link System#nanoTime()}'s
 * clock, and the most of them that fell into any one window of a given length within an interval:
 * the peak rate of requests while a server was down, for instance. Thread-safe.
 */
public final class EventRate {
  private long[] moments = new long[256];
  private int size;

  /** Records an event now. */
  public void record() {
    record(System.nanoTime());
  }

  /** Records an event at {@code nanoTime}. */
  public synchronized void record(long nanoTime) {
    if (size == moments.length) {
      moments = Arrays.copyOf(moments, size * 2);
    }
    moments[size++] = nanoTime;
  }

  /** How many events were recorded. */
  public synchronized int count() {
    return size;
  }

  /** How many events fell into {@code [fromNanos, toNanos]}. */
  public int count(long fromNanos, long toNanos) {
    long[] m = sorted();
    int n = 0;
    for (long t : m) {
      if (t >= fromNanos && t <= toNanos) {
        n++;
      }
    }
    return n;
  }

  /**
   * The largest number of events in any window of length {@code window} (a sliding window, not
   * fixed buckets) among the events within {@code [fromNanos, toNanos]}.
   */
  public int maxInWindow(Duration window, long fromNanos, long toNanos) {
    long[] m = sorted();
    long w = window.toNanos();
    int best = 0;
    int first = 0;
    for (int last = 0; last < m.length; last++) {
      if (m[last] < fromNanos || m[last] > toNanos) {
        continue;
      }
      while (m[first] < fromNanos || m[last] - m[first] >= w) {
        first++;
      }
      best = Math.max(best, last - first + 1);
    }
    return best;
  }

  private synchronized long[] sorted() {
    long[] m = Arrays.copyOf(moments, size);
    Arrays.sort(m);
    return m;
  }
}
