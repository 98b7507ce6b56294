package io.kubegen.runtime.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny HTTP server (the JDK's {@code com.sun.net.httpserver}) for a controller's probes:
 * {@code GET /healthz} and {@code /livez} answer 200 when the {@link ControllerHealth} is live,
 * {@code /readyz} 200 when it is ready, 503 otherwise; the body is the {@link HealthReport} as
 * JSON either way. Other paths are 404, other methods than GET and HEAD 405.
 *
 * <p>Threading: one daemon thread ({@code health-server}) answers requests, each of which runs a
 * {@link ControllerHealth#check()}; {@link #close()} stops it. AutoCloseable, idempotent close.
 */
public final class HealthServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final ControllerHealth health;

  private HealthServer(HttpServer server, ExecutorService executor, ControllerHealth health) {
    this.server = server;
    this.executor = executor;
    this.health = health;
  }

  /**
   * Starts serving {@code health} on {@code address} (port 0 picks a free one).
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static HealthServer start(InetSocketAddress address, ControllerHealth health) {
    Objects.requireNonNull(health, "health");
    HttpServer http;
    try {
      http = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on " + address + ": " + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "health-server");
      t.setDaemon(true);
      return t;
    });
    HealthServer server = new HealthServer(http, executor, health);
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  /** The address it listens on (with the real port). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code http://host:port} of this server. */
  public URI url() {
    InetSocketAddress a = address();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  /** Stops answering and ends the thread. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        reply(exchange, 405, "{\"error\":\"method not allowed\"}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/healthz", "/livez", "/readyz" -> {
          HealthReport report = health.check();
          boolean ok = path.equals("/readyz") ? report.ready() : report.live();
          reply(exchange, ok ? 200 : 503, Json.write(report));
        }
        default -> reply(exchange, 404, "{\"error\":\"not found; try /healthz, /livez or /readyz\"}");
      }
    } catch (RuntimeException e) {
      LOG.warn("health check failed: {}", e.toString());
      throw e;
    }
  }

  private static void reply(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
