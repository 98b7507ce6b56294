package io.kubegen.runtime.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each string that repeats across many cached objects: an informer holding
 * 100,000 objects keeps one copy of their namespace, {@code apiVersion}, {@code kind} and common
 * label values instead of 100,000. Decoding shares them on the way in ({@link ObjectMeta}'s
 * setters, and the runtime's JSON mapper for every {@code apiVersion} and {@code kind} property);
 * callers may share their own.
 *
 * <p>Two pools, each bounded to {@link #LIMIT} distinct strings: one for names of low cardinality
 * ({@link #share}), one for label values ({@link #shareLabelValue}), so many distinct label values
 * cannot crowd namespaces and kinds out. Past the limit new strings are returned as they are.
 * Strings are equal either way; only their identity is shared. Thread-safe.
 */
public final class SharedStrings {
  /** The most distinct strings each pool keeps. */
  public static final int LIMIT = 4096;
  /** Longer label values are not pooled (the API server allows at most 63 characters). */
  static final int MAX_LABEL_VALUE = 63;

  private static final Pool NAMES = new Pool();
  private static final Pool LABEL_VALUES = new Pool();

  private SharedStrings() {}

  /** The shared instance equal to {@code s} (null for null): namespaces, apiVersions, kinds. */
  public static String share(String s) {
    return NAMES.share(s);
  }

  /** The shared instance equal to the label value {@code s} (null for null; long values as they are). */
  public static String shareLabelValue(String s) {
    return s == null || s.length() > MAX_LABEL_VALUE ? s : LABEL_VALUES.share(s);
  }

  private static final class Pool {
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    String share(String s) {
      if (s == null) {
        return null;
      }
      String shared = strings.get(s);
      if (shared != null) {
        return shared;
      }
      if (strings.size() >= LIMIT) {
        return s;
      }
      String earlier = strings.putIfAbsent(s, s);
      return earlier == null ? s : earlier;
    }
  }
}
