package io.kubegen.runtime.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchStreamDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP client of the Kubernetes API, on the JDK's {@link HttpClient}: builds
 * {@link Request}s, throttles them with a token bucket (the config's QPS and burst), retries
 * them as client-go does, fails over between the config's servers, bounds how long a watch may
 * stay silent, and decodes answers with the shared Jackson mapper. The retry, failover and
 * watch-liveness rules are stated in the package documentation. A 401 makes the client refresh
 * the config's credentials and send the call once more.
 *
 * <p>Thread-safe: one client serves any number of threads; each {@link Request} belongs to the
 * thread that builds it. {@link #close()} stops the executor behind
 * {@link Request#executeAsync} and refuses new calls. The Authorization header never reaches a
 * log line or an exception message.
 */
public final class RestClient implements AutoCloseable {
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RestConfig config;
  private final HttpClient http;
  private final Exchanger exchanger;
  private final WatchTimeouts watchTimeouts;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RestClient(Builder b) {
    this.config = b.config;
    this.http = b.httpClient != null ? b.httpClient : newHttpClient(b.config);
    this.exchanger = b.exchanger(http, this::buildHttpRequest);
    this.watchTimeouts = b.watchTimeouts;
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

  /**
   * The server a new call goes to first: the randomly preferred one while it is healthy, else the
   * next healthy one (see the package documentation on failover).
   */
  public URI currentServer() {
    EndpointHealth endpoints = exchanger.endpoints();
    return endpoints.get(endpoints.first());
  }

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
    Exchanger.Answer<BodyBytes> answer = exchange(request, BodyBytes.handler(), callTimeout(request));
    HttpResponse<BodyBytes> response = answer.response();
    byte[] body = response.body().take();
    int code = response.statusCode();
    if (code < 200 || code > 299) {
      throw toApiException(code, body, describe(request, response.uri()) + answer.failuresBefore());
    }
    return decode(body, type, request, response);
  }

  @SuppressWarnings("unchecked")
  private static <T> T decode(byte[] body, JavaType type, Request request, HttpResponse<?> response) {
    URI uri = response.uri();
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
      // as client-go's Into: an empty answer where an object was expected is an error, never null
      throw new KubeClientException(describe(request, uri) + ": the server answered " + response.statusCode()
          + " with an empty body where a " + type.getRawClass().getSimpleName() + " was expected");
    }
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException e) {
      throw new KubeClientException(describe(request, uri) + ": cannot decode the answer as "
          + type.toCanonical() + ": " + e.getMessage(), e);
    }
  }

  <T> Watch<T> watch(Request request, JavaType type) {
    WatchLiveness liveness = WatchLiveness.start(watchTimeouts, parseSeconds(request.queryParam("timeoutSeconds")),
        "true".equals(request.queryParam("allowWatchBookmarks")), request.toString(), exchanger.ticker());
    // the headers must come within the call's timeout and within the liveness bounds
    Duration headerWait = Duration.ofNanos(Math.max(1, liveness.nanosLeft()));
    Duration timeout = callTimeout(request);
    Exchanger.Answer<InputStream> answer = exchange(request, HttpResponse.BodyHandlers.ofInputStream(),
        timeout == null || headerWait.compareTo(timeout) < 0 ? headerWait : timeout);
    HttpResponse<InputStream> response = answer.response();
    int code = response.statusCode();
    String context = describe(request, response.uri());
    if (code < 200 || code > 299) {
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_ERROR_BODY);
      } catch (IOException e) {
        body = new byte[0];
      }
      throw toApiException(code, body, context + answer.failuresBefore());
    }
    liveness.describedAs(context);
    return HttpWatch.start(response.body(), new WatchStreamDecoder<T>(type), context, liveness);
  }

  private static Integer parseSeconds(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
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
   * the final answer (2xx or not); see {@link Exchanger}.
   */
  private <R> Exchanger.Answer<R> exchange(Request request, HttpResponse.BodyHandler<R> handler, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("the RestClient is closed");
    }
    return exchanger.exchange(request, handler, timeout);
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

  /**
   * Builder of a {@link RestClient}; defaults: 11 attempts, 100 ms backoff doubling to 5 s, the
   * config's QPS and burst, a 10 s endpoint cool-down doubling to 5 min, {@link WatchTimeouts#DEFAULT}.
   */
  public static final class Builder {
    private final RestConfig config;
    private RateLimiter rateLimiter;
    private Backoff retryBackoff = new Backoff(Duration.ofMillis(100), 2.0, 0.2, 11, Duration.ofSeconds(5));
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Ticker ticker = Ticker.SYSTEM;
    private Random random = new Random();
    private HttpClient httpClient;
    private Duration endpointCooldown = Duration.ofSeconds(10);
    private Duration maxEndpointCooldown = Duration.ofMinutes(5);
    private WatchTimeouts watchTimeouts = WatchTimeouts.DEFAULT;

    private Builder(RestConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Replaces the token bucket built from the config's QPS and burst. */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /**
     * The most attempts a call makes ({@code steps}) and the backoff between rounds of attempts
     * (a round tries every endpoint not yet tried at most once, moving on without waiting).
     */
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

    /**
     * How long an endpoint that failed is avoided: {@code cooldown} after its first failure,
     * doubling with each failure in a row up to {@code max}.
     */
    public Builder endpointCooldown(Duration cooldown, Duration max) {
      if (cooldown.isNegative() || max.compareTo(cooldown) < 0) {
        throw new IllegalArgumentException("need 0 <= cooldown <= max, got " + cooldown + " and " + max);
      }
      this.endpointCooldown = cooldown;
      this.maxEndpointCooldown = max;
      return this;
    }

    /** The liveness bounds of watches. */
    public Builder watchTimeouts(WatchTimeouts timeouts) {
      this.watchTimeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** The clock of deadlines, endpoint cool-downs and watch liveness (tests drive it by hand). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    public RestClient build() { return new RestClient(this); }

    private Exchanger exchanger(HttpClient http, java.util.function.BiFunction<Request, URI, HttpRequest> requests) {
      RateLimiter limiter = rateLimiter != null ? rateLimiter : TokenBucketRateLimiter.forConfig(config.qps(), config.burst());
      EndpointHealth endpoints = new EndpointHealth(config.servers(), random, endpointCooldown, maxEndpointCooldown, ticker);
      Exchanger.Credentials credentials = new Exchanger.Credentials() {
        @Override
        public boolean present(URI server) {
          Optional<String> header = config.authorizationHeader(server);
          return header != null && header.isPresent();
        }

        @Override
        public void refresh() {
          config.refreshCredentials();
        }
      };
      return new Exchanger(http, endpoints, limiter, new RetryPolicy(retryBackoff), sleeper, ticker,
          Chaos.of(config.chaosProbability(), config.chaosSeed()), credentials, requests);
    }
  }
}
