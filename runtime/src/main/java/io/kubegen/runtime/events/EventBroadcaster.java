package io.kubegen.runtime.events;

import io.kubegen.runtime.rest.KubeApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans recorded events out to watchers: a sink that writes them to the API server
 * ({@link #startRecordingToSink}), functions ({@link #startEventWatcher}), the log
 * ({@link #startLogging()}). Make recorders with {@link #newRecorder(EventSource)}.
 *
 * <p>Threading: recording never blocks the caller: each watcher has its own bounded queue
 * (1000 events by default; further events are dropped and counted) and its own thread
 * ({@code events-sink-N}, {@code events-watcher-N}). A sink thread correlates events
 * ({@link EventCorrelator}: aggregation, count/lastTimestamp patches, spam filter) and writes them,
 * retrying failed writes that did not reach the server up to 12 times, 10 s apart (first retry
 * jittered); a write the server rejected is not retried. {@link #shutdown()} stops and joins
 * every watcher thread. All methods are thread-safe.
 */
public final class EventBroadcaster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventBroadcaster.class);

  private final Clock clock;
  private final int queueSize;
  private final int maxTries;
  private final Duration retryInterval;
  private final List<EventWatcher> watchers = new CopyOnWriteArrayList<>();
  private int watcherCount;
  private volatile boolean shutDown;

  private EventBroadcaster(Builder b) {
    this.clock = b.clock;
    this.queueSize = b.queueSize;
    this.maxTries = b.maxTries;
    this.retryInterval = b.retryInterval;
  }

  /** A broadcaster with the defaults. */
  public static EventBroadcaster create() {
    return builder().build();
  }

  /** A builder for clock, queue size and sink retry settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** A recorder that reports events as coming from {@code source}. */
  public EventRecorder newRecorder(EventSource source) {
    return new EventRecorder(this, Objects.requireNonNull(source, "source"), clock);
  }

  /** Writes every event to {@code sink} (with correlation) on a thread of its own. */
  public EventWatcher startRecordingToSink(EventSink sink) {
    Objects.requireNonNull(sink, "sink");
    EventCorrelator correlator = new EventCorrelator(clock);
    return startWatcher("events-sink-", (e, watcher) -> recordToSink(sink, correlator, e, watcher));
  }

  /** Hands every event to {@code consumer} on a thread of its own. */
  public EventWatcher startEventWatcher(Consumer<Event> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return startWatcher("events-watcher-", (e, watcher) -> consumer.accept(e));
  }

  /** Logs every event at info level. */
  public EventWatcher startLogging() {
    return startEventWatcher(e -> LOG.info("Event({}): type: '{}' reason: '{}' {}", e.getInvolvedObject(),
        e.getType(), e.getReason(), e.getMessage()));
  }

  private synchronized EventWatcher startWatcher(String prefix, java.util.function.BiConsumer<Event, EventWatcher> consumer) {
    if (shutDown) {
      throw new IllegalStateException("the event broadcaster was shut down");
    }
    EventWatcher[] holder = new EventWatcher[1];
    holder[0] = new EventWatcher(prefix + (++watcherCount), queueSize, consumer, () -> watchers.remove(holder[0]));
    watchers.add(holder[0]);
    return holder[0];
  }

  /** Hands {@code event} to every watcher without blocking. */
  void action(Event event) {
    if (shutDown) {
      return;
    }
    for (EventWatcher w : watchers) {
      if (!w.offer(event)) {
        LOG.debug("event dropped, watcher queue full: {}", event);
      }
    }
  }

  /** Stops every watcher and joins its thread; later events are ignored. Idempotent. */
  public void shutdown() {
    synchronized (this) {
      shutDown = true;
    }
    for (EventWatcher w : List.copyOf(watchers)) {
      w.stop();
    }
  }

  @Override
  public void close() {
    shutdown();
  }

  private void recordToSink(EventSink sink, EventCorrelator correlator, Event event, EventWatcher watcher) {
    EventCorrelator.Result result = correlator.correlate(event);
    if (result.skip()) {
      LOG.debug("event dropped by the spam filter: {}", event);
      return;
    }
    for (int tries = 1; ; tries++) {
      if (writeEvent(sink, correlator, result)) {
        return;
      }
      if (tries >= maxTries) {
        LOG.error("unable to write event after {} tries, giving up: {}", tries, result.event());
        return;
      }
      long pause = retryInterval.toMillis();
      if (tries == 1) {
        pause = (long) (pause * ThreadLocalRandom.current().nextDouble());
      }
      if (!watcher.pause(pause)) {
        return;
      }
    }
  }

  /** Writes one event; true when done (written, or rejected for good), false to retry. */
  private boolean writeEvent(EventSink sink, EventCorrelator correlator, EventCorrelator.Result result) {
    Event event = result.event();
    try {
      Event stored = null;
      if (result.updatesExisting()) {
        try {
          stored = sink.patch(event, result.patch());
        } catch (KubeApiException e) {
          if (!e.isNotFound()) {
            throw e;
          }
          // the event expired on the server: create it again
          event.getMetadata().setResourceVersion(null);
        }
      }
      if (stored == null) {
        event.getMetadata().setResourceVersion(null);
        stored = sink.create(event);
      }
      correlator.stored(result, stored);
      return true;
    } catch (KubeApiException e) {
      if (e.isAlreadyExists()) {
        LOG.debug("event already exists: {}", event);
      } else {
        LOG.error("server rejected event (will not retry): {}: {}", event, e.getMessage());
      }
      return true;
    } catch (RuntimeException e) {
      LOG.warn("unable to write event (may retry): {}: {}", event, e.toString());
      return false;
    }
  }

  /** Builder of an {@link EventBroadcaster}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private int queueSize = 1000;
    private int maxTries = 12;
    private Duration retryInterval = Duration.ofSeconds(10);

    private Builder() {}

    /** The clock for event timestamps, names, aggregation windows and the spam filter. */
    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

    /** Events each watcher may hold before dropping new ones (default 1000). */
    public Builder queueSize(int queueSize) {
      if (queueSize < 1) {
        throw new IllegalArgumentException("queueSize must be at least 1");
      }
      this.queueSize = queueSize;
      return this;
    }

    /** How often a failed sink write is tried in total, and the pause between tries. */
    public Builder sinkRetries(int maxTries, Duration interval) {
      if (maxTries < 1 || interval.isNegative()) {
        throw new IllegalArgumentException("need maxTries >= 1 and a non-negative interval");
      }
      this.maxTries = maxTries;
      this.retryInterval = interval;
      return this;
    }

    public EventBroadcaster build() { return new EventBroadcaster(this); }
  }
}
