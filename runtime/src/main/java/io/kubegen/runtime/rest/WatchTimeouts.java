package io.kubegen.runtime.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a watch over HTTP may stay open and silent before the client presumes its connection
 * dead, closes it and ends the watch with a {@link io.kubegen.runtime.watch.WatchException} (a
 * reflector then watches again from its last resourceVersion, or relists). The clock starts when
 * the watch request is sent, so the wait for the response headers counts too.
 *
 * <ul>
 *   <li>{@code grace}: a watch that asked for {@code timeoutSeconds} must have been ended by the
 *       server that long after them. Default 30 s.</li>
 *   <li>{@code bookmarkSilence}: a watch that asked for bookmarks ({@code allowWatchBookmarks})
 *       must receive something (an event, a bookmark, any byte) at least this often. Default
 *       150 s: kube-apiserver's watch cache sends each such watch a bookmark about once a minute
 *       ({@code defaultBookmarkFrequency}, dispatched on a timer of about a second) and one more
 *       2 s before the watch's deadline, so on a live connection no silence comes near two
 *       bookmark periods plus 30 s. Servers that send no periodic bookmarks (releases before
 *       periodic bookmarks existed, watches served from etcd) get their quiet watches replaced
 *       after this time: a new watch from the last resourceVersion, at worst a relist.</li>
 *   <li>{@code unrequestedTimeout}: the longest a watch that asked for no {@code timeoutSeconds}
 *       may stay open (before {@code grace}). Default 1 h: kube-apiserver ends such watches after
 *       a random time between {@code --min-request-timeout} (default 1800 s) and twice that.</li>
 * </ul>
 *
 * <p>client-go has no such bounds of its own: it relies on HTTP/2 health pings (30 s read idle,
 * 15 s ping timeout) and TCP keep-alive. kubegen's client speaks HTTP/1.1 with one connection per
 * watch, where no ping exists, so the promised bookmarks and the requested timeout serve as the
 * heartbeat. Immutable.
 *
 * @param grace the time after {@code timeoutSeconds} by which the server must have ended the watch
 * @param bookmarkSilence the longest silence of a watch that asked for bookmarks
 * @param unrequestedTimeout the lifetime bound of a watch that asked for no {@code timeoutSeconds}
 */
public record WatchTimeouts(Duration grace, Duration bookmarkSilence, Duration unrequestedTimeout) {
  /** 30 s of grace, 150 s of bookmark silence, 1 h for watches without {@code timeoutSeconds}. */
  public static final WatchTimeouts DEFAULT =
      new WatchTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(150), Duration.ofHours(1));

  public WatchTimeouts {
    requirePositive(grace, "grace");
    requirePositive(bookmarkSilence, "bookmarkSilence");
    requirePositive(unrequestedTimeout, "unrequestedTimeout");
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
