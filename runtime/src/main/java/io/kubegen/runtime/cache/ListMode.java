package io.kubegen.runtime.cache;

/**
 * How a {@link Reflector} gets the initial state (and the state after a relist), as client-go
 * offers it. The default is {@link #CONSISTENT_PAGED}: see {@link ReflectorOptions#listMode()}.
 */
public enum ListMode {
  /**
   * A consistent list (no {@code resourceVersion}: read from storage) in pages of
   * {@link ReflectorOptions#pageSize()}, following {@code continue} tokens.
   */
  CONSISTENT_PAGED,

  /**
   * client-go's list semantics: the first list asks for {@code resourceVersion=0} so the server
   * may answer from its cache, unpaged (kube ignores {@code limit} there); a relist asks for the
   * last resourceVersion seen ("not older than", unpaged); after a 410 Expired or "too large
   * resource version" the list is repeated with no resourceVersion (consistent, paged). No
   * {@code resourceVersionMatch} is sent: the legacy rules of {@code resourceVersion} apply, as in
   * client-go. The data may be older than the newest state, never older than what the reflector
   * already saw.
   */
  CACHED,

  /**
   * The watch-list streaming protocol: one watch with {@code sendInitialEvents=true},
   * {@code resourceVersionMatch=NotOlderThan} and bookmarks, whose ADDED events are the initial
   * state up to the BOOKMARK annotated {@code k8s.io/initial-events-end}; the store is replaced at
   * once when that bookmark arrives, then the same watch goes on. A relist streams from the last
   * resourceVersion seen (state not older than it), as client-go does; when the server answers
   * that this resourceVersion is expired (410) or too large, the stream is asked for again at once
   * with no resourceVersion, for the newest state. When the server refuses the
   * request, or shows it does not know the protocol (a bookmark without the annotation, or the
   * stream ending before it), the reflector falls back to {@link #CONSISTENT_PAGED} for this
   * round and, when the server showed it does not know the protocol, for good.
   */
  WATCH_LIST
}
