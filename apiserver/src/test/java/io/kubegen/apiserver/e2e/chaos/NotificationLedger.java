package io.kubegen.apiserver.e2e.chaos;

import io.kubegen.runtime.cache.ResourceEventHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A handler that builds its own view of the objects (key → {@code rv=value}) from nothing but its
 * notifications, and records every notification that breaks client-go's contract with a handler:
 * an add for an object it already has, an update or delete for one it does not have, an update
 * whose old object is not the one it was last given, and a resourceVersion that goes backwards
 * for one object (including across a delete and re-create). One delivery thread calls it; the
 * test thread reads it under the same lock.
 */
final class NotificationLedger implements ResourceEventHandler<ConfigMap> {
  private static final int MAX_VIOLATIONS_KEPT = 20;

  private final String name;
  private final Map<String, ConfigMap> view = new HashMap<>();
  private final Map<String, Long> highestResourceVersion = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int violationCount;
  private int adds;
  private int updates;
  private int deletes;
  private int tombstones;

  NotificationLedger(String name) {
    this.name = name;
  }

  @Override
  public synchronized void onAdd(ConfigMap obj, boolean isInInitialList) {
    adds++;
    String key = obj.key();
    if (view.containsKey(key)) {
      violation("add of " + key + "@" + obj.state() + " it already has as " + view.get(key).state());
    }
    advance(key, obj, "add");
    view.put(key, obj);
  }

  @Override
  public synchronized void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
    updates++;
    String key = newObj.key();
    ConfigMap had = view.get(key);
    if (had == null) {
      violation("update of " + key + " to " + newObj.state() + " it does not have");
    } else if (!had.state().equals(oldObj.state())) {
      violation("update of " + key + " from " + oldObj.state() + " but it was last given " + had.state());
    }
    advance(key, newObj, "update");
    view.put(key, newObj);
  }

  @Override
  public synchronized void onDelete(ConfigMap obj, boolean finalStateUnknown) {
    deletes++;
    if (finalStateUnknown) {
      tombstones++;
    }
    String key = obj.key();
    if (view.remove(key) == null) {
      violation("delete of " + key + " it does not have" + (finalStateUnknown ? " (tombstone)" : ""));
    }
  }

  private void advance(String key, ConfigMap obj, String what) {
    long rv = obj.resourceVersion();
    Long highest = highestResourceVersion.get(key);
    if (highest != null && rv < highest) {
      violation(what + " of " + key + " at resourceVersion " + rv + " after it was at " + highest);
    } else {
      highestResourceVersion.put(key, rv);
    }
  }

  private void violation(String what) {
    violationCount++;
    if (violations.size() < MAX_VIOLATIONS_KEPT) {
      violations.add(what);
    }
  }

  /** The view: key → {@code rv=value}, sorted. */
  synchronized Map<String, String> view() {
    Map<String, String> out = new TreeMap<>();
    view.forEach((k, v) -> out.put(k, v.state()));
    return out;
  }

  /** The first violations (at most 20), with the total count. */
  synchronized String violations() {
    return violationCount == 0 ? "" : name + ": " + violationCount + " violations, first " + violations;
  }

  synchronized String counts() {
    return name + " adds=" + adds + " updates=" + updates + " deletes=" + deletes + " tombstones=" + tombstones;
  }

  synchronized int tombstones() {
    return tombstones;
  }

  @Override
  public String toString() {
    return name;
  }
}
