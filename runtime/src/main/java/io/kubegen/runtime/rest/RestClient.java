package io.kubegen.runtime.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchException;
import io.kubegen.runtime.watch.WatchStreamDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client of the Kubernetes API, on the JDK's {@link HttpClient}: builds
 * {@link Request}s, throttles them with a token bucket (the config's QPS and burst), retries
 * them with exponential backoff, fails over between the config's servers, and decodes answers
 * with the shared Jackson mapper.
 *
 * <p>Retries: GET and HEAD are retried on connection errors, 429 and 5xx (except 501 and 505);
 * any call is retried when the connection was refused before anything was sent, and on 429 with
 * {@code Retry-After} (the server did not run it). {@code Retry-After} (seconds or an HTTP date)
 * sets the wait; otherwise the backoff does. A 401 makes the client refresh the config's
 * credentials and send the call once more.
 *
 * <p>Thread-safe: one client serves any number of threads; each {@link Request} belongs to the
 * thread that builds it. {@link #close()} stops the executor behind
 * {@link Request#executeAsync} and refuses new calls. The Authorization header never reaches a
 * log line or an exception message.
 */
public final class RestClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RestConfig config;
  private final HttpClient http;
  private final Endpoints endpoints;
  private final RateLimiter rateLimiter;
  private final Backoff retryBackoff;
  private final Sleeper sleeper;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RestClient(Builder b) {
    this.config = b.config;
    this.endpoints = new Endpoints(b.config.servers(), b.random);
    this.rateLimiter = b.rateLimiter != null ? b.rateLimiter
        : TokenBucketRateLimiter.forConfig(b.config.qps(), b.config.burst());
    this.retryBackoff = b.retryBackoff;
    this.sleeper = b.sleeper;
    this.http = b.httpClient != null ? b.httpClient : newHttpClient(b.config);
    this.executor = Executors.newCachedThreadPool(daemonThreads("kubegen-rest-async-"));
  }

  /** A client for {@code config} with the default retry policy. */
  public static RestClient create(RestConfig config) {
    return builder(config).build();
  }

  /** A builder for a client of {@code config}, to change the retry policy or the rate limiter. */
  public static Builder builder(RestConfig config) {
    return new Builder(config);
  }

  private static HttpClient newHttpClient(RestConfig config) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    Duration connect = config.connectTimeout();
    if (connect != null && !connect.isZero() && !connect.isNegative()) {
      b.connectTimeout(connect);
    }
    if (config.sslContext() != null) {
      b.sslContext(config.sslContext());
    }
    ConfigTransport.configure(config, b);
    return b.build();
  }

  /** The config this client was made from. */
  public RestConfig config() { return config; }

  /** The server calls go to now (the last one that answered, or the random first choice). */
  public URI currentServer() { return endpoints.get(endpoints.currentIndex()); }

  /** A GET request. */
  public Request get() { return new Request(this, "GET", null); }

  /** A POST request. */
  public Request post() { return new Request(this, "POST", null); }

  /** A PUT request. */
  public Request put() { return new Request(this, "PUT", null); }

  /** A DELETE request. */
  public Request delete() { return new Request(this, "DELETE", null); }

  /** A PATCH request of {@code type}, which sets the Content-Type. */
  public Request patch(PatchType type) { return new Request(this, "PATCH", Objects.requireNonNull(type, "type")); }

  /** A request with any verb, such as HEAD. */
  public Request verb(String verb) {
    return new Request(this, Objects.requireNonNull(verb, "verb").toUpperCase(java.util.Locale.ROOT), null);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      executor.shutdownNow();
    }
  }

  // ---- execution --------------------------------------------------------------------------

  <T> T execute(Request request, JavaType type) {
    HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), callTimeout(request));
    byte[] body = response.body();
    int code = response.statusCode();
    if (code < 200 || code > 299) {
      throw toApiException(code, body, describe(request, response.uri()));
    }
    return decode(body, type, request, response.uri());
  }

  @SuppressWarnings("unchecked")
  private static <T> T decode(byte[] body, JavaType type, Request request, URI uri) {
    Class<?> raw = type.getRawClass();
    if (raw == Void.class || raw == void.class) {
      return null;
    }
    if (raw == byte[].class) {
      return (T) body;
    }
    if (raw == String.class) {
      return (T) new String(body, StandardCharsets.UTF_8);
    }
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException e) {
      throw new KubeClientException(describe(request, uri) + ": cannot decode the answer as "
          + type.toCanonical() + ": " + e.getMessage(), e);
    }
  }

  <T> Watch<T> watch(Request request, JavaType type) {
    HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream(), callTimeout(request));
    int code = response.statusCode();
    String context = describe(request, response.uri());
    if (code < 200 || code > 299) {
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_ERROR_BODY);
      } catch (IOException e) {
        body = new byte[0];
      }
      throw toApiException(code, body, context);
    }
    return HttpWatch.start(response.body(), new WatchStreamDecoder<T>(type), context);
  }

  <T> CompletableFuture<T> executeAsync(Supplier<T> call) {
    CallFuture<T> future = new CallFuture<>();
    try {
      Future<?> task = executor.submit(() -> {
        try {
          future.complete(call.get());
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
      future.task = task;
      if (future.isCancelled()) {
        task.cancel(true);
      }
    } catch (java.util.concurrent.RejectedExecutionException e) {
      future.completeExceptionally(new IllegalStateException("the RestClient is closed", e));
    }
    return future;
  }

  private Duration callTimeout(Request request) {
    if (request.timeout() != null) {
      return request.timeout();
    }
    Duration t = config.requestTimeout();
    return t == null || t.isZero() || t.isNegative() ? null : t;
  }

  /**
   * Sends {@code request} with rate limiting, retries, failover and the 401 refresh, and returns
   * the final response (2xx or not). Connection-level failures that cannot be retried any more
   * are thrown as {@link KubeClientException}.
   */
  private <R> HttpResponse<R> exchange(Request request, HttpResponse.BodyHandler<R> handler, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("the RestClient is closed");
    }
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    int retries = 0;
    int waits = 0;
    int failedOver = 0;
    boolean refreshed = false;
    while (true) {
      try {
        rateLimiter.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KubeClientException(request + ": interrupted while waiting for the rate limiter", e);
      }
      int index = endpoints.currentIndex();
      URI server = endpoints.get(index);
      HttpRequest httpRequest = buildHttpRequest(request, server);
      String context = describe(request, httpRequest.uri());
      HttpResponse<R> response;
      try {
        response = send(httpRequest, handler, deadline, context);
      } catch (IOException e) {
        if (isTlsFailure(e)) {
          // a certificate problem does not go away by asking again
          throw new KubeClientException(context + ": TLS handshake failed: " + rootMessage(e), e);
        }
        boolean notSent = isConnectFailure(e);
        endpoints.markFailed(index);
        boolean more = retries < retryBackoff.steps() - 1;
        if (more && (notSent || request.isSafe())) {
          retries++;
          // Another endpoint that has not failed during this call is tried at once.
          boolean freshEndpoint = endpoints.size() > 1 && ++failedOver < endpoints.size();
          Duration wait = freshEndpoint ? Duration.ZERO : retryBackoff.jitteredDelayBeforeRetry(waits++);
          LOG.warn("{}: connection failed ({}); retry {} of {} in {} ms", context, e.toString(), retries,
              retryBackoff.steps() - 1, wait.toMillis());
          pause(wait, deadline, context);
          continue;
        }
        throw new KubeClientException(context + ": " + describeFailure(e) + (retries > 0 ? " (after " + retries + " retries)" : ""), e);
      }
      failedOver = 0;
      int code = response.statusCode();
      if (code == 401 && !refreshed && hasCredentials(server)) {
        refreshed = true;
        discard(response);
        LOG.info("{}: 401 Unauthorized; refreshing credentials and retrying once", context);
        config.refreshCredentials();
        continue;
      }
      if (isRetriableStatus(request, response) && retries < retryBackoff.steps() - 1) {
        Duration backoff = retryBackoff.jitteredDelayBeforeRetry(waits++);
        retries++;
        Duration wait = retryAfter(response).orElse(backoff);
        LOG.warn("{}: server answered {}; retry {} of {} in {} ms", context, code, retries,
            retryBackoff.steps() - 1, wait.toMillis());
        discard(response);
        pause(wait, deadline, context);
        continue;
      }
      LOG.debug("{}: {}", context, code);
      return response;
    }
  }

  private boolean hasCredentials(URI server) {
    Optional<String> header = config.authorizationHeader(server);
    return header != null && header.isPresent();
  }

  private static boolean isRetriableStatus(Request request, HttpResponse<?> response) {
    int code = response.statusCode();
    if (code == 429 && response.headers().firstValue("Retry-After").isPresent()) {
      return true;
    }
    return request.isSafe() && (code == 429 || (code >= 500 && code != 501 && code != 505));
  }

  /** The wait a {@code Retry-After} header asks for, in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(RestClient::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 3600)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }

  private void pause(Duration wait, long deadline, String context) {
    if (deadline != Long.MAX_VALUE && System.nanoTime() + wait.toNanos() > deadline) {
      throw new KubeClientException(context + ": timed out; the next retry would come after the call's deadline");
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubeClientException(context + ": interrupted while waiting to retry", e);
    }
  }

  private <R> HttpResponse<R> send(HttpRequest request, HttpResponse.BodyHandler<R> handler, long deadline,
      String context) throws IOException {
    CompletableFuture<HttpResponse<R>> future = http.sendAsync(request, handler);
    try {
      if (deadline == Long.MAX_VALUE) {
        return future.get();
      }
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new KubeClientException(context + ": timed out", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new KubeClientException(context + ": interrupted", e);
    } catch (CancellationException e) {
      throw new KubeClientException(context + ": cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new KubeClientException(context + ": " + cause, cause);
    }
  }

  /** Whether {@code e} says the connection was never made, so nothing of the call was sent. */
  static boolean isConnectFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
          || t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  static boolean isTlsFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String describeFailure(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
    }
    return "connection failed: " + message;
  }

  private HttpRequest buildHttpRequest(Request request, URI server) {
    URI uri = resolve(server, request.pathAndQuery());
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .header("Accept", "application/json")
        .header("User-Agent", config.userAgent() == null ? "kubegen" : config.userAgent());
    ConfigTransport.addHeaders(config, server, uri, request.headers(), b);
    request.headers().forEach(b::setHeader);
    Object body = request.body();
    HttpRequest.BodyPublisher publisher;
    if (body == null) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else {
      byte[] bytes = body instanceof byte[] raw ? raw
          : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
          : Json.write(body).getBytes(StandardCharsets.UTF_8);
      publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
      if (!request.headers().containsKey("Content-Type")) {
        b.header("Content-Type", request.patchType() != null ? request.patchType().contentType() : "application/json");
      }
    }
    if (body == null && request.patchType() != null) {
      b.header("Content-Type", request.patchType().contentType());
    }
    return b.method(request.verb(), publisher).build();
  }

  /** {@code server} (which may carry a path prefix) joined with {@code pathAndQuery}. */
  static URI resolve(URI server, String pathAndQuery) {
    String base = server.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + pathAndQuery);
  }

  /** Verb and URL without user info or query values, for messages and logs. */
  static String describe(Request request, URI uri) {
    return ConfigTransport.describe(request.verb(), uri);
  }

  private static KubeApiException toApiException(int code, byte[] body, String context) {
    if (body != null && body.length > 0) {
      try {
        JsonNode node = Json.mapper().readTree(body);
        if (node != null && node.isObject() && "Status".equals(node.path("kind").asText())) {
          Status status = Json.mapper().treeToValue(node, Status.class);
          if (status.getCode() == 0) {
            status.setCode(code);
          }
          return new KubeApiException(code, status, context);
        }
      } catch (IOException | IllegalArgumentException notJson) {
        // fall through: the raw body becomes the message
      }
    }
    return KubeApiException.fromRawBody(code, body == null ? "" : new String(body, StandardCharsets.UTF_8), context);
  }

  private static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the connection is dropped either way
      }
    }
  }

  static ThreadFactory daemonThreads(String prefix) {
    return r -> {
      Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A future whose {@code cancel} interrupts the call behind it, which aborts the exchange. */
  private static final class CallFuture<T> extends CompletableFuture<T> {
    volatile Future<?> task;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Future<?> t = task;
      if (t != null) {
        t.cancel(true);
      }
      return cancelled;
    }
  }

  /** Builder of a {@link RestClient}; defaults: 10 retries, 100 ms backoff doubling to 5 s, the config's QPS and burst. */
  public static final class Builder {
    private final RestConfig config;
    private RateLimiter rateLimiter;
    private Backoff retryBackoff = new Backoff(Duration.ofMillis(100), 2.0, 0.2, 11, Duration.ofSeconds(5));
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Random random = new Random();
    private HttpClient httpClient;

    private Builder(RestConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Replaces the token bucket built from the config's QPS and burst. */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** The backoff between retries; its {@code steps} is the number of attempts, so steps - 1 retries. */
    public Builder retryBackoff(Backoff backoff) {
      this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** How retry waits are spent (tests record them instead of waiting). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The source of the random first endpoint. */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Uses this JDK client instead of one built from the config's TLS, proxy and connect timeout. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    public RestClient build() { return new RestClient(this); }
  }
}
