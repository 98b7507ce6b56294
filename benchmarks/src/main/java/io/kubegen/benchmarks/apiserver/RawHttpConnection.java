package io.kubegen.benchmarks.apiserver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket, so the benchmark measures the server
 * and not a client library. Understands Content-Length bodies (every non-streamed answer of
 * the server has one) and chunked streams (lists, watches). Not thread-safe: one per thread.
 * Connecting takes at most 10 s and every read at most {@link #READ_TIMEOUT_MILLIS}, so no call
 * waits forever on a server that stopped answering.
 */
final class RawHttpConnection implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;

  /** The longest a read waits for the server's next byte. */
  static final int READ_TIMEOUT_MILLIS = 60_000;

  RawHttpConnection(URI server) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    host = server.getHost() + ":" + server.getPort();
  }

  /** Sends a request; the body may be null. */
  void send(String method, String path, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
        .append(host).append("\r\nAccept: application/json\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  /** Reads one whole answer and returns its status code; the body is read and dropped unless asked for. */
  int readResponse(OutputStream bodySink) throws IOException {
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(h.substring(colon + 1).trim());
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && h.toLowerCase().contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
        copy(size, bodySink);
        line();
      }
      line();
    } else if (length > 0) {
      copy(length, bodySink);
    }
    return code;
  }

  /** Reads the head of a streamed answer and returns the status code; then use {@link #nextChunkLine}. */
  int readStreamHead() throws IOException {
    String status = line();
    for (String h = line(); !h.isEmpty(); h = line()) {
      // headers are not needed
    }
    return Integer.parseInt(status.substring(9, 12));
  }

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long chunkLeft;

  /** The next newline-terminated line of a chunked stream, or null at its end. */
  String nextChunkLine() throws IOException {
    while (true) {
      if (chunkLeft == 0) {
        long size = Long.parseLong(line().trim(), 16);
        if (size == 0) {
          return null;
        }
        chunkLeft = size;
      }
      while (chunkLeft > 0) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("stream ended inside a chunk");
        }
        chunkLeft--;
        if (chunkLeft == 0) {
          line();
        }
        if (b == '\n') {
          String l = pending.toString(StandardCharsets.UTF_8);
          pending.reset();
          return l;
        }
        pending.write(b);
      }
    }
  }

  private void copy(long n, OutputStream sink) throws IOException {
    byte[] buf = new byte[8192];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) {
        throw new IOException("connection closed in a body");
      }
      if (sink != null) {
        sink.write(buf, 0, r);
      }
      n -= r;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException { socket.close(); }
}
