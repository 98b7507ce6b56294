package io.kubegen.benchmarks.informer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that answers list requests with one pre-encoded list and watch
 * requests with one pre-encoded stream of watch events, written as fast as the socket takes
 * them, so that a client's watch path is the only bottleneck. Every client gets the same event
 * bytes; how they are framed depends on how the client watches:
 * <ul>
 *   <li>a plain {@code GET ...?watch=true} gets a chunked 200 response whose body is the events,
 *       one JSON object per line, cut into chunks of {@value #CHUNK} bytes regardless of where
 *       frames end (as kube-apiserver's buffered writer does when a watcher is behind);</li>
 *   <li>a watch that asks to upgrade to WebSocket (fabric8's default) gets the RFC 6455
 *       handshake, then one unmasked text message per event, as kube-apiserver serves WebSocket
 *       watches.</li>
 * </ul>
 * After the last event the watch connection stays open and silent until the client closes it or
 * the server stops, so no client relists or re-watches within a measurement. Anything else that
 * is a GET answers the list; other requests get 404.
 *
 * <p>Each watch records when its first byte is written ({@link #lastWatchStart()}) and the
 * process CPU time then, so the harness measures from that moment. Threading: one accepting
 * thread and one thread per connection, all daemons; {@link #close()} closes every socket.
 */
final class LineRateWatchServer implements Closeable {
  static final int CHUNK = 4096;
  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket socket;
  private final byte[] listBody;
  private final byte[] chunkedEvents;
  private final byte[] webSocketEvents;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger watches = new AtomicInteger();
  private final AtomicInteger lists = new AtomicInteger();
  private volatile WatchStart lastWatchStart;

  /** When a watch stream began: wall clock and process CPU time, both in nanoseconds, and how. */
  record WatchStart(long nanoTime, long cpuNanos, boolean webSocket) {}

  /**
   * A server answering lists with {@code listBody} (a complete JSON list) and watches with
   * {@code frames}, the event objects, each complete JSON followed by a newline.
   */
  LineRateWatchServer(byte[] listBody, byte[][] frames) throws IOException {
    this.listBody = listBody;
    this.chunkedEvents = chunked(frames);
    this.webSocketEvents = webSocketMessages(frames);
    this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "line-rate-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The base URL, {@code http://127.0.0.1:port}. */
  String url() {
    return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  /** The most recent watch's start, or null. */
  WatchStart lastWatchStart() { return lastWatchStart; }

  /** Number of watch requests served so far. */
  int watchCount() { return watches.get(); }

  /** Number of list requests served so far. */
  int listCount() { return lists.get(); }

  /** Bytes of one whole chunked watch body (for reports). */
  int chunkedBytes() { return chunkedEvents.length; }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        Thread t = new Thread(() -> serve(s), "line-rate-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        Map<String, String> request = readHead(in);
        if (request == null) {
          return;
        }
        String target = request.get(":target");
        if (!"GET".equals(request.get(":method"))) {
          respond(out, "404 Not Found", "{}".getBytes(StandardCharsets.UTF_8));
          continue;
        }
        if (target.contains("watch=true") || target.contains("watch=1")) {
          String upgrade = request.get("upgrade");
          if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            serveWebSocket(request, in, out);
          } else {
            serveChunked(in, out);
          }
          return;
        }
        lists.incrementAndGet();
        respond(out, "200 OK", listBody);
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  private void serveChunked(InputStream in, OutputStream out) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    started(false);
    out.write(chunkedEvents);
    out.flush();
    awaitClientClose(in);
  }

  private void serveWebSocket(Map<String, String> request, InputStream in, OutputStream out) throws IOException {
    String key = request.get("sec-websocket-key");
    StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Accept: ").append(accept(key)).append("\r\n");
    String protocols = request.get("sec-websocket-protocol");
    if (protocols != null && !protocols.isBlank()) {
      head.append("Sec-WebSocket-Protocol: ").append(protocols.split(",")[0].trim()).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    started(true);
    out.write(webSocketEvents);
    out.flush();
    awaitClientClose(in);
  }

  private void started(boolean webSocket) {
    watches.incrementAndGet();
    lastWatchStart = new WatchStart(System.nanoTime(), processCpuNanos(), webSocket);
  }

  /** Reads (and drops) whatever the client sends until it closes: WebSocket close frames, pings. */
  private static void awaitClientClose(InputStream in) throws IOException {
    byte[] sink = new byte[1024];
    try {
      while (in.read(sink) >= 0) {
        // nothing to answer: the stream is over, the client decides when to leave
      }
    } catch (SocketException e) {
      // closed
    }
  }

  private static void respond(OutputStream out, String status, byte[] body) throws IOException {
    out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** The request line and headers (names in lower case), or null at the end of the connection. */
  private static Map<String, String> readHead(InputStream in) throws IOException {
    String line = readLine(in);
    while (line != null && line.isEmpty()) {
      line = readLine(in);
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ");
    if (parts.length < 3) {
      throw new IOException("bad request line: " + line);
    }
    Map<String, String> head = new LinkedHashMap<>();
    head.put(":method", parts[0]);
    head.put(":target", parts[1]);
    while (true) {
      String h = readLine(in);
      if (h == null) {
        return null;
      }
      if (h.isEmpty()) {
        break;
      }
      int colon = h.indexOf(':');
      if (colon > 0) {
        head.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
    }
    String length = head.get("content-length");
    if (length != null) {
      in.skipNBytes(Long.parseLong(length));
    }
    return head;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The frames as one chunked HTTP body: chunks of {@link #CHUNK} bytes, no terminating chunk. */
  private static byte[] chunked(byte[][] frames) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      all.writeBytes(f);
    }
    byte[] stream = all.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(stream.length + stream.length / CHUNK * 8 + 16);
    for (int at = 0; at < stream.length; at += CHUNK) {
      int n = Math.min(CHUNK, stream.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(stream, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** Each frame (without its newline) as one unmasked WebSocket text message. */
  private static byte[] webSocketMessages(byte[][] frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      int n = f.length > 0 && f[f.length - 1] == '\n' ? f.length - 1 : f.length;
      out.write(0x81); // FIN, text
      if (n < 126) {
        out.write(n);
      } else if (n < 65536) {
        out.write(126);
        out.write(n >>> 8);
        out.write(n & 0xff);
      } else {
        out.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (((long) n >>> shift) & 0xff));
        }
      }
      out.write(f, 0, n);
    }
    return out.toByteArray();
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing only
    }
  }
}
