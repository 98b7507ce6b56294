package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.apiserver.storage.InMemoryStorage;
import io.kubegen.apiserver.storage.ListPage;
import io.kubegen.apiserver.storage.Storage;
import io.kubegen.apiserver.storage.StorageException;
import io.kubegen.apiserver.storage.StoredObject;
import io.kubegen.runtime.api.FieldSelector;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.json.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the embedded server: authentication, routing of the Kubernetes REST paths,
 * request parsing and response writing. Plain requests run on Undertow's worker threads;
 * watches run on their own executor because they stay open.
 *
 * <p>Thread-safe; holds no per-request state.
 */
public final class ApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final String JSON = "application/json";
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
  private static final byte[] LIST_ITEMS = ",\"items\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LIST_END = "]}".getBytes(StandardCharsets.UTF_8);
  /** What a 503 asks clients to wait when the storage cannot be reached. */
  private static final String RETRY_AFTER_SECONDS = "1";
  private static final HttpString WARNING = new HttpString("Warning");

  private final ResourceRegistry registry;
  private final Storage storage;
  private final ResourceOperations ops;
  private final Discovery discovery;
  private final OpenApi openApi;
  private final byte[] token;
  private final Executor watchExecutor;
  private final Supplier<String> serverAddress;
  private final long bookmarkIntervalNanos;
  private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

  private final Set<WatchSession> watches = ConcurrentHashMap.newKeySet();
  private final boolean inlineSafe;

  /**
   * A handler over {@code storage} for the resources in {@code registry}; {@code bearerToken}
   * null means no authentication.
   */
  public ApiHandler(ResourceRegistry registry, Storage storage, ResourceOperations ops, String bearerToken,
      Executor watchExecutor, Supplier<String> serverAddress, long bookmarkIntervalMillis) {
    this.registry = registry;
    this.storage = storage;
    this.ops = ops;
    this.discovery = new Discovery(registry);
    this.openApi = new OpenApi(registry);
    this.token = bearerToken == null ? null : ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
    this.watchExecutor = watchExecutor;
    this.serverAddress = serverAddress;
    this.bookmarkIntervalNanos = TimeUnit.MILLISECONDS.toNanos(bookmarkIntervalMillis);
    // Only the in-memory storage is known never to block, so only then is work done on IO threads.
    this.inlineSafe = storage instanceof InMemoryStorage;
  }

  /** Ends every open watch. */
  public void cancelWatches() { watches.forEach(WatchSession::cancel); }

  /**
   * Routes a request to the thread that should serve it. Watches get their own thread; lists,
   * collection deletes and deletes with cascades stream or take long, so they go to a worker;
   * everything else is short CPU work on small bodies, served right on the IO thread once the
   * body has arrived, which saves two thread hand-offs per request.
   */
  @Override
  public void handleRequest(HttpServerExchange ex) {
    if (!ex.isInIoThread()) {
      serve(ex);
    } else if (isWatch(ex)) {
      ex.dispatch(watchExecutor, () -> serve(ex));
    } else if (!inlineSafe || needsWorker(ex)) {
      ex.dispatch(this);
    } else {
      ex.getRequestReceiver().receiveFullBytes((exchange, bytes) -> {
        exchange.putAttachment(BODY, bytes);
        serve(exchange);
      }, (exchange, error) -> {
        LOG.debug("cannot read the body of {} {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(), error.toString());
        exchange.endExchange();
      });
    }
  }

  private static boolean needsWorker(HttpServerExchange ex) {
    String method = ex.getRequestMethod().toString();
    if (method.equals("GET")) {
      // A list: the last segment is a plural, not a name; cheap to tell by the segment count.
      return isCollectionPath(ex.getRequestPath());
    }
    return method.equals("DELETE") && (isCollectionPath(ex.getRequestPath())
        || ex.getRequestPath().startsWith("/api/v1/namespaces/") && segments(ex.getRequestPath()) == 4
        || ex.getRequestPath().startsWith("/apis/apiextensions.k8s.io/"));
  }

  private static int segments(String path) {
    int n = 0;
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        n++;
      }
    }
    return n;
  }

  /** Whether a path names a collection: {@code /api/v1/<plural>}, {@code /api/v1/namespaces/<ns>/<plural>}, ... */
  private static boolean isCollectionPath(String path) {
    int n = segments(path);
    boolean core = path.startsWith("/api/");
    boolean namespaced = path.contains("/namespaces/") && !(core ? n <= 4 : n <= 5);
    int base = core ? 2 : 3;
    return n <= base + 1 || (namespaced && n == base + 3) || (!namespaced && n == base + 1);
  }

  private static boolean isWatch(HttpServerExchange ex) {
    String w = param(ex, "watch");
    return ex.getRequestMethod().equalToString("GET") && ("true".equals(w) || "1".equals(w));
  }

  private void serve(HttpServerExchange ex) {
    if (!ex.isInIoThread()) {
      ex.startBlocking();
    }
    try {
      if (token != null && !authorized(ex)) {
        throw ApiException.unauthorized();
      }
      route(ex);
    } catch (ApiException e) {
      sendStatus(ex, e);
    } catch (StorageException e) {
      if (e.reason() != StorageException.Reason.UNAVAILABLE) {
        LOG.error("{} {} failed", ex.getRequestMethod(), ex.getRequestPath(), e);
        sendStatus(ex, ApiException.of(500, "InternalError", "internal error: " + e.getMessage()));
      } else {
        LOG.warn("{} {}: storage unavailable: {}", ex.getRequestMethod(), ex.getRequestPath(), e.getMessage());
        if (!ex.isResponseStarted()) {
          ex.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        sendStatus(ex, ApiException.of(503, "ServiceUnavailable", "storage unavailable, try again: " + e.getMessage()));
      }
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", ex.getRequestMethod(), ex.getRequestPath(), e);
      sendStatus(ex, ApiException.of(500, "InternalError", "internal error: " + e));
    } catch (IOException e) {
      LOG.debug("{} {}: client went away: {}", ex.getRequestMethod(), ex.getRequestPath(), e.toString());
    } finally {
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {}{} -> {}", ex.getRequestMethod(), ex.getRequestPath(),
            ex.getQueryString().isEmpty() ? "" : "?" + ex.getQueryString(), ex.getStatusCode());
      }
      if (!ex.isResponseStarted() || ex.isBlocking()) {
        ex.endExchange();
      }
    }
  }

  /** The request body: received up front on the IO thread, or read now on a worker. */
  private static byte[] readBody(HttpServerExchange ex) throws IOException {
    byte[] body = ex.getAttachment(BODY);
    return body != null ? body : ex.getInputStream().readAllBytes();
  }

  private boolean authorized(HttpServerExchange ex) {
    String header = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    return header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8));
  }

  private void route(HttpServerExchange ex) throws IOException {
    String path = ex.getRequestPath();
    List<String> seg = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        seg.add(s);
      }
    }
    boolean get = ex.getRequestMethod().equalToString("GET");
    if (seg.isEmpty()) {
      ObjectNode paths = JsonNodeFactory.instance.objectNode();
      ArrayNode list = paths.putArray("paths");
      List.of("/api", "/api/v1", "/apis", "/openapi/v3", "/version", "/healthz", "/livez", "/readyz").forEach(list::add);
      sendJson(ex, 200, paths);
      return;
    }
    String first = seg.get(0);
    if (get && seg.size() == 1 && first.equals("version")) {
      sendJson(ex, 200, Discovery.version());
    } else if (get && (first.equals("healthz") || first.equals("livez") || first.equals("readyz"))) {
      ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      ex.getResponseSender().send("ok");
    } else if (get && first.equals("openapi")) {
      serveOpenApi(ex, seg);
    } else if (first.equals("api")) {
      if (seg.size() == 1 && get && Discovery.wantsAggregated(ex.getRequestHeaders().getFirst(Headers.ACCEPT))) {
        sendAggregated(ex, true);
      } else if (seg.size() == 1 && get) {
        sendJson(ex, 200, discovery.coreVersions(serverAddress.get()));
      } else if (seg.size() == 2 && get) {
        sendJson(ex, 200, require(discovery.resources("", seg.get(1))));
      } else if (seg.size() > 2) {
        resource(ex, "", seg.get(1), seg.subList(2, seg.size()));
      } else {
        throw ApiException.noSuchPath();
      }
    } else if (first.equals("apis")) {
      if (seg.size() == 1 && get && Discovery.wantsAggregated(ex.getRequestHeaders().getFirst(Headers.ACCEPT))) {
        sendAggregated(ex, false);
      } else if (seg.size() == 1 && get) {
        sendJson(ex, 200, discovery.groupList());
      } else if (seg.size() == 2 && get) {
        sendJson(ex, 200, require(discovery.group(seg.get(1))));
      } else if (seg.size() == 3 && get) {
        sendJson(ex, 200, require(discovery.resources(seg.get(1), seg.get(2))));
      } else if (seg.size() > 3) {
        resource(ex, seg.get(1), seg.get(2), seg.subList(3, seg.size()));
      } else {
        throw ApiException.noSuchPath();
      }
    } else {
      throw ApiException.noSuchPath();
    }
  }

  private void sendAggregated(HttpServerExchange ex, boolean core) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(discovery.aggregated(core));
    ex.setStatusCode(200);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, Discovery.AGGREGATED_V2);
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    ex.getResponseSender().send(ByteBuffer.wrap(bytes));
  }

  private static ObjectNode require(ObjectNode doc) {
    if (doc == null) {
      throw ApiException.noSuchPath();
    }
    return doc;
  }

  private void serveOpenApi(HttpServerExchange ex, List<String> seg) throws IOException {
    if (seg.size() == 2 && seg.get(1).equals("v2")) {
      String accept = String.valueOf(ex.getRequestHeaders().getFirst(Headers.ACCEPT));
      if (accept.contains("protobuf")) {
        byte[] bytes = OpenApi.v2Protobuf();
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, OpenApi.V2_PROTOBUF);
        ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        ex.getResponseSender().send(ByteBuffer.wrap(bytes));
      } else {
        sendJson(ex, 200, OpenApi.v2());
      }
    } else if (seg.size() == 2 && seg.get(1).equals("v3")) {
      sendJson(ex, 200, openApi.index());
    } else if (seg.size() == 4 && seg.get(1).equals("v3") && seg.get(2).equals("api")) {
      sendJson(ex, 200, require(openApi.groupVersion("", seg.get(3))));
    } else if (seg.size() == 5 && seg.get(1).equals("v3") && seg.get(2).equals("apis")) {
      sendJson(ex, 200, require(openApi.groupVersion(seg.get(3), seg.get(4))));
    } else {
      throw ApiException.noSuchPath();
    }
  }

  /** {@code rest}: {@code [namespaces/<ns>/]<plural>[/<name>[/<subresource>]]}. */
  private void resource(HttpServerExchange ex, String group, String version, List<String> rest) throws IOException {
    String namespace = null;
    List<String> r = rest;
    if (r.size() >= 3 && r.get(0).equals("namespaces") && !(r.size() == 3 && NAMESPACE_SUBRESOURCES.contains(r.get(2)))) {
      namespace = r.get(1);
      r = r.subList(2, r.size());
    }
    if (r.size() > 3) {
      throw ApiException.noSuchPath();
    }
    ResourceDefinition def = registry.find(group, version, r.get(0));
    if (def == null || (namespace != null && !def.namespaced())) {
      throw ApiException.noSuchPath();
    }
    String name = r.size() > 1 ? r.get(1) : null;
    String sub = r.size() > 2 ? r.get(2) : null;
    if (sub != null && !(sub.equals("status") && def.hasStatusSubresource())) {
      throw ApiException.noSuchPath();
    }
    if (def.namespaced() && namespace == null && (name != null || !isRead(ex))) {
      throw ApiException.noSuchPath();
    }
    boolean dryRun = dryRun(ex);
    String method = ex.getRequestMethod().toString();
    boolean statusOnly = sub != null;
    if (name == null) {
      switch (method) {
        case "GET" -> {
          if (isWatch(ex)) {
            watch(ex, def, namespace);
          } else {
            list(ex, def, namespace);
          }
        }
        case "POST" -> {
          UnknownFields unknown = UnknownFields.of(param(ex, "fieldValidation"));
          sendWritten(ex, 201, ops.create(def, namespace, body(ex), dryRun, unknown), unknown);
        }
        case "DELETE" -> deleteCollection(ex, def, namespace, dryRun);
        default -> throw ApiException.methodNotAllowed(method);
      }
      return;
    }
    switch (method) {
      case "GET" -> sendObject(ex, 200, ops.get(def, namespace, name));
      case "PUT" -> {
        UnknownFields unknown = UnknownFields.of(param(ex, "fieldValidation"));
        sendWritten(ex, 200, ops.update(def, namespace, name, body(ex), statusOnly, dryRun, unknown), unknown);
      }
      case "PATCH" -> patch(ex, def, namespace, name, statusOnly, dryRun);
      case "DELETE" -> delete(ex, def, namespace, name, dryRun);
      default -> throw ApiException.methodNotAllowed(method);
    }
  }

  /** Whether the query asks for a dry run: {@code dryRun=All}; any other value is 400, as kube-apiserver answers. */
  private static boolean dryRun(HttpServerExchange ex) {
    Deque<String> values = ex.getQueryParameters().get("dryRun");
    if (values == null || values.isEmpty()) {
      return false;
    }
    for (String v : values) {
      if (!"All".equals(v)) {
        throw ApiException.badRequest("dryRun: Unsupported value: \"" + v + "\": supported values: \"All\"");
      }
    }
    return true;
  }

  /** Whether a DeleteOptions body asks for a dry run ({@code "dryRun": ["All"]}); other values are 400. */
  private static boolean dryRunOption(JsonNode options) {
    JsonNode dry = options.get("dryRun");
    if (dry == null || dry.isNull() || dry.isArray() && dry.isEmpty()) {
      return false;
    }
    if (!dry.isArray()) {
      throw ApiException.badRequest("dryRun must be a list of strings");
    }
    for (JsonNode v : dry) {
      if (!"All".equals(v.asText())) {
        throw ApiException.badRequest("dryRun: Unsupported value: \"" + v.asText() + "\": supported values: \"All\"");
      }
    }
    return true;
  }

  private static boolean isRead(HttpServerExchange ex) {
    return ex.getRequestMethod().equalToString("GET");
  }

  private void patch(HttpServerExchange ex, ResourceDefinition def, String namespace, String name, boolean statusOnly,
      boolean dryRun) throws IOException {
    String contentType = String.valueOf(ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    String type = contentType.split(";")[0].trim();
    byte[] bytes = readBody(ex);
    boolean builtIn = BuiltInResources.all().contains(def);
    UnknownFields unknown = UnknownFields.of(param(ex, "fieldValidation"));
    StoredObject result;
    switch (type) {
      case "application/json-patch+json" -> {
        JsonNode patch = parse(bytes, false);
        result = ops.change(def, namespace, name, o -> object(Patches.jsonPatch(o, patch)), statusOnly, dryRun, unknown);
      }
      case "application/merge-patch+json" -> {
        JsonNode patch = parse(bytes, false);
        result = ops.change(def, namespace, name, o -> object(Patches.mergePatch(o, patch)), statusOnly, dryRun, unknown);
      }
      case "application/strategic-merge-patch+json" -> {
        JsonNode patch = parse(bytes, false);
        result = ops.change(def, namespace, name,
            o -> object(builtIn ? Patches.strategicMerge(o, patch) : Patches.mergePatch(o, patch)), statusOnly, dryRun,
            unknown);
      }
      case "application/apply-patch+yaml", "application/apply-patch+json" -> {
        if (param(ex, "fieldManager") == null) {
          throw ApiException.badRequest("PATCH with application/apply-patch+yaml requires the fieldManager parameter");
        }
        ObjectNode applied = object(parse(bytes, true));
        result = apply(def, namespace, name, applied, builtIn, statusOnly, dryRun, unknown);
      }
      default -> throw ApiException.unsupportedMediaType(contentType);
    }
    sendWritten(ex, 200, result, unknown);
  }

  /** Server-side apply, simplified: create when absent, else merge the applied configuration in. */
  private StoredObject apply(ResourceDefinition def, String namespace, String name, ObjectNode applied, boolean builtIn,
      boolean statusOnly, boolean dryRun, UnknownFields unknown) {
    String appliedName = Meta.name(applied);
    if (appliedName != null && !appliedName.equals(name)) {
      throw ApiException.badRequest("the name of the object (" + appliedName + ") does not match the name on the URL ("
          + name + ")");
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      if (storage.get(ResourceOperations.storageKey(def), def.namespaced() ? namespace : null, name) == null && !statusOnly) {
        ObjectNode fresh = applied.deepCopy();
        fresh.withObjectProperty("metadata").put("name", name);
        try {
          return ops.create(def, namespace, fresh, dryRun, unknown);
        } catch (ApiException e) {
          if (!"AlreadyExists".equals(e.status().getReason())) {
            throw e;
          }
          continue;
        }
      }
      ObjectNode patch = applied.deepCopy();
      patch.remove("apiVersion");
      patch.remove("kind");
      patch.withObjectProperty("metadata").remove("resourceVersion");
      return ops.change(def, namespace, name,
          o -> object(builtIn ? Patches.strategicMerge(o, patch) : Patches.mergePatch(o, patch)), statusOnly, dryRun,
          unknown);
    }
    throw ApiException.conflict(def, name, "the object was created and deleted concurrently, try again");
  }

  private static ObjectNode object(JsonNode node) {
    if (!(node instanceof ObjectNode o)) {
      throw ApiException.of(422, "Invalid", "the patched document is not a JSON object");
    }
    return o;
  }

  private void delete(HttpServerExchange ex, ResourceDefinition def, String namespace, String name, boolean dryRun)
      throws IOException {
    byte[] bytes = readBody(ex);
    String uid = null;
    String rv = null;
    if (bytes.length > 0) {
      JsonNode options = parse(bytes, false);
      JsonNode pre = options.path("preconditions");
      uid = Meta.text(pre, "uid");
      rv = Meta.text(pre, "resourceVersion");
      dryRun |= dryRunOption(options);
    }
    StoredObject last = ops.delete(def, namespace, name, uid, rv, dryRun);
    if (Meta.isDeleting(last.object()) || returnsObjectOnDelete(def)) {
      sendObject(ex, 200, last);
      return;
    }
    ObjectNode status = Json.mapper().valueToTree(Status.success());
    status.putObject("details").put("name", name).put("group", def.group()).put("kind", def.plural())
        .put("uid", Meta.text(last.object().path("metadata"), "uid"));
    sendJson(ex, 200, status);
  }

  private static boolean returnsObjectOnDelete(ResourceDefinition def) {
    return !BuiltInResources.all().contains(def) || def.plural().equals("pods") || def.plural().equals("namespaces")
        || def.plural().equals("customresourcedefinitions");
  }

  private void deleteCollection(HttpServerExchange ex, ResourceDefinition def, String namespace, boolean dryRun)
      throws IOException {
    byte[] bytes = readBody(ex);
    if (bytes.length > 0) {
      dryRun |= dryRunOption(parse(bytes, false));
    }
    Predicate<StoredObject> filter = selectors(ex);
    ListPage page = storage.list(ResourceOperations.storageKey(def), namespace, 0, null, 0, filter);
    List<StoredObject> deleted = new ArrayList<>();
    for (StoredObject o : page.items()) {
      try {
        deleted.add(ops.delete(def, o.namespace(), o.name(), null, null, dryRun));
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    writeList(ex, def, deleted, storage.revision(), null);
  }

  private static Predicate<StoredObject> selectors(HttpServerExchange ex) {
    try {
      return Meta.filter(LabelSelector.parse(param(ex, "labelSelector")), FieldSelector.parse(param(ex, "fieldSelector")));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid selector: " + e.getMessage());
    }
  }

  private void list(HttpServerExchange ex, ResourceDefinition def, String namespace) throws IOException {
    Predicate<StoredObject> filter = selectors(ex);
    String rv = param(ex, "resourceVersion");
    String match = param(ex, "resourceVersionMatch");
    String cont = param(ex, "continue");
    int limit = intParam(ex, "limit");
    long at = 0;
    String after = null;
    if (cont != null && !cont.isEmpty()) {
      if (rv != null && !rv.isEmpty() && !rv.equals("0")) {
        throw ApiException.badRequest("specifying resource version is not allowed when using continue");
      }
      ContinueToken token = ContinueToken.decode(cont);
      at = token.revision();
      after = token.after();
    } else if (match != null && !match.isEmpty()) {
      if (rv == null || rv.isEmpty()) {
        throw ApiException.badRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
      }
      long wanted = ResourceOperations.parseResourceVersion(rv);
      if (match.equals("Exact")) {
        at = wanted;
      } else if (!match.equals("NotOlderThan")) {
        throw ApiException.badRequest("resourceVersionMatch must be Exact or NotOlderThan, got \"" + match + "\"");
      }
      checkNotTooLarge(wanted);
    } else if (rv != null && !rv.isEmpty()) {
      checkNotTooLarge(ResourceOperations.parseResourceVersion(rv));
    }
    if (cont == null || cont.isEmpty()) {
      if ("0".equals(rv) && !"Exact".equals(match)) {
        // as kube's watch cache: a list at resourceVersion 0 ("any") is served whole, limit ignored
        limit = 0;
      } else if ("0".equals(rv)) {
        throw ApiException.badRequest("resourceVersionMatch=Exact requires a resourceVersion other than 0");
      }
    }
    ListPage page;
    try {
      page = storage.list(ResourceOperations.storageKey(def), namespace, at, after, limit, filter);
    } catch (StorageException e) {
      if (e.reason() != StorageException.Reason.GONE) {
        throw e;
      }
      throw ApiException.gone(cont != null
          ? "The provided continue parameter is too old to display a consistent list result. Start a new list."
          : "The resourceVersion for the provided list is too old: " + e.getMessage());
    }
    String next = page.nextKey() == null ? null : new ContinueToken(page.revision(), page.nextKey()).encode();
    writeList(ex, def, page.items(), page.revision(), next);
  }

  private void checkNotTooLarge(long wanted) {
    if (wanted == 0) {
      return;
    }
    long current = storage.revision();
    if (wanted > current) {
      throw ApiException.of(504, "Timeout", "Too large resource version: " + wanted + ", current: " + current);
    }
  }

  private void writeList(HttpServerExchange ex, ResourceDefinition def, List<StoredObject> items, long revision,
      String next) throws IOException {
    ObjectNode head = JsonNodeFactory.instance.objectNode();
    head.put("kind", def.listKind()).put("apiVersion", def.apiVersion());
    ObjectNode meta = head.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    if (next != null) {
      meta.put("continue", next);
    }
    byte[] headBytes = Json.mapper().writeValueAsBytes(head);
    ex.setStatusCode(200);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
    OutputStream out = ex.getOutputStream();
    out.write(headBytes, 0, headBytes.length - 1);
    out.write(LIST_ITEMS);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(items.get(i).json());
    }
    out.write(LIST_END);
    out.close();
  }

  private void watch(HttpServerExchange ex, ResourceDefinition def, String namespace) throws IOException {
    String upgrade = ex.getRequestHeaders().getFirst(Headers.UPGRADE);
    if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
      // Clients that try a WebSocket watch first (fabric8) fall back to a chunked HTTP watch at once when
      // the handshake gets a plain 200 instead of 101; a 503 would make them retry with backoff first.
      ApiException e = ApiException.of(200, "WebSocketUnsupported", "watch over WebSocket is not supported; use a chunked HTTP watch");
      sendStatus(ex, e);
      return;
    }
    Predicate<StoredObject> filter = selectors(ex);
    String rv = param(ex, "resourceVersion");
    boolean sendInitial = "true".equals(param(ex, "sendInitialEvents"));
    boolean bookmarks = "true".equals(param(ex, "allowWatchBookmarks"));
    if (sendInitial && !"NotOlderThan".equals(param(ex, "resourceVersionMatch"))) {
      throw ApiException.badRequest("sendInitialEvents requires resourceVersionMatch=NotOlderThan");
    }
    if (sendInitial && !bookmarks) {
      throw ApiException.badRequest("sendInitialEvents requires allowWatchBookmarks=true");
    }
    if (sendInitial && rv != null && !rv.isEmpty()) {
      // the initial state is the newest one, which is never older than a resourceVersion the server issued
      checkNotTooLarge(ResourceOperations.parseResourceVersion(rv));
    }
    long from = rv == null || rv.isEmpty() || rv.equals("0") || sendInitial ? -1 : ResourceOperations.parseResourceVersion(rv);
    int timeout = intParam(ex, "timeoutSeconds");
    WatchSession session = new WatchSession(def, storage, namespace, filter, from, sendInitial, bookmarks,
        TimeUnit.SECONDS.toNanos(timeout), bookmarkIntervalNanos);
    session.open();
    ex.setStatusCode(200);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
    ex.getResponseHeaders().put(new HttpString("Cache-Control"), "no-cache, private");
    ex.getConnection().addCloseListener(c -> session.cancel());
    watches.add(session);
    try (OutputStream out = ex.getOutputStream()) {
      session.run(out);
    } finally {
      watches.remove(session);
    }
  }

  private static int intParam(HttpServerExchange ex, String name) {
    String v = param(ex, name);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < 0) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid " + name + " \"" + v + "\": expected a non-negative integer");
    }
  }

  static String param(HttpServerExchange ex, String name) {
    Deque<String> values = ex.getQueryParameters().get(name);
    return values == null ? null : values.peekFirst();
  }

  private static ObjectNode body(HttpServerExchange ex) throws IOException {
    String contentType = String.valueOf(ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    if (contentType.contains("protobuf")) {
      throw ApiException.unsupportedMediaType(contentType);
    }
    boolean yaml = contentType.contains("yaml");
    return object(parse(readBody(ex), yaml));
  }

  private static JsonNode parse(byte[] bytes, boolean yaml) {
    if (bytes.length == 0) {
      throw ApiException.badRequest("the request has no body");
    }
    try {
      JsonNode node = (yaml ? Json.yamlMapper() : Json.mapper()).readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("the request has no body");
      }
      return node;
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw ApiException.badRequest("the request body is not valid " + (yaml ? "YAML" : "JSON") + ": " + why);
    }
  }

  /** Sends the outcome of a write with a {@code Warning} header per unknown field it dropped. */
  private static void sendWritten(HttpServerExchange ex, int code, StoredObject o, UnknownFields unknown) {
    for (String w : unknown.warnings()) {
      ex.getResponseHeaders().add(WARNING, "299 - " + FieldError.quote(w));
    }
    sendObject(ex, code, o);
  }

  private static void sendObject(HttpServerExchange ex, int code, StoredObject o) {
    send(ex, code, o.json());
  }

  private static void sendJson(HttpServerExchange ex, int code, Object body) throws IOException {
    send(ex, code, Json.mapper().writeValueAsBytes(body));
  }

  private static void send(HttpServerExchange ex, int code, byte[] bytes) {
    ex.setStatusCode(code);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    ex.getResponseSender().send(ByteBuffer.wrap(bytes));
  }

  private static void sendStatus(HttpServerExchange ex, ApiException e) {
    if (ex.isResponseStarted()) {
      LOG.debug("cannot report {} after the response started", e.status());
      return;
    }
    try {
      send(ex, e.code(), Json.mapper().writeValueAsBytes(e.status()));
    } catch (JsonProcessingException io) {
      ex.setStatusCode(e.code());
    }
  }

  /** A continue token: the snapshot revision and the last key returned, base64url JSON. */
  record ContinueToken(long revision, String after) {
    String encode() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("rv", revision).put("start", after);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token) {
      try {
        JsonNode o = Json.mapper().readTree(Base64.getUrlDecoder().decode(token));
        if (!o.path("rv").canConvertToLong() || !o.path("start").isTextual() || o.path("rv").asLong() <= 0) {
          throw new IllegalArgumentException("missing fields");
        }
        return new ContinueToken(o.path("rv").asLong(), o.path("start").asText());
      } catch (IOException | IllegalArgumentException e) {
        throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
      }
    }
  }
}
