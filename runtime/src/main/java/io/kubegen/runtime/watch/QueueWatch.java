package io.kubegen.runtime.watch;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Watch} fed by a producer: the HTTP stream decoder, an in-memory tracker, a test.
 * The producer calls {@link #offer}, then {@link #finish()} or {@link #fail(Throwable)}; the
 * consumer iterates. The queue is unbounded, so a producer never blocks on a slow consumer.
 * {@code onClose} runs once, on whichever thread closes the watch first.
 *
 * <p>{@link #close()} ends iteration at once: events still buffered are dropped, and
 * {@code hasNext()} returns false from then on. With a {@link Liveness}, a consumer waiting for
 * the next event gets the liveness's {@link WatchException} (and the watch is closed) once the
 * producer has been quiet for longer than the liveness allows; events that arrived before are
 * still delivered first.
 *
 * @param <T> the object type
 */
public class QueueWatch<T> implements Watch<T> {
  private static final Object END = new Object();

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Runnable onClose;
  private final Liveness liveness;
  private Object head;
  private boolean ended;

  /**
   * Decides when a producer that went quiet counts as gone, such as a watch connection that no
   * longer delivers anything. Thread-safe: the producer reports activity, the consumer asks.
   */
  public interface Liveness {
    /**
     * Nanoseconds (on the {@link System#nanoTime()} scale) left before the producer counts as
     * gone; zero or negative when it does, {@link Long#MAX_VALUE} for never.
     */
    long nanosLeft();

    /** The error the consumer gets once {@link #nanosLeft()} has run out. */
    WatchException expired();
  }

  /** A watch that runs {@code onClose} (may be null) when closed. */
  public QueueWatch(Runnable onClose) {
    this(onClose, null);
  }

  /**
   * A watch that runs {@code onClose} (may be null) when closed and fails a waiting consumer
   * once {@code liveness} (may be null for none) has run out.
   */
  public QueueWatch(Runnable onClose, Liveness liveness) {
    this.onClose = onClose == null ? () -> { } : onClose;
    this.liveness = liveness;
  }

  /** Hands an event to the consumer; false if the watch was closed already. */
  public boolean offer(WatchEvent<T> event) {
    if (closed.get()) {
      return false;
    }
    queue.add(event);
    return true;
  }

  /** Ends the stream normally once the consumer has taken every event offered before. */
  public void finish() {
    queue.add(END);
  }

  /** Ends the stream with an error the consumer sees after the events offered before. */
  public void fail(Throwable cause) {
    queue.add(cause instanceof WatchException w ? w : new WatchException(String.valueOf(cause.getMessage()), cause));
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() { return closed.get(); }

  @Override
  public boolean hasNext() {
    return take(null);
  }

  @Override
  public WatchEvent<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the watch has ended");
    }
    return removeHead();
  }

  @Override
  public Optional<WatchEvent<T>> poll(Duration timeout) {
    return take(timeout) ? Optional.of(removeHead()) : Optional.empty();
  }

  @Override
  public boolean isDone() {
    return closed.get() || ended || (head == null && (queue.peek() == END || queue.peek() instanceof Throwable));
  }

  @SuppressWarnings("unchecked")
  private WatchEvent<T> removeHead() {
    WatchEvent<T> event = (WatchEvent<T>) head;
    head = null;
    return event;
  }

  /** Fills {@code head}; true if an event is there. A null timeout waits until the stream ends. */
  private boolean take(Duration timeout) {
    if (closed.get()) {
      dropBuffered();
      return false;
    }
    if (head != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    long until = timeout == null ? Long.MAX_VALUE : System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
    while (true) {
      Object item;
      try {
        long wait = Math.min(liveness == null ? Long.MAX_VALUE : liveness.nanosLeft(),
            until == Long.MAX_VALUE ? Long.MAX_VALUE : until - System.nanoTime());
        item = wait == Long.MAX_VALUE ? queue.take() : queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        return false;
      }
      if (closed.get()) {
        dropBuffered();
        return false;
      }
      if (item == null) {
        if (liveness != null && liveness.nanosLeft() <= 0) {
          ended = true;
          WatchException expired = liveness.expired();
          close();
          throw expired;
        }
        if (until != Long.MAX_VALUE && System.nanoTime() - until >= 0) {
          return false;
        }
        continue;
      }
      if (item == END) {
        ended = true;
        return false;
      }
      if (item instanceof WatchException e) {
        ended = true;
        throw e;
      }
      head = item;
      return true;
    }
  }

  private void dropBuffered() {
    head = null;
    ended = true;
    queue.clear();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.add(END);
      onClose.run();
    }
  }
}
