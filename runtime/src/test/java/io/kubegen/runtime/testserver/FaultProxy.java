package io.kubegen.runtime.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP endpoint for tests that misbehaves at the connection level, where an HTTP
 * server cannot: it resets connections as they are accepted, resets them once the client has
 * sent its first bytes (during a TLS handshake, or after a plain HTTP request), black-holes them
 * (accepts, then never reads, answers or closes), or passes them through to a real server, whose
 * open connections it can later black-hole ({@link #blackHoleOpenConnections()}).
 *
 * <pre>{@code
 * try (FaultServer server = FaultServer.start(); FaultProxy proxy = FaultProxy.to(server.url())) {
 *   proxy.next(Mode.RESET_AT_ACCEPT, Mode.RESET_AT_ACCEPT); // the first two connections
 *   proxy.always(Mode.PASS);                                  // every later one
 *   ... RestConfig.builder().server(proxy.url("http").toString()) ...
 * }
 * }</pre>
 *
 * <p>Each accepted connection takes the next queued mode, or the {@code always} mode. Every
 * connection has threads of its own; {@link #close()} closes them all. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  /** What the proxy does with one accepted connection. */
  public enum Mode {
    /** Forwards both ways to the target. */
    PASS,
    /** Resets the connection (TCP RST) as soon as it is accepted. */
    RESET_AT_ACCEPT,
    /**
     * Reads what the client sends first (a TLS ClientHello, or a whole plain HTTP request), then
     * resets the connection.
     */
    RESET_ON_FIRST_BYTES,
    /** Accepts and then does nothing at all: no byte read or written, never closed. */
    BLACK_HOLE
  }

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Deque<Mode> queued = new ArrayDeque<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Mode always;

  private FaultProxy(InetSocketAddress target, Mode always) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.always = always;
    Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of {@code target} (its host and port), passing connections through. */
  public static FaultProxy to(URI target) {
    int port = target.getPort() != -1 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
    try {
      return new FaultProxy(new InetSocketAddress(target.getHost(), port), Mode.PASS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fault proxy", e);
    }
  }

  /** An endpoint with nothing behind it that treats every connection as {@code mode} says (not PASS). */
  public static FaultProxy alone(Mode mode) {
    if (mode == Mode.PASS) {
      throw new IllegalArgumentException("a proxy without a target cannot pass connections through");
    }
    try {
      return new FaultProxy(null, mode);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fault proxy", e);
    }
  }

  /** {@code scheme://127.0.0.1:<port>}: the URL of the proxy for a client speaking {@code scheme}. */
  public URI url(String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
  }

  /** Queues modes for the next connections, one each, before the {@code always} mode applies again. */
  public synchronized FaultProxy next(Mode... modes) {
    for (Mode m : modes) {
      checkTarget(m);
      queued.add(m);
    }
    return this;
  }

  /** The mode of every connection once the queued ones are used up. */
  public FaultProxy always(Mode mode) {
    checkTarget(mode);
    this.always = mode;
    return this;
  }

  /** How many connections were accepted so far. */
  public int connections() { return accepted.get(); }

  /**
   * Black-holes every open pass-through connection, as a load balancer that silently dropped
   * them: nothing more is delivered in either direction, and neither side learns of it.
   */
  public void blackHoleOpenConnections() {
    links.forEach(Link::blackHole);
  }

  @Override
  public void close() {
    closing.countDown();
    closeQuietly(listener);
    open.forEach(FaultProxy::closeQuietly);
  }

  private void checkTarget(Mode m) {
    if (m == Mode.PASS && target == null) {
      throw new IllegalArgumentException("a proxy without a target cannot pass connections through");
    }
  }

  private synchronized Mode take() {
    Mode m = queued.poll();
    return m != null ? m : always;
  }

  private void acceptLoop() {
    while (closing.getCount() > 0) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      open.add(client);
      Mode mode = take();
      Thread t = new Thread(() -> serve(client, mode), "fault-proxy-" + mode);
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket client, Mode mode) {
    try {
      switch (mode) {
        case RESET_AT_ACCEPT -> reset(client);
        case RESET_ON_FIRST_BYTES -> {
          byte[] buffer = new byte[16 * 1024];
          if (client.getInputStream().read(buffer) >= 0) {
            reset(client);
          }
        }
        case BLACK_HOLE -> closing.await();
        case PASS -> pass(client);
      }
    } catch (IOException e) {
      closeQuietly(client);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pass(Socket client) throws IOException {
    Socket server = new Socket();
    open.add(server);
    server.connect(target, 5000);
    Link link = new Link();
    links.add(link);
    Thread up = new Thread(() -> link.copy(client, server), "fault-proxy-up");
    Thread down = new Thread(() -> link.copy(server, client), "fault-proxy-down");
    up.setDaemon(true);
    down.setDaemon(true);
    up.start();
    down.start();
  }

  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing a test socket
    }
  }

  /** The two directions of one pass-through connection. */
  private final class Link {
    private volatile boolean blackHoled;

    void blackHole() {
      blackHoled = true;
    }

    void copy(Socket from, Socket to) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (blackHoled) {
            closing.await();
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException e) {
        closeQuietly(from);
        closeQuietly(to);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "FaultProxy{" + url("tcp") + (target == null ? "" : " -> " + Objects.toString(target)) + "}";
  }
}
