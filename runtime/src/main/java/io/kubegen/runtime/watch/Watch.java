package io.kubegen.runtime.watch;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream of {@link WatchEvent}s from a watch call.
 *
 * <p>{@link #hasNext()} blocks until an event arrives or the stream ends. It returns false when
 * the stream ended normally (the server closed it, its timeout passed, or {@link #close()} was
 * called) and throws {@link WatchException} when the stream broke: a connection error, a
 * malformed or truncated frame, or a connection that went silent for longer than its liveness
 * bounds allow. Consumers call it from one thread; {@link #close()} may be called from any thread,
 * is idempotent, and ends iteration at once: a blocked {@code hasNext()} returns false promptly,
 * events still buffered are dropped, and every later {@code hasNext()} returns false.
 *
 * @param <T> the object type
 */
public interface Watch<T> extends Iterator<WatchEvent<T>>, AutoCloseable {

  /**
   * Blocks until the next event or the end of the stream.
   *
   * @throws WatchException if the stream broke instead of ending
   */
  @Override
  boolean hasNext();

  /**
   * The next event, blocking as {@link #hasNext()} does.
   *
   * @throws java.util.NoSuchElementException if the stream has ended
   * @throws WatchException if the stream broke
   */
  @Override
  WatchEvent<T> next();

  /**
   * The next event if one arrives within {@code timeout}; empty on timeout and after the end.
   *
   * @throws WatchException if the stream broke
   */
  Optional<WatchEvent<T>> poll(Duration timeout);

  /** Whether the stream has ended (normally, broken or closed) and every received event was taken. */
  boolean isDone();

  /**
   * Stops the stream and releases its connection; events not yet taken are dropped. Idempotent,
   * callable from any thread.
   */
  @Override
  void close();

  /** The remaining events as a sequential stream that ends with the watch; closing it closes the watch. */
  default Stream<WatchEvent<T>> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::close);
  }
}
