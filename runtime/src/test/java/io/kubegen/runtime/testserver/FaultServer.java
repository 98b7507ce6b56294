package io.kubegen.runtime.testserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A loopback HTTP server for tests that answers from a script and can misbehave on purpose:
 * fixed answers per path (429 with Retry-After, 503 bursts, Status bodies, garbage), answers that
 * never come, answers that stall after their headers, and chunked streams the test writes frames
 * to, ends, or cuts mid-frame. Faults below HTTP (resets, black holes) come from {@link FaultProxy}.
 *
 * <pre>{@code
 * try (FaultServer server = FaultServer.start()) {
 *   server.route("/api/v1/namespaces/default/configmaps/a")
 *       .then(Reply.status(503, "ServiceUnavailable", "busy").header("Retry-After", "1"))
 *       .always(Reply.json(200, "{...}"));
 *   ChunkedStream events = new ChunkedStream();
 *   server.route("GET", "/api/v1/configmaps").then(Reply.stream(events));
 *   ...
 * }
 * }</pre>
 *
 * <p>Routes match the exact path (without the query); a route for one method wins over one for
 * any method, and conditional routes ({@link #route(String, String, java.util.function.Predicate)},
 * {@link #watchRoute(String)}) win over both. A route answers with its queued replies in order,
 * then with its {@code always} reply; with neither left the server answers 404 with a Status
 * naming the path. Every request is recorded. Thread-safe; handlers run on a pool, so hanging
 * answers do not block others.
 */
public final class FaultServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Conditional> conditionalRoutes = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopping = new CountDownLatch(1);

  private FaultServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a plain HTTP server on a free loopback port. */
  public static FaultServer start() {
    return start(null);
  }

  /** Starts an HTTPS server on a free loopback port presenting {@code certificate}. */
  public static FaultServer startTls(SelfSignedCertificate certificate) {
    return start(java.util.Objects.requireNonNull(certificate, "certificate"));
  }

  private static FaultServer start(SelfSignedCertificate tls) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      HttpServer http;
      if (tls == null) {
        http = HttpServer.create(address, 50);
      } else {
        com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 50);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls.serverContext()));
        http = https;
      }
      ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-server");
        t.setDaemon(true);
        return t;
      });
      FaultServer fault = new FaultServer(http, pool);
      http.createContext("/", fault::handle);
      http.setExecutor(pool);
      http.start();
      return fault;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fault server", e);
    }
  }

  /** A loopback URL where nothing listens: connections to it are refused. */
  public static URI deadUrl() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>} (https for a TLS server). */
  public URI url() {
    String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The route of {@code path} for any method, created on first use. */
  public Route route(String path) {
    return route("*", path);
  }

  /** The route of {@code method} and {@code path}, created on first use. */
  public Route route(String method, String path) {
    return routes.computeIfAbsent(method.toUpperCase(Locale.ROOT) + " " + path, k -> new Route());
  }

  /**
   * A route for the requests to {@code path} that {@code when} accepts, such as the watch calls
   * of a path whose list calls another route answers. Conditional routes are consulted before
   * plain ones, in the order they were made; each call makes a new route.
   */
  public Route route(String method, String path, java.util.function.Predicate<RecordedRequest> when) {
    Route route = new Route();
    String m = method.toUpperCase(Locale.ROOT);
    conditionalRoutes.add(new Conditional(r -> ("*".equals(m) || r.method().equals(m)) && r.path().equals(path) && when.test(r), route));
    return route;
  }

  /** The route of the watch calls ({@code GET ...?watch=true}) to {@code path}; list calls go to {@code route(path)}. */
  public Route watchRoute(String path) {
    return route("GET", path, r -> "true".equals(r.query().get("watch")) || "1".equals(r.query().get("watch")));
  }

  /** Every request received so far, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests received for {@code path}. */
  public List<RecordedRequest> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).collect(Collectors.toList());
  }

  @Override
  public void close() {
    stopping.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    RecordedRequest request = record(exchange);
    Route route = null;
    for (Conditional c : conditionalRoutes) {
      if (c.when().test(request)) {
        route = c.route();
        break;
      }
    }
    if (route == null) {
      route = routes.get(request.method() + " " + request.path());
    }
    if (route == null) {
      route = routes.get("* " + request.path());
    }
    Reply reply = route == null ? null : route.next();
    if (reply == null) {
      reply = Reply.status(404, "NotFound", "fault server has no reply for " + request.method() + " " + request.path());
    }
    switch (reply.kind) {
      case BODY -> {
        byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      case HANG -> {
        try {
          stopping.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
      }
      case STALL -> {
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.code, 0);
        exchange.getResponseBody().flush();
        try {
          stopping.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
      }
      case STREAM -> {
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.code, 0);
        try {
          reply.stream.serve(exchange.getResponseBody());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        // after a normal end the exchange is complete; a cut throws out of here instead
        exchange.close();
      }
    }
  }

  private RecordedRequest record(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    RecordedRequest r = new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), headers,
        new String(body, StandardCharsets.UTF_8));
    requests.add(r);
    return r;
  }

  private record Conditional(java.util.function.Predicate<RecordedRequest> when, Route route) {}

  /** The script of one path: replies used once each, in order, then the {@code always} reply. */
  public static final class Route {
    private final Deque<Reply> queue = new ArrayDeque<>();
    private Reply always;

    /** Queues {@code replies}, each answering one request. */
    public synchronized Route then(Reply... replies) {
      for (Reply r : replies) {
        queue.add(r);
      }
      return this;
    }

    /** Queues {@code reply} {@code times} times. */
    public synchronized Route times(int times, Reply reply) {
      for (int i = 0; i < times; i++) {
        queue.add(reply);
      }
      return this;
    }

    /** The reply once the queue is empty. */
    public synchronized Route always(Reply reply) {
      this.always = reply;
      return this;
    }

    synchronized Reply next() {
      Reply r = queue.poll();
      return r != null ? r : always;
    }
  }

  /** Waits up to {@code millis} for {@code condition}; for tests that poll with a deadline. */
  public static boolean await(long millis, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }
}
