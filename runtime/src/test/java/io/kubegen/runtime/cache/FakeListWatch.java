package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.ListMeta;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.KubeClientException;
import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import io.kubegen.runtime.watch.WatchException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory "server" for {@link Thing}s behind a {@link ListWatch}: resourceVersions, paged
 * lists with continue tokens, watch replay from a bounded history with 410 past it, bookmarks,
 * and faults (server down, watches cut, continue tokens expired). Thread-safe.
 */
public final class FakeListWatch implements ListWatch<Thing> {
  private final TreeMap<String, Thing> objects = new TreeMap<>();
  private final ArrayDeque<WatchEvent<Thing>> history = new ArrayDeque<>();
  private final List<Active> watches = new CopyOnWriteArrayList<>();
  private long rv = 100;
  /** Oldest resourceVersion a watch may start from; older gets 410. */
  private long oldestWatchable = 100;
  private boolean down;
  private boolean expireContinueTokens;
  public final AtomicInteger listCalls = new AtomicInteger();
  public final AtomicInteger watchCalls = new AtomicInteger();
  public final List<ListOptions> listOptionsSeen = new CopyOnWriteArrayList<>();
  public final List<ListOptions> watchOptionsSeen = new CopyOnWriteArrayList<>();

  private record Active(QueueWatch<Thing> watch, long fromRv) {}

  /** Creates or replaces {@code ns/name} with {@code value}; returns the stored object. */
  public synchronized Thing put(String ns, String name, String value) {
    String key = ns + "/" + name;
    Thing t = Thing.of(ns, name, String.valueOf(++rv), value);
    boolean existed = objects.put(key, t) != null;
    record(WatchEvent.of(existed ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED, t));
    return t;
  }

  /** Deletes {@code ns/name}; returns whether it existed. */
  public synchronized boolean remove(String ns, String name) {
    Thing old = objects.remove(ns + "/" + name);
    if (old == null) {
      return false;
    }
    Thing gone = Thing.of(ns, name, String.valueOf(++rv), old.getValue());
    record(WatchEvent.of(WatchEvent.Type.DELETED, gone));
    return true;
  }

  private void record(WatchEvent<Thing> e) {
    history.addLast(e);
    for (Active a : watches) {
      a.watch.offer(e);
    }
  }

  /** Sends a bookmark at the current resourceVersion to every open watch. */
  public synchronized void bookmark() {
    Thing marker = new Thing();
    marker.setMetadata(ObjectMeta.builder().resourceVersion(String.valueOf(rv)).build());
    for (Active a : watches) {
      a.watch.offer(WatchEvent.of(WatchEvent.Type.BOOKMARK, marker));
    }
  }

  /** Forgets the watch history: watches from any older resourceVersion now get 410. */
  public synchronized void compactHistory() {
    history.clear();
    oldestWatchable = rv;
  }

  /** Ends every open watch normally (the server closed the stream). */
  public void endWatches() {
    for (Active a : watches) {
      a.watch.finish();
      watches.remove(a);
    }
  }

  /** Breaks every open watch (connection lost mid-stream). */
  public void breakWatches() {
    for (Active a : watches) {
      a.watch.fail(new WatchException("connection reset"));
      watches.remove(a);
    }
  }

  /** Sends an ERROR 410 event on every open watch, as a server does for an expired watch. */
  public void expireWatches() {
    for (Active a : watches) {
      a.watch.offer(WatchEvent.error(Status.failure(410, "Expired", "too old resource version: 1 (2)")));
      a.watch.finish();
      watches.remove(a);
    }
  }

  /**
   * Sends an ERROR event with {@code code} on every open watch and ends it, as a server does when
   * a watch fails on its side (429 when overloaded, 5xx when unwell, 410 when expired).
   */
  public void sendErrorToWatches(int code, String reason) {
    for (Active a : watches) {
      a.watch.offer(WatchEvent.error(Status.failure(code, reason, "watch failed on the server: " + reason)));
      a.watch.finish();
      watches.remove(a);
    }
  }

  /** Takes the server down (every call fails with a refused connection) or brings it up. */
  public synchronized void setDown(boolean down) {
    this.down = down;
    if (down) {
      breakWatches();
    }
  }

  /** Makes continue tokens fail with 410 from now on. */
  public synchronized void setExpireContinueTokens(boolean expire) {
    this.expireContinueTokens = expire;
  }

  public int openWatches() {
    return watches.size();
  }

  /** A snapshot of the stored objects by key. */
  public synchronized Map<String, Thing> snapshot() {
    return new TreeMap<>(objects);
  }

  public synchronized String resourceVersion() {
    return String.valueOf(rv);
  }

  @Override
  public synchronized ObjectList<Thing> list(ListOptions options) {
    listCalls.incrementAndGet();
    listOptionsSeen.add(options);
    failIfDown();
    List<Thing> all = new ArrayList<>(objects.values());
    long listRv = rv;
    int offset = 0;
    if (options.continueToken() != null) {
      if (expireContinueTokens) {
        throw new KubeApiException(Status.failure(410, "Expired", "The provided continue parameter is too old"));
      }
      String[] parts = options.continueToken().split(":");
      offset = Integer.parseInt(parts[0]);
      listRv = Long.parseLong(parts[1]);
    }
    int end = all.size();
    String next = null;
    if (options.limit() != null && options.limit() > 0 && offset + options.limit() < all.size()) {
      end = (int) (offset + options.limit());
      next = end + ":" + listRv;
    }
    return new ObjectList<>(new ListMeta(String.valueOf(listRv), next), new ArrayList<>(all.subList(offset, end)));
  }

  @Override
  public synchronized Watch<Thing> watch(ListOptions options) {
    watchCalls.incrementAndGet();
    watchOptionsSeen.add(options);
    failIfDown();
    long from = Long.parseLong(options.resourceVersion());
    if (from < oldestWatchable) {
      throw new KubeApiException(Status.failure(410, "Expired", "too old resource version: " + from + " (" + oldestWatchable + ")"));
    }
    QueueWatch<Thing> w = new QueueWatch<>(null);
    Active a = new Active(w, from);
    for (WatchEvent<Thing> e : history) {
      if (Long.parseLong(e.object().getMetadata().getResourceVersion()) > from) {
        w.offer(e);
      }
    }
    watches.add(a);
    return new QueueWatch<>(null) {
      @Override public boolean hasNext() { return w.hasNext(); }
      @Override public WatchEvent<Thing> next() { return w.next(); }
      @Override public java.util.Optional<WatchEvent<Thing>> poll(java.time.Duration t) { return w.poll(t); }
      @Override public boolean isDone() { return w.isDone(); }
      @Override public void close() { watches.remove(a); w.close(); }
    };
  }

  private void failIfDown() {
    if (down) {
      throw new KubeClientException("connect to fake server failed", new ConnectException("Connection refused"));
    }
  }
}
