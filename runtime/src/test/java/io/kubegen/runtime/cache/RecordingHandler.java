package io.kubegen.runtime.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler that keeps its own view of the objects (key → last state it was told about) and a log
 * of what it was told, so tests can check that it has seen every object's final state.
 */
public final class RecordingHandler implements ResourceEventHandler<Thing> {
  public final Map<String, Thing> view = new ConcurrentHashMap<>();
  public final List<String> log = new CopyOnWriteArrayList<>();
  public final AtomicInteger adds = new AtomicInteger();
  public final AtomicInteger initialAdds = new AtomicInteger();
  public final AtomicInteger updates = new AtomicInteger();
  public final AtomicInteger syncs = new AtomicInteger();
  public final AtomicInteger deletes = new AtomicInteger();
  public final AtomicInteger tombstones = new AtomicInteger();
  private final boolean keepLog;

  public RecordingHandler(boolean keepLog) {
    this.keepLog = keepLog;
  }

  @Override
  public void onAdd(Thing obj, boolean isInInitialList) {
    adds.incrementAndGet();
    if (isInInitialList) {
      initialAdds.incrementAndGet();
    }
    view.put(Cache.metaNamespaceKey(obj), obj);
    if (keepLog) {
      log.add("add " + obj.describe() + (isInInitialList ? " initial" : ""));
    }
  }

  @Override
  public void onUpdate(Thing oldObj, Thing newObj) {
    updates.incrementAndGet();
    if (oldObj.getMetadata().getResourceVersion().equals(newObj.getMetadata().getResourceVersion())) {
      syncs.incrementAndGet();
    }
    view.put(Cache.metaNamespaceKey(newObj), newObj);
    if (keepLog) {
      log.add("update " + oldObj.describe() + " -> " + newObj.describe());
    }
  }

  @Override
  public void onDelete(Thing obj, boolean finalStateUnknown) {
    deletes.incrementAndGet();
    if (finalStateUnknown) {
      tombstones.incrementAndGet();
    }
    view.remove(Cache.metaNamespaceKey(obj));
    if (keepLog) {
      log.add("delete " + obj.describe() + (finalStateUnknown ? " unknown" : ""));
    }
  }

  /** The view as key → value, for comparing with the server. */
  public Map<String, String> values() {
    Map<String, String> out = new java.util.TreeMap<>();
    view.forEach((k, v) -> out.put(k, v.getValue()));
    return out;
  }
}
