package io.kubegen.runtime.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each string that repeats across many cached objects (namespaces): an
 * informer holding 100,000 objects of one namespace keeps one copy instead of 100,000. Bounded:
 * past {@link #LIMIT} distinct strings, new ones are returned as they are. Thread-safe.
 */
final class SharedStrings {
  static final int LIMIT = 4096;
  private static final ConcurrentHashMap<String, String> POOL = new ConcurrentHashMap<>();

  private SharedStrings() {}

  /** The shared instance equal to {@code s} (null for null). */
  static String share(String s) {
    if (s == null) {
      return null;
    }
    String shared = POOL.get(s);
    if (shared != null) {
      return shared;
    }
    if (POOL.size() >= LIMIT) {
      return s;
    }
    String earlier = POOL.putIfAbsent(s, s);
    return earlier == null ? s : earlier;
  }
}
