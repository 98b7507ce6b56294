package io.kubegen.benchmarks.apiserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One open watch that hands every event to a {@link WatchTally}. Two ways to watch, because the
 * two servers do not speak the same watch protocol: kubegen's server (like a real API server)
 * streams events as lines of a chunked HTTP response; fabric8's mock server in CRUD mode serves
 * {@code ?watch=true} only as a WebSocket upgrade, one event per text message.
 */
interface WatchStream extends AutoCloseable {

  /** Closes the stream; never blocks for long. */
  @Override
  void close();

  /** A chunked HTTP watch over a {@link RawHttpConnection}, read by a daemon thread of its own. */
  static WatchStream chunked(URI server, String path, WatchTally tally) throws IOException {
    RawHttpConnection c = new RawHttpConnection(server);
    c.send("GET", path, null);
    Thread reader = new Thread(() -> {
      try {
        int code = c.readStreamHead();
        if (code != 200) {
          tally.onEnd("HTTP " + code);
          return;
        }
        for (String line = c.nextChunkLine(); line != null; line = c.nextChunkLine()) {
          tally.onEvent(line);
        }
        tally.onEnd("the stream ended");
      } catch (IOException e) {
        tally.onEnd(e.toString());
      }
    }, "bench-watcher");
    reader.setDaemon(true);
    reader.start();
    return () -> {
      try {
        c.close();
      } catch (IOException e) {
        // closing anyway
      }
    };
  }

  /**
   * A WebSocket watch with the JDK's client: {@code ws://} on the same path, one event per text
   * message (partial messages are joined). Waits at most 30 s for the upgrade.
   */
  static WatchStream webSocket(HttpClient client, URI server, String path, WatchTally tally) throws Exception {
    URI uri = URI.create("ws://" + server.getHost() + ":" + server.getPort() + path);
    WebSocket.Listener listener = new WebSocket.Listener() {
      private final StringBuilder message = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
          tally.onEvent(message.toString());
          message.setLength(0);
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        message.append(new String(bytes, StandardCharsets.UTF_8));
        if (last) {
          tally.onEvent(message.toString());
          message.setLength(0);
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        tally.onEnd("closed by the server: " + statusCode + " " + reason);
        return null;
      }

      @Override
      public void onError(WebSocket ws, Throwable error) {
        tally.onEnd(error.toString());
      }
    };
    WebSocket ws = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, listener)
        .get(30, TimeUnit.SECONDS);
    return ws::abort;
  }
}
