package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Static helpers of the cache package: key functions, the namespace index, indexer construction,
 * the copy helper for shared objects and {@link #waitForCacheSync}.
 */
public final class Cache {

  /** Name of the index every {@link #newIndexer} has: objects by namespace. */
  public static final String NAMESPACE_INDEX = "namespace";

  private Cache() {}

  /**
   * The {@code namespace/name} key of a {@link KubernetesObject} ({@code name} when it has no
   * namespace); the key of a {@link DeletedFinalStateUnknown} is its own key.
   *
   * @throws IllegalArgumentException if the object is null, has no metadata or no name
   */
  public static String metaNamespaceKey(Object obj) {
    if (obj instanceof DeletedFinalStateUnknown<?> d) {
      return d.key();
    }
    if (!(obj instanceof KubernetesObject k)) {
      throw new IllegalArgumentException("cannot compute a key: not a KubernetesObject: "
          + (obj == null ? "null" : obj.getClass().getName()));
    }
    ObjectMeta meta = k.getMetadata();
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new IllegalArgumentException("cannot compute a key: object of kind " + k.getKind() + " has no metadata.name");
    }
    String ns = meta.getNamespace();
    return ns == null || ns.isEmpty() ? meta.getName() : ns + "/" + meta.getName();
  }

  /** {@link #metaNamespaceKey} as a {@link KeyFunction}. */
  public static <T> KeyFunction<T> metaNamespaceKeyFunction() {
    return Cache::metaNamespaceKey;
  }

  /**
   * Splits a key into namespace and name: {@code ["ns", "name"]}, or {@code ["", "name"]} for a
   * cluster-scoped key.
   *
   * @throws IllegalArgumentException if the key has more than one slash or an empty part
   */
  public static String[] splitMetaNamespaceKey(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return new String[] {"", parts[0]};
    }
    if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
      return parts;
    }
    throw new IllegalArgumentException("unexpected key format: \"" + key + "\"");
  }

  /** The index function of {@link #NAMESPACE_INDEX}: the object's namespace, if it has one. */
  public static <T> IndexFunction<T> namespaceIndexFunction() {
    return obj -> {
      if (obj instanceof KubernetesObject k && k.getMetadata() != null) {
        String ns = k.getMetadata().getNamespace();
        return ns == null || ns.isEmpty() ? List.of() : List.of(ns);
      }
      return List.of();
    };
  }

  /**
   * An empty indexer keyed by {@link #metaNamespaceKey}, with the namespace index plus
   * {@code indexers} (which must not use the name {@link #NAMESPACE_INDEX}).
   */
  public static <T> Indexer<T> newIndexer(Map<String, IndexFunction<T>> indexers) {
    return newCacheIndexer(indexers);
  }

  /** {@link #newIndexer} as its concrete type, for the informer. */
  static <T> CacheIndexer<T> newCacheIndexer(Map<String, IndexFunction<T>> indexers) {
    CacheIndexer<T> indexer = new CacheIndexer<>(metaNamespaceKeyFunction(), Map.of(NAMESPACE_INDEX, namespaceIndexFunction()));
    indexer.addIndexers(indexers);
    return indexer;
  }

  /**
   * A deep copy of {@code obj} (through JSON), for when an object taken from a cache or handed to
   * a handler must be changed: cached objects are shared and must never be mutated.
   */
  public static <T> T copy(T obj) {
    return Json.deepCopy(obj);
  }

  /**
   * Waits until every one of {@code synced} has synced, polling with a short, growing interval
   * (never busy). Returns false if {@code timeout} passes first or the thread is interrupted, and
   * at once when one of them is an informer (or a registration of one) whose threads ended with an
   * error ({@link SharedIndexInformer#lastError()}): it would never sync.
   */
  public static boolean waitForCacheSync(Duration timeout, InformerSynced... synced) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pauseMillis = 1;
    while (true) {
      boolean all = true;
      for (InformerSynced s : synced) {
        if (hasFailed(s)) {
          return false;
        }
        if (!s.hasSynced()) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        Thread.sleep(Math.min(pauseMillis, Math.max(1, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      pauseMillis = Math.min(100, pauseMillis * 2);
    }
  }

  private static boolean hasFailed(InformerSynced s) {
    if (s instanceof SharedIndexInformer<?> informer) {
      return informer.lastError().isPresent();
    }
    return s instanceof ProcessorListener<?> registration && registration.hasFailed();
  }
}
