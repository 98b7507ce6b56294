package io.kubegen.apiserver.e2e.informer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of the API server, for fault injection: {@link #cutConnections()}
 * breaks every open connection (watches end mid-stream), {@link #down()} also stops listening so
 * new connections are refused, {@link #up()} listens again on the same port. Counts accepted
 * connections. Thread-safe; {@link #close()} joins its threads.
 *
 * <p>{@link #down()} waits for the accept thread to end before it cuts the connections. Closing a
 * {@link ServerSocket} does not stop a thread blocked in {@code accept()} at once: until that
 * thread runs again, the kernel still completes connections to the port and the pending
 * {@code accept()} returns them. A client reconnecting right after the cut (a reflector re-opening
 * its watch) would otherwise get a live connection through a proxy that is supposedly down.
 */
final class LoopbackProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile ServerSocket listener;
  private volatile Thread acceptor;

  LoopbackProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.port = s.getLocalPort();
    startAccepting(s);
  }

  /** The proxy's URL, to give to clients. */
  String url() {
    return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
  }

  /** Connections accepted so far. */
  int acceptedConnections() {
    return accepted.get();
  }

  /** Breaks every open connection; new ones are still accepted. */
  void cutConnections() {
    for (Socket s : sockets) {
      closeQuietly(s);
      sockets.remove(s);
    }
  }

  /**
   * Stops listening and breaks every connection: the server looks down. When this returns, no
   * connection through the proxy is open and new ones are refused.
   */
  synchronized void down() throws InterruptedException {
    ServerSocket s = listener;
    listener = null;
    if (s != null) {
      closeQuietly(s);
    }
    Thread t = acceptor;
    if (t != null) {
      // a connection accepted after close() is dropped by the thread itself; one accepted just
      // before is registered before the thread ends, so the cut below reaches it
      t.join(10_000);
      if (t.isAlive()) {
        throw new IllegalStateException("the proxy's accept thread did not end");
      }
    }
    cutConnections();
  }

  /** Listens again on the same port. */
  synchronized void up() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    startAccepting(s);
  }

  private void startAccepting(ServerSocket s) {
    listener = s;
    acceptor = spawn("loopback-proxy-accept", () -> {
      while (!s.isClosed()) {
        Socket client;
        try {
          client = s.accept();
        } catch (IOException e) {
          return;
        }
        if (listener != s) {
          // accepted after down() closed the listener: the proxy is down
          closeQuietly(client);
          return;
        }
        accepted.incrementAndGet();
        Socket upstream = new Socket();
        try {
          upstream.connect(target, 5000);
        } catch (IOException e) {
          closeQuietly(client);
          closeQuietly(upstream);
          continue;
        }
        sockets.add(client);
        sockets.add(upstream);
        spawn("loopback-proxy-pump", () -> pump(client, upstream));
        spawn("loopback-proxy-pump", () -> pump(upstream, client));
      }
    });
  }

  private void pump(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // connection cut or closed: end both sides
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private Thread spawn(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    threads.add(t);
    threads.removeIf(x -> !x.isAlive() && x != t);
    t.start();
    return t;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws InterruptedException {
    down();
    for (Thread t : threads) {
      t.join(5000);
    }
  }
}
