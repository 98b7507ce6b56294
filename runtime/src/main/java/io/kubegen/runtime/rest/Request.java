package io.kubegen.runtime.rest;

import com.fasterxml.jackson.databind.JavaType;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.QueryOptions;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.watch.Watch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One call to the API server, built fluently and then executed:
 * {@code client.get().resource(gvr).namespace("default").name("x").execute(Foo.class)}.
 *
 * <p>The URL is {@code <server><apiPath>[/namespaces/<ns>]/<resource>[/<name>[/<subresource>]]}
 * or, with {@link #path(String)}, a raw path such as {@code /version}. A request is built and run
 * by one thread; do not share one between threads. Executing it more than once sends it again.
 */
public final class Request {
  private final RestClient client;
  private final String verb;
  private final PatchType patchType;
  private String apiPath;
  private String resource;
  private String namespace;
  private String name;
  private String subresource;
  private String path;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Object body;
  private Duration timeout;

  Request(RestClient client, String verb, PatchType patchType) {
    this.client = client;
    this.verb = verb;
    this.patchType = patchType;
  }

  /** Sets the API path ({@code /api/v1} or {@code /apis/<group>/<version>}) and the resource of {@code gvr}. */
  public Request resource(GroupVersionResource gvr) {
    Objects.requireNonNull(gvr, "gvr");
    this.apiPath = gvr.apiPath();
    return resource(gvr.resource());
  }

  /** The API path, {@code /api/v1} or {@code /apis/<group>/<version>}. */
  public Request apiPath(String apiPath) {
    if (apiPath == null || !apiPath.startsWith("/")) {
      throw new IllegalArgumentException("apiPath must start with '/': " + apiPath);
    }
    this.apiPath = stripTrailingSlash(apiPath);
    return this;
  }

  /** The resource (lower-case plural such as {@code configmaps}). */
  public Request resource(String plural) {
    this.resource = segment("resource", plural);
    return this;
  }

  /** The namespace; null or "" for cluster-scoped resources and calls across all namespaces. */
  public Request namespace(String namespace) {
    this.namespace = namespace == null || namespace.isEmpty() ? null : segment("namespace", namespace);
    return this;
  }

  /** The object name. */
  public Request name(String name) {
    this.name = segment("name", name);
    return this;
  }

  /** The subresource, such as {@code status} or {@code scale}; needs a name. */
  public Request subresource(String subresource) {
    this.subresource = segment("subresource", subresource);
    return this;
  }

  /** A raw absolute path such as {@code /version} or {@code /apis}, used instead of the resource parts. */
  public Request path(String absolutePath) {
    if (absolutePath == null || !absolutePath.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + absolutePath);
    }
    this.path = absolutePath;
    return this;
  }

  /** A query parameter; a null value removes it. */
  public Request param(String name, String value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return this;
  }

  /** All the query parameters {@code options} stand for; null adds none. */
  public Request options(QueryOptions options) {
    if (options != null) {
      options.toQueryParameters().forEach(this::param);
    }
    return this;
  }

  /** An extra request header. {@code Authorization} is set from the config and cannot be set here. */
  public Request header(String name, String value) {
    if ("authorization".equalsIgnoreCase(name)) {
      throw new IllegalArgumentException("the Authorization header comes from the RestConfig");
    }
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** The body: a {@code String} or {@code byte[]} is sent as it is, anything else as JSON. */
  public Request body(Object body) {
    this.body = body;
    return this;
  }

  /**
   * The longest the whole call may take: the wait for the rate limiter, every attempt and the
   * waits between them; null or zero means the config's request timeout. For {@link #watch} it
   * bounds only the wait for the response headers (the stream's own bounds are
   * {@link WatchTimeouts}).
   */
  public Request timeout(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    this.timeout = timeout == null || timeout.isZero() ? null : timeout;
    return this;
  }

  /** Sends the call and decodes the body as {@code type}; {@code String} and {@code byte[]} get it raw, {@code Void} null. */
  public <T> T execute(Class<T> type) {
    return client.execute(this, Json.mapper().constructType(Objects.requireNonNull(type, "type")));
  }

  /** Sends the call and decodes the body as {@code type} (for generic types). */
  public <T> T execute(JavaType type) {
    return client.execute(this, Objects.requireNonNull(type, "type"));
  }

  /** Sends the call and ignores the body. */
  public void execute() {
    client.execute(this, Json.mapper().constructType(Void.class));
  }

  /** Sends the call and decodes the body as a list of {@code itemType}. */
  public <T> ObjectList<T> executeList(Class<T> itemType) {
    return client.execute(this, Json.mapper().getTypeFactory().constructParametricType(ObjectList.class, itemType));
  }

  /**
   * Starts a watch ({@code watch=true}) and returns the stream of events once the server has
   * answered 200; a non-2xx answer is thrown as {@link KubeApiException}.
   */
  public <T> Watch<T> watch(Class<T> type) {
    param("watch", "true");
    return client.watch(this, Json.mapper().constructType(Objects.requireNonNull(type, "type")));
  }

  /**
   * Sends the call on the client's executor. {@code cancel(true)} on the returned future aborts
   * the exchange and releases its connection (futures derived with {@code thenApply} and the
   * like do not pass cancellation back).
   */
  public <T> CompletableFuture<T> executeAsync(Class<T> type) {
    JavaType javaType = Json.mapper().constructType(Objects.requireNonNull(type, "type"));
    return client.executeAsync(() -> client.execute(this, javaType));
  }

  String verb() { return verb; }

  PatchType patchType() { return patchType; }

  Object body() { return body; }

  Map<String, String> headers() { return headers; }

  Duration timeout() { return timeout; }

  /** The query parameter {@code name}, or null. */
  String queryParam(String name) { return params.get(name); }

  /** The path and query, starting with '/', without the server part. */
  String pathAndQuery() {
    StringBuilder b = new StringBuilder();
    if (path != null) {
      b.append(path);
    } else {
      if (apiPath == null) {
        throw new IllegalStateException("the request has neither a path nor an apiPath");
      }
      if (resource == null) {
        throw new IllegalStateException("the request has neither a path nor a resource");
      }
      if (subresource != null && name == null) {
        throw new IllegalStateException("subresource " + subresource + " needs a name");
      }
      b.append(apiPath);
      if (namespace != null) {
        b.append("/namespaces/").append(encodePath(namespace));
      }
      b.append('/').append(encodePath(resource));
      if (name != null) {
        b.append('/').append(encodePath(name));
      }
      if (subresource != null) {
        b.append('/').append(encodePath(subresource));
      }
    }
    char sep = b.indexOf("?") >= 0 ? '&' : '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      b.append(sep).append(encodeQuery(p.getKey())).append('=').append(encodeQuery(p.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  private static String segment(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " may not be empty");
    }
    if (value.equals(".") || value.equals("..") || value.contains("/") || value.contains("%")) {
      throw new IllegalArgumentException(what + " may not be '.' or '..' or contain '/' or '%': " + value);
    }
    return value;
  }

  private static String encodePath(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodeQuery(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String stripTrailingSlash(String s) {
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    String target;
    try {
      target = pathAndQuery();
    } catch (IllegalStateException e) {
      target = "(incomplete: " + e.getMessage() + ")";
    }
    return verb + " " + io.kubegen.runtime.config.Redaction.request(target);
  }
}
