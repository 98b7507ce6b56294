package io.kubegen.runtime.testserver;

import io.kubegen.runtime.testserver.FaultProxy.HttpFault;
import io.kubegen.runtime.testserver.FaultProxy.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * One client connection accepted by a {@link FaultProxy}, with the faults of its {@link Mode} and,
 * where the proxy sees HTTP, the proxy's HTTP faults. Two threads while it passes bytes through:
 * the one that called {@link #serve} carries requests to the target, a second one carries
 * responses back.
 *
 * <p>Dropping the connection closes the TCP sockets underneath any TLS layer, so neither side
 * gets a {@code close_notify}: the peer sees the connection end as when a network path breaks.
 */
final class ProxiedConnection {
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final FaultProxy proxy;
  private final int number;
  private final Socket clientRaw;
  private final Random random;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Socket upstreamRaw;
  private volatile boolean blackHoled;
  private volatile boolean servingWatch;
  /** Bytes sent back to the client so far, and the count at which to cut (Long.MAX_VALUE: never). */
  private long bytesDown;
  private volatile long cutAt = Long.MAX_VALUE;

  ProxiedConnection(FaultProxy proxy, int number, Socket client, Random random) {
    this.proxy = proxy;
    this.number = number;
    this.clientRaw = client;
    this.random = random;
  }

  /** Whether the last request forwarded on this connection was a watch. */
  boolean servingWatch() {
    return servingWatch;
  }

  /** From now on nothing is delivered in either direction; the sockets stay open. */
  void blackHole() {
    blackHoled = true;
  }

  /** Closes both sides: with a TCP reset when {@code reset}, else with a plain close. */
  void close(boolean reset) {
    closed.countDown();
    if (reset) {
      resetQuietly(clientRaw);
      resetQuietly(upstreamRaw);
    } else {
      FaultProxy.closeQuietly(clientRaw);
      FaultProxy.closeQuietly(upstreamRaw);
    }
    proxy.forget(this);
  }

  /** Serves the connection on the calling thread until it ends. */
  void serve(Mode mode) {
    try {
      switch (mode) {
        case RESET_AT_ACCEPT -> close(true);
        case RESET_ON_FIRST_BYTES -> {
          if (clientRaw.getInputStream().read(new byte[16 * 1024]) >= 0) {
            close(true);
          } else {
            close(false);
          }
        }
        case BLACK_HOLE -> {
          blackHoled = true;
          discard(clientRaw.getInputStream());
        }
        case PASS -> pass();
      }
    } catch (IOException | RuntimeException e) {
      // the connection broke, or was dropped: end it on both sides
    } finally {
      close(false);
    }
  }

  private void pass() throws IOException {
    Socket client = clientRaw;
    if (proxy.presentedTls != null) {
      client = acceptTls(clientRaw);
    }
    Socket upstreamPlain = new Socket();
    upstreamRaw = upstreamPlain;
    if (closed.getCount() == 0) {
      return;
    }
    upstreamPlain.connect(proxy.target, CONNECT_TIMEOUT_MILLIS);
    Socket upstream = proxy.upstreamTls != null ? connectTls(upstreamPlain) : upstreamPlain;
    InputStream fromUpstream = upstream.getInputStream();
    OutputStream toClient = client.getOutputStream();
    proxy.spawn("fault-proxy-" + number + "-down", () -> carryResponses(fromUpstream, toClient));
    if (proxy.inspectsHttp) {
      carryRequests(new HttpRequestReader(client.getInputStream()), upstream.getOutputStream(), toClient);
    } else {
      copy(client.getInputStream(), upstream.getOutputStream());
    }
  }

  private SSLSocket acceptTls(Socket raw) throws IOException {
    SSLSocket tls = (SSLSocket) proxy.presentedTls.getSocketFactory()
        .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), false);
    tls.setUseClientMode(false);
    handshake(tls);
    return tls;
  }

  private SSLSocket connectTls(Socket raw) throws IOException {
    SSLSocket tls = (SSLSocket) proxy.upstreamTls.getSocketFactory()
        .createSocket(raw, proxy.target.getHostString(), proxy.target.getPort(), false);
    tls.setUseClientMode(true);
    handshake(tls);
    return tls;
  }

  private static void handshake(SSLSocket tls) throws IOException {
    tls.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    tls.startHandshake();
    tls.setSoTimeout(0);
  }

  /** Reads requests one by one and forwards them, answering or holding them as the faults say. */
  private void carryRequests(HttpRequestReader reader, OutputStream toUpstream, OutputStream toClient)
      throws IOException {
    boolean first = true;
    while (true) {
      HttpRequestReader.Head head;
      try {
        head = reader.next();
      } catch (HttpRequestReader.NotHttpException e) {
        // not HTTP after all: pass the rest through untouched
        toUpstream.write(reader.buffered());
        toUpstream.flush();
        copy(reader.input(), toUpstream);
        return;
      }
      if (head == null) {
        return;
      }
      proxy.requestArrived(first, head.method(), head.target());
      first = false;
      HttpFault fault = proxy.httpFault();
      if (fault != HttpFault.NONE && !blackHoled) {
        reader.copyBody(head, null);
        answerUnavailable(toClient, fault == HttpFault.UNAVAILABLE_RETRY_AFTER);
        proxy.answeredUnavailable();
        return;
      }
      boolean watch = head.isWatch();
      if (watch) {
        Duration delay = proxy.watchDelay(random);
        if (!delay.isZero()) {
          proxy.delayedWatch();
          if (awaitClosed(delay)) {
            return;
          }
        }
      }
      servingWatch = watch;
      if (proxy.truncating()) {
        long budget = 1 + random.nextInt(FaultProxy.MAX_TRUNCATION_BYTES);
        synchronized (this) {
          cutAt = bytesDown + budget;
        }
      }
      if (blackHoled) {
        reader.copyBody(head, null);
        continue;
      }
      toUpstream.write(head.bytes());
      reader.copyBody(head, toUpstream);
      toUpstream.flush();
    }
  }

  /** Carries the target's bytes back to the client, cutting them where a truncation says. */
  private void carryResponses(InputStream fromUpstream, OutputStream toClient) {
    byte[] buffer = new byte[16 * 1024];
    try {
      int n;
      while ((n = fromUpstream.read(buffer)) >= 0) {
        if (blackHoled) {
          continue;
        }
        int pass = n;
        boolean cut = false;
        synchronized (this) {
          if (bytesDown + n >= cutAt) {
            pass = (int) Math.max(0, cutAt - bytesDown);
            cut = true;
          }
          bytesDown += pass;
        }
        toClient.write(buffer, 0, pass);
        toClient.flush();
        if (cut) {
          proxy.truncatedOne();
          close(random.nextBoolean());
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // either side went away
    } finally {
      close(false);
    }
  }

  private void copy(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = from.read(buffer)) >= 0) {
      if (blackHoled) {
        continue;
      }
      to.write(buffer, 0, n);
      to.flush();
    }
  }

  private static void discard(InputStream in) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    while (in.read(buffer) >= 0) {
      // nothing is ever answered
    }
  }

  private static void answerUnavailable(OutputStream out, boolean retryAfter) throws IOException {
    byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"the server is currently unable to handle the request\",\"reason\":\"ServiceUnavailable\","
        + "\"code\":503}").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 503 Service Unavailable\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + (retryAfter ? "Retry-After: 1\r\n" : "")
        + "Connection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** Waits up to {@code d}; true when the connection was closed meanwhile. */
  private boolean awaitClosed(Duration d) {
    try {
      return closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void resetQuietly(Socket s) {
    if (s == null) {
      return;
    }
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed
    }
    FaultProxy.closeQuietly(s);
  }
}
