package io.kubegen.runtime.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.FieldSelector;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ListMeta;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory object store that behaves like an API server for fake clients (client-go's
 * {@code testing.ObjectTracker} plus the parts of the server tests rely on):
 *
 * <ul>
 *   <li>every write gets a new, increasing {@code resourceVersion}; an update or patch that
 *       carries an older one fails with 409 Conflict; a create of an existing name with 409
 *       AlreadyExists; reads and writes of a missing object with 404 NotFound — all as
 *       {@code KubeApiException}s carrying a {@code Status};
 *   <li>create fills {@code uid}, {@code creationTimestamp}, {@code generation}, {@code apiVersion},
 *       {@code kind} and names from {@code generateName}; updates bump {@code generation} when
 *       {@code spec} changes; for types with status, updates keep the stored status and
 *       {@code updateStatus} changes only the status; deletes honour preconditions and finalizers;
 *   <li>list and watch honour label and field selectors (any dotted field path), namespaces,
 *       {@code limit}/{@code continue}; a watch without resourceVersion (or {@code "0"}) starts
 *       with ADDED events for what exists, a watch from a resourceVersion replays the bounded
 *       history after it (410 Expired when it is gone), and objects moving in or out of a
 *       selector arrive as ADDED / DELETED;
 *   <li>every call is recorded as an {@link Action}; reactors ({@link #prependReactor}) may answer
 *       or fail calls before the default behaviour.
 * </ul>
 *
 * <p>Objects are stored as JSON trees and copied on the way in and out, so callers never share
 * state with the store. Thread-safe: one lock guards the store; watch events are queued under it,
 * so each watch sees writes in resourceVersion order; reactors run outside it.
 */
public final class ObjectTracker {
  private static final int HISTORY = 1000;

  private final Object lock = new Object();
  private final Map<GroupVersionResource, ResourceType<?>> types = new LinkedHashMap<>();
  private final Map<Class<?>, ResourceType<?>> byJavaType = new LinkedHashMap<>();
  private final Map<GroupVersionResource, NavigableMap<String, ObjectNode>> objects = new LinkedHashMap<>();
  private final Deque<Change> history = new ArrayDeque<>();
  private final List<Watcher> watchers = new ArrayList<>();
  private final List<Registration> reactors = new CopyOnWriteArrayList<>();
  private final List<Action> actions = new CopyOnWriteArrayList<>();
  private final ObjectMapper mapper = Json.mapper();
  private final Clock clock;
  private long resourceVersion;
  private boolean historyTruncated;

  /** An empty tracker on the system clock. */
  public ObjectTracker() {
    this(Clock.systemUTC());
  }

  /** An empty tracker that stamps {@code creationTimestamp} and {@code deletionTimestamp} from {@code clock}. */
  public ObjectTracker(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Makes {@code type} known; objects of unregistered resources are refused. Returns this tracker. */
  public ObjectTracker register(ResourceType<?> type) {
    synchronized (lock) {
      types.put(type.resource(), type);
      byJavaType.put(type.javaType(), type);
      objects.computeIfAbsent(type.resource(), r -> new TreeMap<>());
    }
    return this;
  }

  /** The registered resources, in registration order. */
  public List<ResourceType<?>> types() {
    synchronized (lock) {
      return List.copyOf(types.values());
    }
  }

  /** The registered type of {@code resource}. */
  public ResourceType<?> type(GroupVersionResource resource) {
    synchronized (lock) {
      ResourceType<?> t = types.get(resource);
      if (t == null) {
        throw new IllegalArgumentException("the tracker serves no resource " + resource + "; register it first");
      }
      return t;
    }
  }

  /**
   * Stores {@code objects} as they are (no action recorded, no reactor run), like seeding a
   * server: each must be of a registered Java type; each gets a uid and a resourceVersion as on create.
   */
  public void add(Object... initial) {
    for (Object o : initial) {
      ResourceType<?> type;
      synchronized (lock) {
        type = byJavaType.get(o.getClass());
      }
      if (type == null) {
        throw new IllegalArgumentException("the tracker serves no resource for " + o.getClass().getName());
      }
      KubernetesObject obj = (KubernetesObject) o;
      String ns = obj.getMetadata() == null ? null : obj.getMetadata().getNamespace();
      create(type, ns, obj, true);
    }
  }

  // ---- reactors and actions ----

  /** Puts {@code reactor} first in the chain for {@code verb} and {@code resource} ({@code "*"} matches all). */
  public void prependReactor(String verb, String resource, Reactor reactor) {
    reactors.add(0, new Registration(verb, resource, reactor));
  }

  /** Puts {@code reactor} last in the chain, still before the tracker's default behaviour. */
  public void addReactor(String verb, String resource, Reactor reactor) {
    reactors.add(new Registration(verb, resource, reactor));
  }

  /** The actions recorded so far, oldest first. */
  public List<Action> actions() {
    return List.copyOf(actions);
  }

  /** Forgets the recorded actions. */
  public void clearActions() {
    actions.clear();
  }

  /**
   * Records {@code action}, offers it to the reactors in order, and when none handles it answers
   * it with the tracker's default behaviour. This is what fake clients call.
   */
  public Object invoke(Action action) {
    actions.add(action);
    for (Registration r : reactors) {
      if (action.matches(r.verb(), r.resource())) {
        Reaction reaction = r.reactor().react(action);
        if (reaction != null && reaction.handled()) {
          return reaction.result();
        }
      }
    }
    return react(action);
  }

  private Object react(Action a) {
    ResourceType<?> type = type(a.resource());
    boolean status = "status".equals(a.subresource());
    if (a.subresource() != null && !status) {
      throw ApiErrors.notFound(type, a.name() + "/" + a.subresource()
          + " (the fake clientset does not serve subresource " + a.subresource() + "; add a reactor for it)");
    }
    return switch (a.verb()) {
      case Action.CREATE -> create(type, a.namespace(), (KubernetesObject) a.object(), false);
      case Action.UPDATE -> update(type, a.namespace(), (KubernetesObject) a.object(), status);
      case Action.GET -> get(type, a.namespace(), a.name());
      case Action.LIST -> list(type, a.namespace(), a.listOptions());
      case Action.WATCH -> watch(type, a.namespace(), a.listOptions());
      case Action.DELETE -> {
        delete(type, a.namespace(), a.name(), a.object() instanceof DeleteOptions d ? d : DeleteOptions.none());
        yield null;
      }
      case Action.DELETE_COLLECTION -> {
        deleteCollection(type, a.namespace(), a.listOptions());
        yield null;
      }
      case Action.PATCH -> patch(type, a.namespace(), a.name(), a.patchType(), a.patch(), status);
      default -> throw new IllegalArgumentException("unknown verb " + a.verb());
    };
  }

  // ---- default behaviour ----

  /**
   * Creates an object; {@code seeding} (objects handed to {@link #add}) may carry a
   * resourceVersion, a client's create may not: kube-apiserver refuses one that parses to a
   * non-zero number with a 500 whose message says so (and ignores one that does not parse).
   */
  private <T extends KubernetesObject> T create(ResourceType<T> type, String namespace, KubernetesObject obj,
      boolean seeding) {
    Objects.requireNonNull(obj, "object");
    ObjectNode node = mapper.valueToTree(obj);
    ObjectNode meta = metadata(node);
    if (!seeding && setResourceVersion(text(meta, "resourceVersion"))) {
      throw ApiErrors.internal("resourceVersion should not be set on objects to be created");
    }
    String ns = namespaceFor(type, namespace, text(meta, "namespace"));
    String name = text(meta, "name");
    synchronized (lock) {
      if (name == null || name.isEmpty()) {
        String generate = text(meta, "generateName");
        if (generate == null || generate.isEmpty()) {
          throw ApiErrors.invalid(type, null, "metadata.name: Required value: name or generateName is required");
        }
        name = generate + Long.toString(36L * 36 * 36 * 36 + resourceVersion + 1, 36).substring(1);
      }
      NavigableMap<String, ObjectNode> store = objectsOf(type);
      String key = key(ns, name);
      if (store.containsKey(key)) {
        throw ApiErrors.alreadyExists(type, name);
      }
      meta.put("name", name);
      if (ns != null) {
        meta.put("namespace", ns);
      } else {
        meta.remove("namespace");
      }
      meta.put("uid", UUID.randomUUID().toString());
      meta.put("creationTimestamp", now());
      meta.put("generation", 1);
      meta.remove("deletionTimestamp");
      node.put("apiVersion", type.resource().apiVersion());
      node.put("kind", type.kind());
      meta.put("resourceVersion", nextResourceVersion());
      store.put(key, node);
      emit(type, WatchEvent.Type.ADDED, null, node);
      return decode(type, node);
    }
  }

  private <T extends KubernetesObject> T update(ResourceType<T> type, String namespace, KubernetesObject obj,
      boolean statusOnly) {
    Objects.requireNonNull(obj, "object");
    ObjectNode node = mapper.valueToTree(obj);
    ObjectNode meta = metadata(node);
    String ns = namespaceFor(type, namespace, text(meta, "namespace"));
    String name = text(meta, "name");
    if (name == null || name.isEmpty()) {
      throw ApiErrors.invalid(type, null, "metadata.name: Required value: name is required");
    }
    synchronized (lock) {
      ObjectNode stored = existing(type, ns, name);
      checkResourceVersion(type, name, stored, text(meta, "resourceVersion"));
      return store(type, ns, name, stored, node, statusOnly);
    }
  }

  private <T extends KubernetesObject> T patch(ResourceType<T> type, String namespace, String name, PatchType patchType,
      String body, boolean statusOnly) {
    String ns = namespaceFor(type, namespace, null);
    JsonNode patchNode;
    try {
      patchNode = patchType == PatchType.APPLY ? Json.yamlMapper().readTree(body) : mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiErrors.badRequest(type, "the patch is not valid JSON: " + e.getOriginalMessage());
    }
    synchronized (lock) {
      ObjectNode stored = objectsOf(type).get(key(ns, name));
      if (stored == null) {
        if (patchType == PatchType.APPLY && !statusOnly) {
          ObjectNode created = (ObjectNode) JsonPatches.merge(mapper.createObjectNode(), patchNode);
          metadata(created).put("name", name);
          return create(type, ns, decode(type, created), false);
        }
        throw ApiErrors.notFound(type, name);
      }
      JsonNode patched;
      try {
        patched = patchType == PatchType.JSON ? JsonPatches.apply(stored, patchNode) : JsonPatches.merge(stored, patchNode);
      } catch (IllegalArgumentException e) {
        throw ApiErrors.invalid(type, name, e.getMessage());
      }
      if (!(patched instanceof ObjectNode patchedObject)) {
        throw ApiErrors.badRequest(type, "the patch did not produce an object");
      }
      ObjectNode meta = metadata(patchedObject);
      if (!name.equals(text(meta, "name"))) {
        throw ApiErrors.badRequest(type, "the patch cannot change metadata.name");
      }
      checkResourceVersion(type, name, stored, text(meta, "resourceVersion"));
      return store(type, ns, name, stored, patchedObject, statusOnly);
    }
  }

  /** Stores {@code incoming} over {@code stored}; holds the lock. */
  private <T extends KubernetesObject> T store(ResourceType<T> type, String ns, String name, ObjectNode stored,
      ObjectNode incoming, boolean statusOnly) {
    ObjectNode next;
    if (statusOnly) {
      next = stored.deepCopy();
      if (incoming.has("status")) {
        next.set("status", incoming.get("status"));
      } else {
        next.remove("status");
      }
    } else {
      next = incoming.deepCopy();
      ObjectNode meta = metadata(next);
      ObjectNode old = metadata(stored);
      for (String kept : List.of("uid", "creationTimestamp", "deletionTimestamp", "generation")) {
        if (old.has(kept)) {
          meta.set(kept, old.get(kept));
        } else {
          meta.remove(kept);
        }
      }
      meta.put("name", name);
      if (ns != null) {
        meta.put("namespace", ns);
      }
      if (type.hasStatus()) {
        if (stored.has("status")) {
          next.set("status", stored.get("status"));
        } else {
          next.remove("status");
        }
      }
      if (!Objects.equals(stored.get("spec"), next.get("spec"))) {
        meta.put("generation", old.path("generation").asLong(1) + 1);
      }
    }
    next.put("apiVersion", type.resource().apiVersion());
    next.put("kind", type.kind());
    if (withResourceVersion(next, text(metadata(stored), "resourceVersion")).equals(stored)) {
      return decode(type, stored); // no change: no new resourceVersion, no event, as on a server
    }
    metadata(next).put("resourceVersion", nextResourceVersion());
    if (metadata(next).has("deletionTimestamp") && finalizers(next).isEmpty()) {
      objectsOf(type).remove(key(ns, name));
      emit(type, WatchEvent.Type.DELETED, stored, next);
      return decode(type, next);
    }
    objectsOf(type).put(key(ns, name), next);
    emit(type, WatchEvent.Type.MODIFIED, stored, next);
    return decode(type, next);
  }

  private static ObjectNode withResourceVersion(ObjectNode node, String rv) {
    ObjectNode copy = node.deepCopy();
    if (rv == null) {
      metadata(copy).remove("resourceVersion");
    } else {
      metadata(copy).put("resourceVersion", rv);
    }
    return copy;
  }

  private <T extends KubernetesObject> T get(ResourceType<T> type, String namespace, String name) {
    String ns = namespaceFor(type, namespace, null);
    synchronized (lock) {
      return decode(type, existing(type, ns, name));
    }
  }

  private <T extends KubernetesObject> ObjectList<T> list(ResourceType<T> type, String namespace, ListOptions options) {
    ListOptions o = options == null ? ListOptions.none() : options;
    Filter filter = Filter.of(type, namespace, o);
    synchronized (lock) {
      ContinueToken token = o.continueToken() == null || o.continueToken().isEmpty()
          ? null : ContinueToken.decode(type, o.continueToken());
      long at = token == null ? resourceVersion : token.resourceVersion();
      NavigableMap<String, ObjectNode> snapshot = token == null ? objectsOf(type) : snapshot(type, at);
      NavigableMap<String, ObjectNode> view = token == null ? snapshot : snapshot.tailMap(token.after(), false);
      List<T> items = new ArrayList<>();
      String lastKey = null;
      boolean more = false;
      for (Map.Entry<String, ObjectNode> e : view.entrySet()) {
        if (!filter.matches(e.getValue())) {
          continue;
        }
        if (o.limit() != null && o.limit() > 0 && items.size() >= o.limit()) {
          more = true;
          break;
        }
        items.add(decode(type, e.getValue()));
        lastKey = e.getKey();
      }
      String next = more ? new ContinueToken(at, lastKey).encode() : null;
      ObjectList<T> list = new ObjectList<>(new ListMeta(Long.toString(at), next), items);
      list.setApiVersion(type.resource().apiVersion());
      list.setKind(type.kind() + "List");
      return list;
    }
  }

  /**
   * The objects of {@code type} as they were at {@code at}: today's, with every key changed
   * since put back to its state before its first later change (absent when that change created
   * it). Holds the lock.
   */
  private NavigableMap<String, ObjectNode> snapshot(ResourceType<?> type, long at) {
    Change oldest = history.peekFirst();
    if (at > resourceVersion || historyTruncated && (oldest == null || oldest.resourceVersion() > at + 1)) {
      throw ApiErrors.expired("The provided continue parameter is too old to display a consistent list result. "
          + "You can start a new list without the continue parameter.");
    }
    NavigableMap<String, ObjectNode> state = new TreeMap<>(objectsOf(type));
    java.util.Set<String> restored = new java.util.HashSet<>();
    for (Change c : history) {
      if (c.resourceVersion() <= at || !c.resource().equals(type.resource())) {
        continue;
      }
      String key = key(text(metadata(c.now()), "namespace"), text(metadata(c.now()), "name"));
      if (restored.add(key)) {
        if (c.old() == null) {
          state.remove(key);
        } else {
          state.put(key, c.old());
        }
      }
    }
    return state;
  }

  /** A continue token: the first page's resourceVersion and the last key returned, base64url JSON as the server's. */
  private record ContinueToken(long resourceVersion, String after) {
    String encode() {
      ObjectNode o = Json.mapper().createObjectNode().put("rv", resourceVersion).put("start", after);
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ContinueToken decode(ResourceType<?> type, String token) {
      try {
        JsonNode o = Json.mapper().readTree(java.util.Base64.getUrlDecoder().decode(token));
        if (o == null || !o.path("rv").canConvertToLong() || o.path("rv").asLong() <= 0 || !o.path("start").isTextual()) {
          throw new IllegalArgumentException("missing fields");
        }
        return new ContinueToken(o.path("rv").asLong(), o.path("start").asText());
      } catch (java.io.IOException | IllegalArgumentException e) {
        throw ApiErrors.badRequest(type, "continue key is not valid: " + e.getMessage());
      }
    }
  }

  private <T extends KubernetesObject> Watch<T> watch(ResourceType<T> type, String namespace, ListOptions options) {
    ListOptions o = options == null ? ListOptions.none() : options;
    Filter filter = Filter.of(type, namespace, o);
    synchronized (lock) {
      Watcher[] self = new Watcher[1];
      QueueWatch<T> watch = new QueueWatch<>(() -> {
        synchronized (lock) {
          watchers.remove(self[0]);
        }
      });
      Watcher watcher = new Watcher(type, filter, watch);
      self[0] = watcher;
      String from = o.resourceVersion();
      if (from == null || from.isEmpty() || from.equals("0")) {
        for (ObjectNode n : objectsOf(type).values()) {
          if (filter.matches(n)) {
            watcher.offer(WatchEvent.Type.ADDED, n);
          }
        }
      } else {
        long since = parseResourceVersion(type, from);
        Change oldest = history.peekFirst();
        if (historyTruncated && oldest != null && oldest.resourceVersion() > since + 1) {
          watch.offer(WatchEvent.error(ApiErrors.expired("too old resource version: " + since + " ("
              + (oldest.resourceVersion() - 1) + ")").status()));
          watch.finish();
          return watch;
        }
        for (Change c : history) {
          if (c.resourceVersion() > since && c.resource().equals(type.resource())) {
            watcher.deliver(c);
          }
        }
      }
      watchers.add(watcher);
      return watch;
    }
  }

  private void delete(ResourceType<?> type, String namespace, String name, DeleteOptions options) {
    String ns = namespaceFor(type, namespace, null);
    synchronized (lock) {
      ObjectNode stored = existing(type, ns, name);
      DeleteOptions.Preconditions pre = options.preconditions();
      if (pre != null && pre.uid() != null && !pre.uid().equals(text(metadata(stored), "uid"))) {
        throw ApiErrors.conflict(type, name, "Precondition failed: UID in precondition: " + pre.uid()
            + ", UID in object meta: " + text(metadata(stored), "uid"));
      }
      if (pre != null && pre.resourceVersion() != null
          && !pre.resourceVersion().equals(text(metadata(stored), "resourceVersion"))) {
        throw ApiErrors.conflict(type, name, "Precondition failed: ResourceVersion in precondition: "
            + pre.resourceVersion() + ", ResourceVersion in object meta: " + text(metadata(stored), "resourceVersion"));
      }
      if (options.dryRun()) {
        return;
      }
      if (!finalizers(stored).isEmpty()) {
        if (!metadata(stored).has("deletionTimestamp")) {
          ObjectNode next = stored.deepCopy();
          metadata(next).put("deletionTimestamp", now());
          metadata(next).put("resourceVersion", nextResourceVersion());
          objectsOf(type).put(key(ns, name), next);
          emit(type, WatchEvent.Type.MODIFIED, stored, next);
        }
        return;
      }
      objectsOf(type).remove(key(ns, name));
      ObjectNode last = stored.deepCopy();
      metadata(last).put("resourceVersion", nextResourceVersion());
      emit(type, WatchEvent.Type.DELETED, stored, last);
    }
  }

  private void deleteCollection(ResourceType<?> type, String namespace, ListOptions options) {
    Filter filter = Filter.of(type, namespace, options == null ? ListOptions.none() : options);
    synchronized (lock) {
      for (ObjectNode n : List.copyOf(objectsOf(type).values())) {
        if (filter.matches(n)) {
          delete(type, text(metadata(n), "namespace"), text(metadata(n), "name"), DeleteOptions.none());
        }
      }
    }
  }

  // ---- helpers (callers hold the lock where they touch the store) ----

  private void emit(ResourceType<?> type, WatchEvent.Type kind, ObjectNode old, ObjectNode now) {
    Change c = new Change(Long.parseLong(text(metadata(now), "resourceVersion")), type.resource(), kind, old, now);
    history.addLast(c);
    if (history.size() > HISTORY) {
      history.removeFirst();
      historyTruncated = true;
    }
    for (Watcher w : List.copyOf(watchers)) {
      if (w.type.resource().equals(type.resource())) {
        w.deliver(c);
      }
    }
  }

  private String nextResourceVersion() {
    return Long.toString(++resourceVersion);
  }

  /** Whether a resourceVersion counts as set on create, as kube-apiserver's storage decides: a non-zero number. */
  private static boolean setResourceVersion(String rv) {
    if (rv == null || rv.isEmpty()) {
      return false;
    }
    try {
      return Long.parseUnsignedLong(rv) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private long parseResourceVersion(ResourceType<?> type, String rv) {
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      throw ApiErrors.badRequest(type, "resourceVersion \"" + rv + "\" is not a resource version of this server");
    }
  }

  private void checkResourceVersion(ResourceType<?> type, String name, ObjectNode stored, String given) {
    if (given != null && !given.isEmpty() && !given.equals(text(metadata(stored), "resourceVersion"))) {
      throw ApiErrors.conflict(type, name,
          "the object has been modified; please apply your changes to the latest version and try again");
    }
  }

  private ObjectNode existing(ResourceType<?> type, String ns, String name) {
    ObjectNode stored = objectsOf(type).get(key(ns, name));
    if (stored == null) {
      throw ApiErrors.notFound(type, name);
    }
    return stored;
  }

  private NavigableMap<String, ObjectNode> objectsOf(ResourceType<?> type) {
    return objects.computeIfAbsent(type.resource(), r -> new TreeMap<>());
  }

  private static String namespaceFor(ResourceType<?> type, String requested, String inObject) {
    if (!type.namespaced()) {
      return null;
    }
    String req = requested == null || requested.isEmpty() ? null : requested;
    String obj = inObject == null || inObject.isEmpty() ? null : inObject;
    if (req != null && obj != null && !req.equals(obj)) {
      throw ApiErrors.badRequest(type, "the namespace of the object (" + obj
          + ") does not match the namespace on the request (" + req + ")");
    }
    String ns = req != null ? req : obj;
    if (ns == null) {
      throw ApiErrors.badRequest(type, type.kind() + " is namespaced: the call needs a namespace");
    }
    return ns;
  }

  private <T extends KubernetesObject> T decode(ResourceType<T> type, ObjectNode node) {
    try {
      return mapper.treeToValue(node, type.javaType());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot decode " + type.kind() + " as " + type.javaType().getName(), e);
    }
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static ObjectNode metadata(ObjectNode node) {
    JsonNode meta = node.get("metadata");
    if (meta instanceof ObjectNode o) {
      return o;
    }
    return node.putObject("metadata");
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> finalizers(ObjectNode node) {
    List<String> out = new ArrayList<>();
    metadata(node).path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  private static String key(String ns, String name) {
    return ns == null ? name : ns + "/" + name;
  }

  private record Registration(String verb, String resource, Reactor reactor) {}

  /** One stored change, kept for watch replay. */
  private record Change(long resourceVersion, GroupVersionResource resource, WatchEvent.Type type, ObjectNode old,
      ObjectNode now) {}

  /** Namespace, label and field selection of list, watch and delete-collection. */
  private record Filter(String namespace, LabelSelector labels, FieldSelector fields) {
    static Filter of(ResourceType<?> type, String namespace, ListOptions o) {
      String ns = type.namespaced() && namespace != null && !namespace.isEmpty() ? namespace : null;
      try {
        return new Filter(ns, LabelSelector.parse(o.labelSelector() == null ? "" : o.labelSelector()),
            FieldSelector.parse(o.fieldSelector()));
      } catch (IllegalArgumentException e) {
        throw ApiErrors.badRequest(type, "invalid selector: " + e.getMessage());
      }
    }

    boolean matches(ObjectNode node) {
      ObjectNode meta = metadata(node);
      if (namespace != null && !namespace.equals(text(meta, "namespace"))) {
        return false;
      }
      Map<String, String> labelMap = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = meta.path("labels").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        labelMap.put(e.getKey(), e.getValue().asText());
      }
      return labels.matches(labelMap) && fields.matches(path -> field(node, path));
    }

    private static String field(JsonNode node, String path) {
      JsonNode cur = node;
      for (String seg : path.split("\\.")) {
        cur = cur.path(seg);
      }
      return cur.isMissingNode() || cur.isNull() || cur.isContainerNode() ? null : cur.asText();
    }
  }

  /** One open watch. */
  private final class Watcher {
    final ResourceType<?> type;
    final Filter filter;
    final QueueWatch<Object> queue;

    @SuppressWarnings("unchecked")
    Watcher(ResourceType<?> type, Filter filter, QueueWatch<?> queue) {
      this.type = type;
      this.filter = filter;
      this.queue = (QueueWatch<Object>) queue;
    }

    void deliver(Change c) {
      boolean was = c.old() != null && filter.matches(c.old());
      boolean is = filter.matches(c.now());
      switch (c.type()) {
        case ADDED -> {
          if (is) {
            offer(WatchEvent.Type.ADDED, c.now());
          }
        }
        case DELETED -> {
          if (was || is) {
            offer(WatchEvent.Type.DELETED, c.now());
          }
        }
        default -> {
          if (was && is) {
            offer(WatchEvent.Type.MODIFIED, c.now());
          } else if (is) {
            offer(WatchEvent.Type.ADDED, c.now());
          } else if (was) {
            offer(WatchEvent.Type.DELETED, c.now());
          }
        }
      }
    }

    void offer(WatchEvent.Type kind, ObjectNode node) {
      queue.offer(WatchEvent.of(kind, decode(type, node)));
    }
  }
}
