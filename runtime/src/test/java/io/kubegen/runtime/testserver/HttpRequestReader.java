package io.kubegen.runtime.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests off a client connection one at a time, for {@link FaultProxy}: the head
 * (request line and headers) is parsed just enough to tell a watch from other calls and to know
 * where the body ends ({@code Content-Length} or chunked), and every byte read can be forwarded
 * unchanged. Bytes read past a request stay buffered for the next one. One thread only.
 */
final class HttpRequestReader {
  private static final int MAX_HEAD = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[MAX_HEAD];
  private int start;
  private int end;

  HttpRequestReader(InputStream in) {
    this.in = in;
  }

  /** The head of one request: its raw bytes and what the proxy needs to know about it. */
  record Head(byte[] bytes, String method, String target, long contentLength, boolean chunked) {
    /** A watch: {@code watch=true} (or {@code 1}) in the query, or a {@code /watch/} path. */
    boolean isWatch() {
      int q = target.indexOf('?');
      String path = q < 0 ? target : target.substring(0, q);
      if (path.contains("/watch/")) {
        return true;
      }
      if (q < 0) {
        return false;
      }
      for (String param : target.substring(q + 1).split("&")) {
        if (param.equals("watch=true") || param.equals("watch=1")) {
          return true;
        }
      }
      return false;
    }
  }

  /** Thrown when the bytes are not an HTTP/1.1 request the reader understands. */
  static final class NotHttpException extends IOException {
    NotHttpException(String message) {
      super(message);
    }
  }

  /**
   * The next request's head, or null when the client closed the connection between requests.
   *
   * @throws NotHttpException when what arrives is not a request head; {@link #buffered()} still
   *     holds every byte read
   * @throws IOException when the connection fails or ends inside a head
   */
  Head next() throws IOException {
    // how far past start the search has got; fill() moves the bytes, so never an absolute index
    int scanned = 0;
    while (true) {
      int headEnd = indexOfBlankLine(start + scanned);
      if (headEnd >= 0) {
        byte[] head = new byte[headEnd - start];
        System.arraycopy(buffer, start, head, 0, head.length);
        start = headEnd;
        return parse(head);
      }
      scanned = Math.max(0, end - start - 3);
      if (!fill()) {
        if (start == end) {
          return null;
        }
        throw new IOException("the connection ended inside a request head");
      }
    }
  }

  /** Copies the body of {@code head} to {@code out} (null: reads and drops it). */
  void copyBody(Head head, OutputStream out) throws IOException {
    if (head.chunked()) {
      while (true) {
        String sizeLine = copyLine(out);
        int semicolon = sizeLine.indexOf(';');
        long size;
        try {
          size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new NotHttpException("bad chunk size line: " + sizeLine);
        }
        if (size == 0) {
          String trailer;
          do {
            trailer = copyLine(out);
          } while (!trailer.isEmpty());
          return;
        }
        copyBytes(size, out);
        copyLine(out);
      }
    }
    copyBytes(head.contentLength(), out);
  }

  /** The stream the requests come from, to read raw bytes after {@link #buffered()}. */
  InputStream input() {
    return in;
  }

  /** Bytes read but not handed out yet; after a {@link NotHttpException}, everything read so far. */
  byte[] buffered() {
    byte[] b = new byte[end - start];
    System.arraycopy(buffer, start, b, 0, b.length);
    start = end;
    return b;
  }

  private void copyBytes(long count, OutputStream out) throws IOException {
    long left = count;
    while (left > 0) {
      if (start == end && !fill()) {
        throw new IOException("the connection ended inside a request body");
      }
      int n = (int) Math.min(left, end - start);
      if (out != null) {
        out.write(buffer, start, n);
      }
      start += n;
      left -= n;
    }
  }

  /** Copies one CRLF-terminated line and returns it without the line end. */
  private String copyLine(OutputStream out) throws IOException {
    int scanned = 0;
    while (true) {
      for (int i = start + scanned; i + 1 < end; i++) {
        if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
          String line = new String(buffer, start, i - start, StandardCharsets.ISO_8859_1);
          if (out != null) {
            out.write(buffer, start, i + 2 - start);
          }
          start = i + 2;
          return line;
        }
      }
      scanned = Math.max(0, end - start - 1);
      if (!fill()) {
        throw new IOException("the connection ended inside a chunked body");
      }
    }
  }

  /** Reads more bytes, compacting the buffer first; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      throw new NotHttpException("a request head longer than " + MAX_HEAD + " bytes");
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }

  /** The index just past the first CRLFCRLF at or after {@code from}, or -1. */
  private int indexOfBlankLine(int from) {
    for (int i = Math.max(start, from); i + 3 < end; i++) {
      if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  private Head parse(byte[] head) throws NotHttpException {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      // keep the bytes for whoever falls back to copying them raw
      start -= head.length;
      throw new NotHttpException("not an HTTP/1.x request line: " + lines[0]);
    }
    long contentLength = 0;
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("content-length")) {
        try {
          contentLength = Long.parseLong(value);
        } catch (NumberFormatException e) {
          start -= head.length;
          throw new NotHttpException("bad Content-Length: " + value);
        }
      } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    return new Head(head, requestLine[0], requestLine[1], contentLength, chunked);
  }
}
