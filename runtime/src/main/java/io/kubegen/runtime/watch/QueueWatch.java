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
 * @param <T> the object type
 */
public class QueueWatch<T> implements Watch<T> {
  private static final Object END = new Object();

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Runnable onClose;
  private Object head;
  private boolean ended;

  /** A watch that runs {@code onClose} (may be null) when closed. */
  public QueueWatch(Runnable onClose) {
    this.onClose = onClose == null ? () -> { } : onClose;
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
    return ended || (head == null && (closed.get() || queue.peek() == END || queue.peek() instanceof Throwable));
  }

  @SuppressWarnings("unchecked")
  private WatchEvent<T> removeHead() {
    WatchEvent<T> event = (WatchEvent<T>) head;
    head = null;
    return event;
  }

  /** Fills {@code head}; true if an event is there. A null timeout waits for ever. */
  private boolean take(Duration timeout) {
    if (head != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    Object item;
    try {
      item = timeout == null ? queue.take() : queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      return false;
    }
    if (item == null) {
      return false;
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

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.add(END);
      onClose.run();
    }
  }
}
