package io.kubegen.runtime.testserver;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback TCP proxy for tests that injects the faults a client meets between itself and an API
 * server, below HTTP and in it. Per connection ({@link Mode}): pass through, reset at accept,
 * reset once the client has sent its first bytes (during a TLS handshake, or after a plain HTTP
 * request), or black-hole (accept, then never answer). At any moment: drop every open connection
 * or only those serving a watch, black-hole the open ones silently, stop listening so that
 * connections are refused ({@link #refuse()}) and listen again ({@link #listen()}). While HTTP
 * passes through it in the clear (a plain {@code http} target, or TLS terminated by the proxy,
 * {@link Builder#terminateTls}), it also answers requests itself with 503 (with or without
 * {@code Retry-After}), cuts responses after a random number of bytes, and holds watch requests
 * back for a random time before forwarding them.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder(server.url()).seed(42).build()) {
 *   proxy.next(Mode.RESET_AT_ACCEPT);            // the next connection
 *   proxy.httpFault(HttpFault.UNAVAILABLE);      // every request from now on: 503
 *   proxy.heal();                                // back to passing everything through
 *   ... RestConfig.builder().server(proxy.url("http").toString()) ...
 * }
 * }</pre>
 *
 * <p>Random choices (where a response is cut, how long a watch is held) come from a
 * {@link Random} per connection derived from the seed and the connection's number, so a given
 * sequence of connections and requests meets the same faults on every run. The proxy records
 * every connection and request ({@link #attempts()}, {@link #counts()}, {@link #requests()}) so a
 * test can check what a client asked for and how hard it pushes while the server is unreachable.
 *
 * <p>{@link #refuse()} waits for the accept thread to end before it drops the open connections:
 * closing a {@link ServerSocket} does not stop a thread blocked in {@code accept()} at once, and
 * until that thread runs again the kernel still completes connections to the port, so a client
 * reconnecting right after the drop would otherwise get through a proxy that says it refuses.
 *
 * <p>Each connection has a thread or two of its own; {@link #close()} closes every connection and
 * joins every thread. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  /** What the proxy does with one accepted connection. */
  public enum Mode {
    /** Forwards both ways to the target (with the HTTP faults in force, where the proxy sees HTTP). */
    PASS,
    /** Resets the connection (TCP RST) as soon as it is accepted. */
    RESET_AT_ACCEPT,
    /**
     * Reads what the client sends first (a TLS ClientHello, or a whole plain HTTP request), then
     * resets the connection.
     */
    RESET_ON_FIRST_BYTES,
    /** Accepts and then answers nothing, ever; the connection ends only when the client closes it. */
    BLACK_HOLE
  }

  /** How the proxy treats HTTP requests on passed-through connections. */
  public enum HttpFault {
    /** Forwards them. */
    NONE,
    /** Answers each with 503 ServiceUnavailable without {@code Retry-After}, then closes the connection. */
    UNAVAILABLE,
    /** Answers each with 503 ServiceUnavailable and {@code Retry-After: 1}, then closes the connection. */
    UNAVAILABLE_RETRY_AFTER
  }

  /** What the proxy has done so far. */
  public record Counts(int connections, int requests, int answeredUnavailable, int truncated, int dropped,
      int delayedWatches) {}

  /** The most bytes of a response that pass before the proxy cuts it, while truncating. */
  static final int MAX_TRUNCATION_BYTES = 16 * 1024;
  private static final Duration JOIN_DEADLINE = Duration.ofSeconds(10);

  final InetSocketAddress target;
  final boolean inspectsHttp;
  final SSLContext presentedTls;
  final SSLContext upstreamTls;
  private final long seed;
  private final int port;
  private final Deque<Mode> queued = new ArrayDeque<>();
  private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger answeredUnavailable = new AtomicInteger();
  private final AtomicInteger truncated = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger delayedWatches = new AtomicInteger();
  private final EventRate attempts = new EventRate();
  private final List<RecordedRequest> requestLog = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Mode always;
  private volatile ServerSocket listener;
  private volatile Thread acceptor;
  private volatile HttpFault httpFault = HttpFault.NONE;
  private volatile boolean truncating;
  private volatile Duration minWatchDelay;
  private volatile Duration maxWatchDelay;

  private FaultProxy(Builder b, Mode always) throws IOException {
    this.target = b.target;
    this.presentedTls = b.presentedTls;
    this.upstreamTls = b.upstreamTls;
    this.inspectsHttp = b.target != null && (b.presentedTls != null || "http".equalsIgnoreCase(b.scheme));
    this.seed = b.seed;
    this.always = always;
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    this.port = s.getLocalPort();
    startAccepting(s);
  }

  /** A proxy in front of {@code target} (its host and port), passing connections through. */
  public static FaultProxy to(URI target) {
    return builder(target).build();
  }

  /** An endpoint with nothing behind it that treats every connection as {@code mode} says (not PASS). */
  public static FaultProxy alone(Mode mode) {
    if (mode == Mode.PASS) {
      throw new IllegalArgumentException("a proxy without a target cannot pass connections through");
    }
    try {
      return new FaultProxy(new Builder(null), mode);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fault proxy", e);
    }
  }

  /** A builder of a proxy in front of {@code target}: seed, TLS termination. */
  public static Builder builder(URI target) {
    return new Builder(Objects.requireNonNull(target, "target"));
  }

  /** Builder of a {@link FaultProxy}. */
  public static final class Builder {
    private final InetSocketAddress target;
    private final String scheme;
    private long seed = System.nanoTime();
    private SSLContext presentedTls;
    private SSLContext upstreamTls;

    private Builder(URI target) {
      if (target == null) {
        this.target = null;
        this.scheme = null;
        return;
      }
      int port = target.getPort() != -1 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
      this.target = new InetSocketAddress(target.getHost(), port);
      this.scheme = target.getScheme();
    }

    /** The seed of every random choice the proxy makes (default: the time). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Terminates TLS: clients connect with TLS to the proxy, which presents the certificate of
     * {@code presented} (a server context), and the proxy connects with TLS to the target,
     * trusting what {@code upstream} (a client context) trusts. The proxy then sees the HTTP
     * inside, so its HTTP faults work over TLS too.
     */
    public Builder terminateTls(SSLContext presented, SSLContext upstream) {
      this.presentedTls = Objects.requireNonNull(presented, "presented");
      this.upstreamTls = Objects.requireNonNull(upstream, "upstream");
      return this;
    }

    public FaultProxy build() {
      try {
        return new FaultProxy(this, Mode.PASS);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the fault proxy", e);
      }
    }
  }

  /** {@code scheme://127.0.0.1:<port>}: the URL of the proxy for a client speaking {@code scheme}. */
  public URI url(String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + port);
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

  /** How requests on passed-through connections are treated from now on. */
  public FaultProxy httpFault(HttpFault fault) {
    checkSeesHttp(fault != HttpFault.NONE);
    this.httpFault = Objects.requireNonNull(fault, "fault");
    return this;
  }

  /**
   * While on, every response to a request forwarded from now on is cut (the connection closed or
   * reset) after a random number of bytes, up to 16 KiB: in the headers, in a list's body, or
   * in the middle of a watch stream.
   */
  public FaultProxy truncateResponses(boolean on) {
    checkSeesHttp(on);
    this.truncating = on;
    return this;
  }

  /** Holds every watch request for a random time between {@code min} and {@code max} before forwarding it. */
  public synchronized FaultProxy delayWatchRequests(Duration min, Duration max) {
    checkSeesHttp(true);
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("need 0 <= min <= max, got " + min + " and " + max);
    }
    this.minWatchDelay = min;
    this.maxWatchDelay = max;
    return this;
  }

  /** Forwards watch requests at once again. */
  public synchronized FaultProxy stopDelayingWatchRequests() {
    this.minWatchDelay = null;
    this.maxWatchDelay = null;
    return this;
  }

  /**
   * Ends every fault for new connections and requests: listening, {@link Mode#PASS} (for a proxy
   * with a target), nothing queued, requests forwarded as they come. Connections black-holed
   * before stay so: their clients must notice by themselves.
   */
  public synchronized FaultProxy heal() {
    queued.clear();
    if (target != null) {
      always = Mode.PASS;
    }
    httpFault = HttpFault.NONE;
    truncating = false;
    stopDelayingWatchRequests();
    listen();
    return this;
  }

  /** How many connections were accepted so far. */
  public int connections() { return accepted.get(); }

  /** What the proxy has done so far. */
  public Counts counts() {
    return new Counts(accepted.get(), requests.get(), answeredUnavailable.get(), truncated.get(), dropped.get(),
        delayedWatches.get());
  }

  /**
   * The moments at which clients tried something: each accepted connection, and each request after
   * the first on a connection. Refused connections never reach the proxy and are not in it.
   */
  public EventRate attempts() { return attempts; }

  /**
   * The requests that reached the proxy while it could read HTTP (a plain {@code http} target or
   * terminated TLS), in order of arrival, whether forwarded or answered by a fault; method, path
   * and query only (no headers, no body).
   */
  public List<RecordedRequest> requests() { return List.copyOf(requestLog); }

  /**
   * Black-holes every open pass-through connection, as a load balancer that silently dropped
   * them: nothing more is delivered in either direction, and neither side learns of it until it
   * closes the connection itself.
   */
  public void blackHoleOpenConnections() {
    open.forEach(ProxiedConnection::blackHole);
  }

  /** Closes every open connection (watches end mid-stream); new connections are still accepted. */
  public int dropConnections() {
    int n = 0;
    for (ProxiedConnection c : open) {
      c.close(false);
      n++;
    }
    dropped.addAndGet(n);
    return n;
  }

  /** Closes every open connection that is serving a watch; returns how many. */
  public int dropWatches() {
    checkSeesHttp(true);
    int n = 0;
    for (ProxiedConnection c : open) {
      if (c.servingWatch()) {
        c.close(false);
        n++;
      }
    }
    dropped.addAndGet(n);
    return n;
  }

  /**
   * Stops listening and drops every connection: the server looks down. When this returns, no
   * connection through the proxy is open and new ones are refused.
   */
  public synchronized void refuse() {
    ServerSocket s = listener;
    listener = null;
    if (s != null) {
      closeQuietly(s);
    }
    Thread t = acceptor;
    if (t != null && t != Thread.currentThread()) {
      // a connection accepted after close() is dropped by the thread itself; one accepted just
      // before is registered before the thread ends, so the drop below reaches it
      join(t);
      if (t.isAlive()) {
        throw new IllegalStateException("the fault proxy's accept thread did not end");
      }
    }
    dropConnections();
  }

  /** Listens again on the same port, after {@link #refuse()}; does nothing while listening. */
  public synchronized void listen() {
    if (listener != null || closing.getCount() == 0) {
      return;
    }
    long deadline = System.nanoTime() + JOIN_DEADLINE.toNanos();
    while (true) {
      try {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
          s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
          s.close();
          throw e;
        }
        startAccepting(s);
        return;
      } catch (BindException e) {
        // another socket holds the port for a moment (a client's ephemeral port): try again shortly
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot listen on port " + port + " again", e);
        }
        pause(Duration.ofMillis(50));
      } catch (IOException e) {
        throw new IllegalStateException("cannot listen on port " + port + " again", e);
      }
    }
  }

  /** Whether the proxy is listening (not refusing). */
  public boolean isListening() {
    return listener != null;
  }

  /** Stops listening, closes every connection and joins every thread of the proxy. */
  @Override
  public void close() {
    closing.countDown();
    refuse();
    open.forEach(c -> c.close(false));
    long deadline = System.nanoTime() + JOIN_DEADLINE.toNanos();
    List<String> alive = new ArrayList<>();
    for (Thread t : threads) {
      long left = deadline - System.nanoTime();
      try {
        t.join(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (t.isAlive()) {
        alive.add(t.getName());
      }
    }
    if (!alive.isEmpty()) {
      throw new IllegalStateException("fault proxy threads still running after close(): " + alive);
    }
  }

  // ---- used by the connections --------------------------------------------------------------

  HttpFault httpFault() { return httpFault; }

  boolean truncating() { return truncating; }

  /** How long to hold a watch request; zero when watch requests are not delayed. */
  synchronized Duration watchDelay(Random random) {
    Duration min = minWatchDelay;
    Duration max = maxWatchDelay;
    if (min == null) {
      return Duration.ZERO;
    }
    long span = max.toNanos() - min.toNanos();
    return min.plusNanos(span == 0 ? 0 : (long) (random.nextDouble() * span));
  }

  void requestArrived(boolean firstOnConnection, String method, String target) {
    int q = target.indexOf('?');
    requestLog.add(new RecordedRequest(method, q < 0 ? target : target.substring(0, q),
        q < 0 ? null : target.substring(q + 1), java.util.Map.of(), ""));
    requests.incrementAndGet();
    if (!firstOnConnection) {
      attempts.record();
    }
  }

  void answeredUnavailable() { answeredUnavailable.incrementAndGet(); }

  void truncatedOne() { truncated.incrementAndGet(); }

  void delayedWatch() { delayedWatches.incrementAndGet(); }

  void forget(ProxiedConnection c) { open.remove(c); }

  /** Runs {@code task} on a daemon thread that {@link #close()} joins. */
  void spawn(String name, Runnable task) {
    Thread[] self = new Thread[1];
    Thread t = new Thread(() -> {
      try {
        task.run();
      } finally {
        threads.remove(self[0]);
      }
    }, name);
    self[0] = t;
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  // ---- internals ----------------------------------------------------------------------------

  private void checkTarget(Mode m) {
    if (m == Mode.PASS && target == null) {
      throw new IllegalArgumentException("a proxy without a target cannot pass connections through");
    }
  }

  private void checkSeesHttp(boolean needed) {
    if (needed && !inspectsHttp) {
      throw new IllegalStateException("this proxy does not see HTTP: its target is not plain http and it does not"
          + " terminate TLS");
    }
  }

  private synchronized Mode take() {
    Mode m = queued.poll();
    return m != null ? m : always;
  }

  private void startAccepting(ServerSocket s) {
    listener = s;
    Thread t = new Thread(() -> acceptLoop(s), "fault-proxy-accept");
    t.setDaemon(true);
    acceptor = t;
    t.start();
  }

  private void acceptLoop(ServerSocket s) {
    while (true) {
      Socket client;
      try {
        client = s.accept();
      } catch (IOException e) {
        return;
      }
      if (listener != s) {
        // accepted after refuse() closed the listener: the proxy is refusing
        closeQuietly(client);
        return;
      }
      int number = accepted.incrementAndGet();
      attempts.record();
      Mode mode = take();
      ProxiedConnection c = new ProxiedConnection(this, number, client,
          new Random(seed ^ (number * 0x9E3779B97F4A7C15L)));
      open.add(c);
      spawn("fault-proxy-" + number + "-" + mode, () -> c.serve(mode));
    }
  }

  private static void join(Thread t) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + JOIN_DEADLINE.toNanos();
    while (t.isAlive() && System.nanoTime() < deadline) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // closing a test socket
    }
  }

  @Override
  public String toString() {
    return "FaultProxy{" + url("tcp") + (target == null ? "" : " -> " + target) + "}";
  }
}
