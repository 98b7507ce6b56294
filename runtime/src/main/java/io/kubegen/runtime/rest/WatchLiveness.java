package io.kubegen.runtime.rest;

import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.WatchException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liveness bounds of one watch over HTTP, from {@link WatchTimeouts} and what the watch asked
 * for: it must end by {@code timeoutSeconds} (or the unrequested bound) plus the grace, and, when
 * it asked for bookmarks, it must not stay silent for longer than the bookmark silence. The
 * reader thread reports every read with {@link #dataArrived()}; the consumer, waiting for the
 * next event, asks {@link #nanosLeft()}. Thread-safe.
 */
final class WatchLiveness implements QueueWatch.Liveness {
  private static final Logger LOG = LoggerFactory.getLogger(HttpWatch.class);
  private final Ticker ticker;
  private final long start;
  private final long lifetime;
  private final long silence;
  private final Integer timeoutSeconds;
  private volatile long lastData;
  private volatile String context;

  private WatchLiveness(String context, Ticker ticker, long lifetime, long silence, Integer timeoutSeconds) {
    this.context = context;
    this.ticker = ticker;
    this.start = ticker.read();
    this.lastData = start;
    this.lifetime = lifetime;
    this.silence = silence;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * The bounds of a watch that asked for {@code timeoutSeconds} (null for none) and, if
   * {@code bookmarks}, for bookmarks; the clock starts now.
   */
  static WatchLiveness start(WatchTimeouts timeouts, Integer timeoutSeconds, boolean bookmarks, String context,
      Ticker ticker) {
    Duration serverSide = timeoutSeconds != null && timeoutSeconds > 0
        ? Duration.ofSeconds(timeoutSeconds) : timeouts.unrequestedTimeout();
    long lifetime = saturatedNanos(serverSide.plus(timeouts.grace()));
    long silence = bookmarks ? saturatedNanos(timeouts.bookmarkSilence()) : Long.MAX_VALUE;
    return new WatchLiveness(context, ticker, lifetime, silence,
        timeoutSeconds != null && timeoutSeconds > 0 ? timeoutSeconds : null);
  }

  /** Names the watch in messages by {@code context} (verb and URL) from now on. */
  void describedAs(String context) {
    this.context = context;
  }

  /** Bytes of the stream arrived: the silence starts again. */
  void dataArrived() {
    lastData = ticker.read();
  }

  @Override
  public long nanosLeft() {
    long now = ticker.read();
    long left = lifetime - (now - start);
    if (silence != Long.MAX_VALUE) {
      left = Math.min(left, silence - (now - lastData));
    }
    return left;
  }

  @Override
  public WatchException expired() {
    long now = ticker.read();
    String message;
    if (silence != Long.MAX_VALUE && now - lastData >= silence) {
      message = context + ": nothing arrived for " + millis(now - lastData)
          + " ms although the watch asked for bookmarks (the limit is " + millis(silence)
          + " ms); the connection is presumed dead";
    } else {
      message = context + ": the watch is still open " + millis(now - start) + " ms after it started"
          + (timeoutSeconds != null ? ", past its timeoutSeconds=" + timeoutSeconds + " and the grace period"
              : ", past the longest time a server keeps a watch without timeoutSeconds")
          + "; the connection is presumed dead";
    }
    LOG.warn("{}", message);
    return new WatchException(message);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }
}
