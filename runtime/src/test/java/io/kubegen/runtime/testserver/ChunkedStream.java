package io.kubegen.runtime.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chunked response body the test drives from its own thread: {@link #write} sends a chunk at
 * once, {@link #end()} finishes the body cleanly, {@link #cut()} drops the connection without
 * the closing chunk (a cut mid-stream). With {@link #probeClientEvery} the server also writes a
 * newline (JSON whitespace) while idle, which notices a client that went away:
 * {@link #awaitClientGone}. One stream serves one response. Thread-safe.
 */
public final class ChunkedStream {
  private static final Object END = new Object();
  private static final Object CUT = new Object();

  private final LinkedBlockingQueue<Object> commands = new LinkedBlockingQueue<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Duration probeInterval;

  /** Writes a newline whenever the stream was idle for {@code interval}, to notice a departed client. */
  public ChunkedStream probeClientEvery(Duration interval) {
    this.probeInterval = interval;
    return this;
  }

  /** Sends {@code text} as one chunk, flushed at once. */
  public ChunkedStream write(String text) {
    commands.add(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Sends one watch frame: {@code json} and a newline. */
  public ChunkedStream writeFrame(String json) {
    return write(json + "\n");
  }

  /** Sends an event frame {@code {"type": type, "object": objectJson}}. */
  public ChunkedStream writeEvent(String type, String objectJson) {
    return writeFrame("{\"type\":\"" + type + "\",\"object\":" + objectJson + "}");
  }

  /** Finishes the body with the closing chunk: a clean end. */
  public void end() { commands.add(END); }

  /** Drops the connection without the closing chunk. */
  public void cut() { commands.add(CUT); }

  /** Waits until the server has sent the headers of this stream. */
  public boolean awaitOpen(Duration timeout) throws InterruptedException {
    return opened.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until a write failed because the client closed its side. */
  public boolean awaitClientGone(Duration timeout) throws InterruptedException {
    return clientGone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until the server finished with this stream (ended, cut, or the client left). */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Runs on the server's handler thread; throws {@link CutException} for {@link #cut()}. */
  void serve(OutputStream out) throws InterruptedException {
    opened.countDown();
    try {
      while (true) {
        Duration probe = probeInterval;
        Object command = probe == null ? commands.take() : commands.poll(probe.toNanos(), TimeUnit.NANOSECONDS);
        if (command == END) {
          out.close();
          return;
        }
        if (command == CUT) {
          throw new CutException();
        }
        byte[] bytes = command == null ? new byte[] {'\n'} : (byte[]) command;
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      clientGone.countDown();
    } finally {
      finished.countDown();
    }
  }

  /** Thrown from the handler so the JDK server drops the connection without the closing chunk. */
  static final class CutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CutException() { super("connection cut by the test", null, false, false); }
  }
}
