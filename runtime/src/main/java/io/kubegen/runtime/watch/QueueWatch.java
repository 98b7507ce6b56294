package io.kubegen.runtime.watch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Watch} fed by a producer: the HTTP stream decoder, an in-memory tracker, a test.
 * The producer calls {@link #offer}, then {@link #finish()} or {@link #fail(Throwable)}; the
 * consumer iterates. The queue is unbounded, so a producer never blocks on a slow consumer. A
 * producer with several events at hand hands them over together ({@link #offerAll}); a waiting
 * consumer takes everything that arrived in one go and then iterates it without locking, so a
 * burst of events costs one lock and one wake-up on each side.
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

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  /** What the producer handed over and the consumer has not moved to {@link #taken}; guarded by {@link #lock}. */
  private ArrayDeque<Object> incoming = new ArrayDeque<>();
  /** The consumer's own: everything it moved out of {@link #incoming} in one go, not yet looked at. */
  private ArrayDeque<Object> taken = new ArrayDeque<>();
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
    put(event);
    return true;
  }

  /**
   * Hands several events to the consumer at once, in order (one lock and at most one wake-up
   * for all of them); false if the watch was closed already.
   */
  public boolean offerAll(Collection<WatchEvent<T>> events) {
    if (closed.get()) {
      return false;
    }
    if (events.isEmpty()) {
      return true;
    }
    lock.lock();
    try {
      incoming.addAll(events);
      arrived.signal();
    } finally {
      lock.unlock();
    }
    return true;
  }

  /** Ends the stream normally once the consumer has taken every event offered before. */
  public void finish() {
    put(END);
  }

  /** Ends the stream with an error the consumer sees after the events offered before. */
  public void fail(Throwable cause) {
    put(cause instanceof WatchException w ? w : new WatchException(String.valueOf(cause.getMessage()), cause));
  }

  private void put(Object item) {
    lock.lock();
    try {
      incoming.addLast(item);
      arrived.signal();
    } finally {
      lock.unlock();
    }
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
    if (closed.get() || ended) {
      return true;
    }
    if (head != null) {
      return false;
    }
    Object next = taken.peekFirst();
    if (next == null) {
      lock.lock();
      try {
        next = incoming.peekFirst();
      } finally {
        lock.unlock();
      }
    }
    return next == END || next instanceof Throwable;
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
      Object item = taken.pollFirst();
      if (item == null) {
        try {
          long wait = Math.min(liveness == null ? Long.MAX_VALUE : liveness.nanosLeft(),
              until == Long.MAX_VALUE ? Long.MAX_VALUE : until - System.nanoTime());
          item = awaitIncoming(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          return false;
        }
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

  /**
   * Waits up to {@code nanos} ({@link Long#MAX_VALUE}: without limit) for the producer, then
   * moves everything it handed over to {@link #taken} in one go and returns the first item, or
   * null if nothing came in time. Called by the consumer with {@link #taken} empty.
   */
  private Object awaitIncoming(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (incoming.isEmpty()) {
        if (nanos == Long.MAX_VALUE) {
          arrived.await();
        } else if (left > 0) {
          left = arrived.awaitNanos(left);
        } else {
          return null;
        }
      }
      ArrayDeque<Object> full = incoming;
      incoming = taken;
      taken = full;
    } finally {
      lock.unlock();
    }
    return taken.pollFirst();
  }

  private void dropBuffered() {
    head = null;
    ended = true;
    taken.clear();
    lock.lock();
    try {
      incoming.clear();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      put(END);
      onClose.run();
    }
  }
}
