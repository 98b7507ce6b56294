package io.kubegen.apiserver.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The default {@link Storage}: objects in memory, a bounded history of changes per resource
 * for watch replay and consistent paging, and nothing on disk.
 *
 * <p>Concurrency: each resource has its own lock, held only to take a revision, swap the map
 * entry, append to the history and enqueue to watchers; JSON work happens outside it. Reads
 * ({@link #get}, the scan part of {@link #list}) take no lock. A list at an older revision
 * is rebuilt from the current map and the history: objects changed after that revision are
 * replaced by the state the history records for them, so pages are consistent snapshots even
 * under concurrent writes, for as long as the history reaches back.
 */
public final class InMemoryStorage implements Storage {
  /** Changes kept per resource when the builder says nothing. */
  public static final int DEFAULT_HISTORY = 200_000;

  private final AtomicLong counter = new AtomicLong();
  private final Map<String, ResourceState> resources = new ConcurrentHashMap<>();
  private final int historyLimit;

  /** A storage keeping {@link #DEFAULT_HISTORY} changes per resource. */
  public InMemoryStorage() { this(DEFAULT_HISTORY); }

  /** A storage keeping {@code historyLimit} changes per resource (at least 1). */
  public InMemoryStorage(int historyLimit) {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("historyLimit must be at least 1, got " + historyLimit);
    }
    this.historyLimit = historyLimit;
  }

  private ResourceState state(String resource) {
    return resources.computeIfAbsent(resource, r -> new ResourceState(historyLimit));
  }

  @Override
  public long revision() { return counter.get(); }

  /**
   * A revision such that every change of {@code resource} at or below it has been committed and
   * handed to that resource's watchers.
   */
  private long committedRevision(String resource) {
    ResourceState rs = state(resource);
    rs.lock.lock();
    try {
      return counter.get();
    } finally {
      rs.lock.unlock();
    }
  }

  @Override
  public StoredObject get(String resource, String namespace, String name) {
    return state(resource).objects.get(StoredObject.keyOf(namespace, name));
  }

  @Override
  public StoredObject create(String resource, String namespace, String name, ObjectNode object) {
    ResourceState rs = state(resource);
    String key = StoredObject.keyOf(namespace, name);
    rs.lock.lock();
    try {
      if (rs.objects.containsKey(key)) {
        throw new StorageException(StorageException.Reason.ALREADY_EXISTS, key + " already exists");
      }
      StoredObject stored = stamp(namespace, name, object);
      rs.objects.put(key, stored);
      rs.publish(new StorageEvent(StorageEvent.Type.ADDED, stored, null));
      return stored;
    } finally {
      rs.lock.unlock();
    }
  }

  @Override
  public StoredObject update(String resource, String namespace, String name, long expectedRevision, ObjectNode object) {
    ResourceState rs = state(resource);
    String key = StoredObject.keyOf(namespace, name);
    rs.lock.lock();
    try {
      StoredObject current = rs.objects.get(key);
      check(key, current, expectedRevision);
      StoredObject stored = stamp(namespace, name, object);
      rs.objects.put(key, stored);
      rs.publish(new StorageEvent(StorageEvent.Type.MODIFIED, stored, current));
      return stored;
    } finally {
      rs.lock.unlock();
    }
  }

  @Override
  public StoredObject delete(String resource, String namespace, String name, long expectedRevision) {
    ResourceState rs = state(resource);
    String key = StoredObject.keyOf(namespace, name);
    StoredObject seen = rs.objects.get(key);
    ObjectNode last = seen == null ? null : seen.copy();
    rs.lock.lock();
    try {
      StoredObject current = rs.objects.get(key);
      check(key, current, expectedRevision);
      if (current != seen) {
        last = current.copy();
      }
      StoredObject tombstone = stamp(namespace, name, last);
      rs.objects.remove(key);
      rs.publish(new StorageEvent(StorageEvent.Type.DELETED, tombstone, current));
      return tombstone;
    } finally {
      rs.lock.unlock();
    }
  }

  private static void check(String key, StoredObject current, long expectedRevision) {
    if (current == null) {
      throw new StorageException(StorageException.Reason.NOT_FOUND, key + " not found");
    }
    if (expectedRevision != 0 && current.revision() != expectedRevision) {
      throw new StorageException(StorageException.Reason.CONFLICT,
          key + " is at revision " + current.revision() + ", not " + expectedRevision);
    }
  }

  /** Takes the next revision and writes it into the object. Call with the resource locked. */
  private StoredObject stamp(String namespace, String name, ObjectNode object) {
    long rv = counter.incrementAndGet();
    object.withObjectProperty("metadata").put("resourceVersion", Long.toString(rv));
    return new StoredObject(namespace, name, rv, object);
  }

  @Override
  public ListPage list(String resource, String namespace, long atRevision, String afterKey, int limit,
      Predicate<StoredObject> filter) {
    ResourceState rs = state(resource);
    long at = atRevision > 0 ? atRevision : committedRevision(resource);
    NavigableMap<String, StoredObject> range = namespace == null
        ? rs.objects : rs.objects.subMap(namespace + "/", true, namespace + "0", false);
    if (afterKey != null) {
      range = range.tailMap(afterKey, false);
    }
    // Scan without a lock; remember objects changed after `at` for the fix-up below.
    List<StoredObject> scanned = new ArrayList<>();
    int counted = 0;
    String lastScanned = null;
    boolean truncated = false;
    for (StoredObject o : range.values()) {
      if (limit > 0 && counted > limit) {
        truncated = true;
        break;
      }
      lastScanned = o.key();
      if (o.revision() > at) {
        scanned.add(o);
      } else if (filter.test(o)) {
        scanned.add(o);
        counted++;
      }
    }
    // The state at `at` of every key changed since then: the first later change's previous state.
    // A key created after `at` maps to null (absent at the snapshot), which later changes of the
    // same key must not overwrite: containsKey, not putIfAbsent, which treats null as missing.
    Map<String, StoredObject> before = new HashMap<>();
    rs.lock.lock();
    try {
      for (StorageEvent e : rs.history.after(at)) {
        if (!before.containsKey(e.key())) {
          before.put(e.key(), e.previous());
        }
      }
    } finally {
      rs.lock.unlock();
    }
    TreeMap<String, StoredObject> page = new TreeMap<>();
    for (StoredObject o : scanned) {
      if (before.containsKey(o.key())) {
        continue;
      }
      if (o.revision() <= at) {
        page.put(o.key(), o);
      }
    }
    String upper = truncated ? lastScanned : null;
    for (Map.Entry<String, StoredObject> e : before.entrySet()) {
      StoredObject o = e.getValue();
      String key = e.getKey();
      boolean inRange = (afterKey == null || key.compareTo(afterKey) > 0) && (upper == null || key.compareTo(upper) <= 0)
          && (namespace == null || key.startsWith(namespace + "/"));
      if (o != null && inRange && filter.test(o)) {
        page.put(key, o);
      }
    }
    List<StoredObject> items = new ArrayList<>(page.values());
    String next = truncated ? lastScanned : null;
    if (limit > 0 && items.size() > limit) {
      items = items.subList(0, limit);
      next = items.get(limit - 1).key();
    }
    return new ListPage(items, at, next);
  }

  @Override
  public WatchRegistration watch(String resource, long fromRevision, boolean initialState, WatchSink sink) {
    ResourceState rs = state(resource);
    rs.lock.lock();
    try {
      List<StoredObject> initial = List.of();
      long start;
      if (fromRevision < 0) {
        start = counter.get();
        if (initialState) {
          initial = new ArrayList<>(rs.objects.values());
        }
      } else {
        start = fromRevision;
        for (StorageEvent e : rs.history.after(fromRevision)) {
          sink.accept(e);
        }
      }
      rs.sinks.add(sink);
      List<StoredObject> initialObjects = initial;
      AtomicBoolean closed = new AtomicBoolean();
      return new WatchRegistration() {
        @Override public List<StoredObject> initial() { return initialObjects; }
        @Override public long startRevision() { return start; }
        @Override public long progressRevision() { return Math.max(start, committedRevision(resource)); }
        @Override public void close() {
          if (closed.compareAndSet(false, true)) {
            rs.sinks.remove(sink);
          }
        }
      };
    } finally {
      rs.lock.unlock();
    }
  }

  @Override
  public void compact(long revision) {
    for (ResourceState rs : resources.values()) {
      rs.lock.lock();
      try {
        rs.history.compact(revision);
      } finally {
        rs.lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    resources.values().forEach(rs -> rs.sinks.clear());
  }

  /** Objects, history and watchers of one resource. */
  private static final class ResourceState {
    final ReentrantLock lock = new ReentrantLock();
    final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    final History history;
    final CopyOnWriteArrayList<WatchSink> sinks = new CopyOnWriteArrayList<>();

    ResourceState(int historyLimit) { this.history = new History(historyLimit); }

    /** Records and fans out a committed change. Call with the lock held. */
    void publish(StorageEvent event) {
      history.add(event);
      for (WatchSink sink : sinks) {
        sink.accept(event);
      }
    }
  }

  /** A ring of the latest changes of one resource, oldest first. Guarded by the resource lock. */
  private static final class History {
    private final int capacity;
    private StorageEvent[] ring;
    private int start;
    private int size;
    private long compactedThrough;

    History(int capacity) {
      this.capacity = capacity;
      this.ring = new StorageEvent[Math.min(capacity, 256)];
    }

    void add(StorageEvent e) {
      if (size == ring.length && ring.length < capacity) {
        StorageEvent[] bigger = new StorageEvent[(int) Math.min(capacity, ring.length * 2L)];
        for (int i = 0; i < size; i++) {
          bigger[i] = at(i);
        }
        ring = bigger;
        start = 0;
      }
      if (size == ring.length) {
        compactedThrough = ring[start].revision();
        ring[start] = e;
        start = (start + 1) % ring.length;
      } else {
        ring[(start + size) % ring.length] = e;
        size++;
      }
    }

    private StorageEvent at(int i) { return ring[(start + i) % ring.length]; }

    /** Forgets the changes below {@code revision}; replays after {@code revision - 1} stay possible. */
    void compact(long revision) {
      while (size > 0 && at(0).revision() < revision) {
        ring[start] = null;
        start = (start + 1) % ring.length;
        size--;
      }
      compactedThrough = Math.max(compactedThrough, revision - 1);
    }

    /** The changes after {@code revision}, oldest first. */
    List<StorageEvent> after(long revision) {
      if (revision < compactedThrough) {
        throw new StorageException(StorageException.Reason.GONE,
            "too old resource version: " + revision + " (" + compactedThrough + ")");
      }
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (at(mid).revision() <= revision) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      List<StorageEvent> out = new ArrayList<>(size - lo);
      for (int i = lo; i < size; i++) {
        out.add(at(i));
      }
      return out;
    }
  }
}
