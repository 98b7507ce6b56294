package io.kubegen.runtime.rest;

import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchException;
import io.kubegen.runtime.watch.WatchStreamDecoder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pumps one watch response body into a {@link QueueWatch} on a daemon thread of its own. The
 * stream ends normally when the server ends the body after a whole frame; a broken connection or
 * a malformed or cut-off frame ends it with a {@link WatchException}. Closing the watch, from any
 * thread, closes the body (which releases the connection) and interrupts the reader, so a reader
 * blocked on the socket stops at once.
 *
 * <p>Every read of the body counts as a sign of life for the watch's {@link WatchLiveness}; a
 * consumer waiting for the next event on a connection that stays silent past the liveness bounds
 * gets the liveness's {@link WatchException}, and the watch is closed.
 */
final class HttpWatch {
  private static final Logger LOG = LoggerFactory.getLogger(HttpWatch.class);

  private HttpWatch() {}

  static <T> Watch<T> start(InputStream body, WatchStreamDecoder<T> decoder, String context, WatchLiveness liveness) {
    Thread[] reader = new Thread[1];
    QueueWatch<T> watch = new QueueWatch<>(() -> {
      closeQuietly(body);
      Thread t = reader[0];
      if (t != null && t != Thread.currentThread()) {
        t.interrupt();
      }
    }, liveness);
    InputStream watched = new FilterInputStream(body) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          liveness.dataArrived();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          liveness.dataArrived();
        }
        return n;
      }
    };
    Thread thread = RestClient.daemonThreads("kubegen-watch-").newThread(() -> pump(watched, decoder, watch, context));
    reader[0] = thread;
    thread.start();
    return watch;
  }

  private static <T> void pump(InputStream body, WatchStreamDecoder<T> decoder, QueueWatch<T> watch, String context) {
    try {
      decoder.decode(body, watch);
      LOG.debug("{}: watch stream ended", context);
      watch.finish();
    } catch (WatchException e) {
      if (watch.isClosed()) {
        watch.finish();
      } else {
        LOG.warn("{}: watch stream broke: {}", context, e.getMessage());
        watch.fail(new WatchException(context + ": " + e.getMessage(), e));
      }
    } catch (IOException | RuntimeException e) {
      if (watch.isClosed()) {
        watch.finish();
      } else {
        LOG.warn("{}: watch connection failed: {}", context, e.toString());
        watch.fail(new WatchException(context + ": watch connection failed: " + e.getMessage(), e));
      }
    } finally {
      closeQuietly(body);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing only releases the connection
    }
  }
}
