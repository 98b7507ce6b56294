package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import io.kubegen.runtime.watch.WatchException;
import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Store} (normally a {@link DeltaQueue}) in step with the server, as client-go's
 * reflector does:
 * <ol>
 *   <li>gets the state as {@link ReflectorOptions#listMode()} says: by default it lists in pages
 *       of {@link ReflectorOptions#pageSize()} following {@code continue} tokens, from the most
 *       recent state, and falls back to one unpaged list when a continue token expired; the
 *       result, at the resourceVersion of the first page, goes to {@link Store#replace}. In
 *       {@link ListMode#CACHED} mode the list may come from the server's cache; in
 *       {@link ListMode#WATCH_LIST} mode the state is streamed by the watch itself and replaces
 *       the store in one step when its end bookmark arrives (see {@link ListMode});</li>
 *   <li>watches from that resourceVersion with bookmarks and a random {@code timeoutSeconds}
 *       between {@code minWatchTimeout} and twice that, feeding ADDED/MODIFIED/DELETED to the store
 *       and remembering the newest resourceVersion (bookmarks included);</li>
 *   <li>when a watch ends normally or its stream breaks, watches again from the last seen
 *       resourceVersion, without relisting; also when a watch is still open a minute after the
 *       {@code timeoutSeconds} it asked for (the server should have ended it: it is closed);</li>
 *   <li>when a watch cannot be opened because of 429, a refused connection or the call deadline,
 *       or sends an ERROR event with 429 or a 5xx code, backs off and watches again from the last
 *       resourceVersion, without relisting;</li>
 *   <li>when the server says the resourceVersion is too old (410 Gone / Expired, as an error or as
 *       an ERROR event), when a watch ends within a second without events, or on any other
 *       error, hands the error to the {@link WatchErrorHandler}, backs off and relists;</li>
 *   <li>relists as client-go does: a {@link ListMode#CACHED} list or a {@link ListMode#WATCH_LIST}
 *       stream asks for state not older than the last resourceVersion seen (still true after a
 *       watch expired); when that list or stream is refused because the version is expired or
 *       too large, it is asked for again at once without a resourceVersion (the newest state,
 *       read consistently), and lists and streams go without one until one succeeds;</li>
 *   <li>gives every list page and every watch request {@link ReflectorOptions#callTimeout()} to
 *       answer: a call past its deadline is abandoned (its thread interrupted) and counts as a
 *       failure ({@link ListWatchTimeoutException});</li>
 *   <li>backs off between failures with jittered exponential delays (0.8 s doubling to 30 s,
 *       reset after 2 minutes without failure): while the server is down, calls are spaced out,
 *       never looped;</li>
 *   <li>every {@code resyncPeriod} (when positive), calls {@link Store#resync()} if
 *       {@code shouldResync} agrees.</li>
 * </ol>
 *
 * <p>Failures: an exception from a call, the store or the {@link WatchErrorHandler} is logged or
 * handed to the handler, and the reflector goes on (a watch event the store refuses, for example
 * because a transform threw, is logged and skipped, as client-go does). A {@link Error} (such as
 * {@link OutOfMemoryError}) on the reflector's or the resync thread ends {@link #run()}, which
 * throws it.
 *
 * <p>Threading: {@link #run()} blocks its caller until {@link #stop()}; it starts (and joins) one
 * resync thread when a resync period is set, and runs each list page and watch request on a
 * short-lived thread named {@code <name>-list-watch} so that it can abandon it at the deadline.
 * {@link #stop()} and the accessors may be called from any thread.
 *
 * @param <T> the object type
 */
public final class Reflector<T extends KubernetesObject> {
  private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
  private static final Duration SHORT_WATCH = Duration.ofSeconds(1);
  /** How long a watch may stay open past the timeoutSeconds it asked for before it is replaced. */
  static final Duration WATCH_GRACE = Duration.ofMinutes(1);
  /** How long run() waits, when it ends, for abandoned calls to notice their interrupt. */
  private static final Duration CALL_STOP_GRACE = Duration.ofSeconds(5);
  /** With a clock other than the system's, waits for watch events are cut into slices this long. */
  private static final Duration FAKE_CLOCK_POLL = Duration.ofMillis(20);

  /** Logs the error: expiry at debug level (it is routine), everything else as a warning. */
  public static final WatchErrorHandler DEFAULT_WATCH_ERROR_HANDLER = (r, e) -> {
    if (ApiErrors.isExpired(e)) {
      LOG.debug("{}: watch ended, relisting: {}", r.name(), e.getMessage());
    } else {
      LOG.warn("{}: list/watch failed, will back off and relist: {}", r.name(), e.toString());
    }
  };

  private enum WatchEnd { REWATCH, BACK_OFF_AND_REWATCH }

  /** The annotation of the bookmark that ends the initial events of a watch-list stream. */
  static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

  /** A watch that is open and read from, with what it asked the server for. */
  private record OpenWatch<T>(Watch<T> watch, int timeoutSeconds, long startNanos, int events) {}

  private final String name;
  private final ListWatch<T> listWatch;
  private final Class<T> type;
  private final Store<T> store;
  private final Duration resyncPeriod;
  private final BooleanSupplier shouldResync;
  private final ReflectorOptions options;
  private final Backoff backoff;
  private final ClockWaiter waiter;
  private final DeadlineRunner calls;
  private final Random random = new Random();
  private volatile WatchErrorHandler watchErrorHandler = DEFAULT_WATCH_ERROR_HANDLER;
  private volatile String lastSyncResourceVersion = "";
  private volatile boolean stopped;
  private volatile Watch<T> currentWatch;
  private volatile Thread runner;
  private volatile Error failure;
  private volatile int listCalls;
  private volatile int watchCalls;
  private volatile InformerMetrics.Recorder metrics = InformerMetrics.Recorder.NONE;
  private int fullLists;
  /**
   * Set when a list or watch-list at a resourceVersion was refused as expired or too large: the
   * next list or watch-list asks for the newest state (no resourceVersion); cleared once one succeeds.
   */
  private boolean lastSyncResourceVersionUnavailable;
  /** Set when the server showed it does not know the watch-list protocol: list from then on. */
  private volatile boolean watchListUnsupported;

  /**
   * A reflector named {@code name} (used in logs and thread names) that lists and watches through
   * {@code listWatch} into {@code store}, expecting objects of {@code type}.
   *
   * @param resyncPeriod how often to call {@link Store#resync()}; zero or null for never
   * @param shouldResync asked before each resync (null: always)
   */
  public Reflector(String name, ListWatch<T> listWatch, Class<T> type, Store<T> store, Duration resyncPeriod,
      BooleanSupplier shouldResync, ReflectorOptions options) {
    this.name = Objects.requireNonNull(name, "name");
    this.listWatch = Objects.requireNonNull(listWatch, "listWatch");
    this.type = Objects.requireNonNull(type, "type");
    this.store = Objects.requireNonNull(store, "store");
    this.resyncPeriod = resyncPeriod == null || resyncPeriod.isNegative() ? Duration.ZERO : resyncPeriod;
    this.shouldResync = shouldResync == null ? () -> true : shouldResync;
    this.options = options == null ? ReflectorOptions.defaults() : options;
    this.backoff = new Backoff(this.options.initialBackoff(), this.options.maxBackoff(), this.options.backoffReset(),
        this.options.jitter(), this.options.clock(), random);
    this.waiter = new ClockWaiter(this.options.clock());
    this.calls = new DeadlineRunner(name + "-list-watch", this.options.clock());
  }

  /** The name given at construction. */
  public String name() { return name; }

  /** The resourceVersion of the last list, watch event or bookmark seen; "" before the first list. */
  public String lastSyncResourceVersion() { return lastSyncResourceVersion; }

  /** Number of list calls made so far (all pages count). */
  public int listCalls() { return listCalls; }

  /** Number of watch calls made so far (watch-list requests included). */
  public int watchCalls() { return watchCalls; }

  /**
   * Whether the reflector, in {@link ListMode#WATCH_LIST} mode, found that the server does not
   * support the watch-list protocol and now lists instead.
   */
  public boolean watchListUnsupported() { return watchListUnsupported; }

  /** Sets the handler of list/watch errors; call before {@link #run()}. */
  public void setWatchErrorHandler(WatchErrorHandler handler) {
    this.watchErrorHandler = handler == null ? DEFAULT_WATCH_ERROR_HANDLER : handler;
  }

  /** Sets where lists and watches are reported; call before {@link #run()}. */
  public void setMetrics(InformerMetrics.Recorder recorder) {
    this.metrics = recorder == null ? InformerMetrics.Recorder.NONE : recorder;
  }

  /**
   * Lists and watches until {@link #stop()}; blocks the calling thread. Call once.
   *
   * @throws Error an error (not an exception) raised on the reflector's or the resync thread,
   *     after which the reflector cannot go on
   */
  public void run() {
    synchronized (this) {
      if (runner != null) {
        throw new IllegalStateException(name + ": run() was already called");
      }
      runner = Thread.currentThread();
    }
    Thread resync = startResyncThread();
    try {
      while (!stopped) {
        try {
          listAndWatch();
        } catch (RuntimeException e) {
          if (stopped) {
            break;
          }
          reportWatchError(e);
        }
        if (stopped || !backOff()) {
          break;
        }
      }
    } catch (Error e) {
      if (failure == null) {
        failure = e;
      }
    } finally {
      calls.stop();
      Watch<T> w = currentWatch;
      if (w != null) {
        w.close();
      }
      if (resync != null) {
        resync.interrupt();
        Threads.joinUninterruptibly(resync);
      }
      Thread.interrupted(); // stop() may have interrupted us to abort a call; do not leak the flag
      calls.awaitHelpers(CALL_STOP_GRACE);
    }
    Error f = failure;
    if (f != null) {
      throw f;
    }
  }

  /** Stops {@link #run()}: closes the current watch, wakes any backoff, aborts a blocked call. */
  public void stop() {
    stopped = true;
    waiter.stop();
    calls.stop();
    Watch<T> w = currentWatch;
    if (w != null) {
      w.close();
    }
    Thread t = runner;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  /** Whether {@link #stop()} was called (or an error ended {@link #run()}). */
  public boolean isStopped() { return stopped; }

  private void reportWatchError(RuntimeException e) {
    try {
      watchErrorHandler.onWatchError(this, e);
    } catch (RuntimeException handlerFailure) {
      LOG.error("{}: the watch error handler threw while handling {}; going on", name, e, handlerFailure);
    }
  }

  /** Waits for the next backoff delay; false if stopped meanwhile. */
  private boolean backOff() {
    return waiter.await(backoff.next());
  }

  private Thread startResyncThread() {
    if (resyncPeriod.isZero()) {
      return null;
    }
    Thread t = new Thread(this::resyncLoop, name + "-resync");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void resyncLoop() {
    try {
      while (waiter.await(resyncPeriod)) {
        try {
          if (shouldResync.getAsBoolean()) {
            store.resync();
          }
        } catch (RuntimeException e) {
          LOG.error("{}: resync failed; trying again in {}", name, resyncPeriod, e);
        }
      }
    } catch (Error e) {
      if (failure == null) {
        failure = e;
      }
      stop();
    }
  }

  private void listAndWatch() {
    OpenWatch<T> streamed = null;
    if (options.listMode() == ListMode.WATCH_LIST && !watchListUnsupported) {
      streamed = streamInitialState();
      if (stopped) {
        closeStreamed(streamed);
        return;
      }
    }
    if (streamed == null) {
      list();
    }
    while (!stopped) {
      int timeoutSeconds;
      Watch<T> w;
      long watchStart;
      int eventsSoFar = 0;
      if (streamed != null) {
        // the watch that streamed the initial state goes on
        w = streamed.watch();
        timeoutSeconds = streamed.timeoutSeconds();
        watchStart = streamed.startNanos();
        eventsSoFar = streamed.events();
        streamed = null;
      } else {
        timeoutSeconds = watchTimeoutSeconds();
        try {
          w = openWatch(timeoutSeconds);
        } catch (RuntimeException e) {
          if (stopped) {
            return;
          }
          if (e instanceof ListWatchTimeoutException) {
            LOG.warn("{}: {}; backing off, then watching again from {}", name, e.getMessage(), lastSyncResourceVersion);
            if (!backOff()) {
              return;
            }
            continue;
          }
          if (ApiErrors.isTooManyRequests(e) || ApiErrors.isConnectionRefused(e)) {
            LOG.debug("{}: watch refused ({}), backing off", name, e.getMessage());
            if (!backOff()) {
              return;
            }
            continue;
          }
          throw e;
        }
        currentWatch = w;
        metrics.watchStarted();
        watchStart = options.clock().nanoTime();
      }
      WatchEnd end;
      try {
        if (stopped) {
          return;
        }
        end = watchUntilEnd(w, timeoutSeconds, watchStart, eventsSoFar);
      } finally {
        currentWatch = null;
        w.close();
        metrics.watchEnded(options.clock().since(watchStart));
      }
      if (end == WatchEnd.BACK_OFF_AND_REWATCH && !backOff()) {
        return;
      }
    }
  }

  private Watch<T> openWatch(int timeoutSeconds) {
    String from = lastSyncResourceVersion;
    ListOptions opts = ListOptions.builder()
        .resourceVersion(from)
        .allowWatchBookmarks(true)
        .timeoutSeconds(timeoutSeconds)
        .build();
    watchCalls++;
    return calls.call("watch from resourceVersion " + from, options.callTimeout(),
        () -> listWatch.watch(opts), Watch::close);
  }

  private void closeStreamed(OpenWatch<T> streamed) {
    if (streamed != null) {
      currentWatch = null;
      streamed.watch().close();
      metrics.watchEnded(options.clock().since(streamed.startNanos()));
    }
  }

  /**
   * Consumes one watch opened at {@code start} that has already delivered {@code eventsSoFar}
   * events; returns how it should be restarted, throws when a relist is needed.
   */
  private WatchEnd watchUntilEnd(Watch<T> w, int timeoutSeconds, long start, int eventsSoFar) {
    Clock clock = options.clock();
    long deadline = start + Duration.ofSeconds(timeoutSeconds).plus(WATCH_GRACE).toNanos();
    long slice = clock instanceof Clock.SystemClock ? Long.MAX_VALUE : FAKE_CLOCK_POLL.toNanos();
    int events = eventsSoFar;
    try {
      while (!stopped) {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
          LOG.warn("{}: the watch is still open {} s after the {} s it asked the server for; closing it and "
              + "watching again from {}", name, WATCH_GRACE.toSeconds(), timeoutSeconds, lastSyncResourceVersion);
          return WatchEnd.REWATCH;
        }
        Optional<WatchEvent<T>> next = w.poll(Duration.ofNanos(Math.min(left, slice)));
        if (next.isEmpty()) {
          if (w.isDone()) {
            break;
          }
          continue;
        }
        events++;
        WatchEvent<T> event = next.get();
        if (event.type() == WatchEvent.Type.ERROR) {
          KubeApiException error = errorOf(event);
          if (isRetriableWatchError(error)) {
            LOG.info("{}: watch ended with ERROR {} ({}); backing off, then watching again from {}", name,
                error.code(), error.getMessage(), lastSyncResourceVersion);
            return WatchEnd.BACK_OFF_AND_REWATCH;
          }
          throw error;
        }
        handle(event);
      }
    } catch (WatchException e) {
      if (stopped) {
        return WatchEnd.REWATCH;
      }
      LOG.debug("{}: watch stream broke after {} events, watching again from {}: {}", name, events,
          lastSyncResourceVersion, e.getMessage());
    }
    if (!stopped && events == 0 && clock.since(start).compareTo(SHORT_WATCH) < 0) {
      throw new WatchException(name + ": very short watch: the watch ended within a second and sent no events");
    }
    return WatchEnd.REWATCH;
  }

  private static KubeApiException errorOf(WatchEvent<?> event) {
    Status status = event.status() == null ? Status.failure(500, "InternalError", "watch ERROR event without status")
        : event.status();
    return new KubeApiException(status);
  }

  /** 429 and 5xx in an ERROR event: the server is busy or unwell, the resourceVersion is still good. */
  private static boolean isRetriableWatchError(KubeApiException e) {
    int code = e.code();
    return !e.isExpired() && !e.isGone() && (code == 429 || code >= 500);
  }

  private void handle(WatchEvent<T> event) {
    switch (event.type()) {
      case BOOKMARK -> rememberVersionOf(event.object());
      case ADDED, MODIFIED, DELETED -> {
        Object raw = event.object();
        if (!type.isInstance(raw)) {
          LOG.error("{}: expected {} in a watch event, got {}; skipped", name, type.getName(),
              raw == null ? "null" : raw.getClass().getName());
          return;
        }
        T obj = type.cast(raw);
        try {
          switch (event.type()) {
            case ADDED -> store.add(obj);
            case MODIFIED -> store.update(obj);
            default -> store.delete(obj);
          }
        } catch (RuntimeException e) {
          // as client-go: the event is lost for the store, the reflector goes on
          LOG.error("{}: the store refused {} of {}; event skipped: {}", name, event.type(), describe(obj), e.toString(), e);
        }
        rememberVersionOf(obj);
      }
      default -> throw new IllegalStateException("unknown watch event type " + event.type());
    }
  }

  private static String describe(KubernetesObject obj) {
    ObjectMeta meta = obj.getMetadata();
    if (meta == null) {
      return "an object without metadata";
    }
    String ns = meta.getNamespace();
    return (ns == null || ns.isEmpty() ? "" : ns + "/") + meta.getName() + "@" + meta.getResourceVersion();
  }

  private void rememberVersionOf(T obj) {
    if (obj != null && obj.getMetadata() != null) {
      String rv = obj.getMetadata().getResourceVersion();
      if (rv != null && !rv.isEmpty()) {
        lastSyncResourceVersion = rv;
      }
    }
  }

  /** client-go's choice: a whole number of seconds drawn between the minimum and twice that. */
  private int watchTimeoutSeconds() {
    long min = options.minWatchTimeout().getSeconds();
    return (int) Math.min(Integer.MAX_VALUE, min + (long) (random.nextDouble() * min));
  }

  private void list() {
    long listStart = options.clock().nanoTime();
    List<T> items = new ArrayList<>();
    String resourceVersion = null;
    String continueToken = null;
    String listFrom = listResourceVersion();
    long pageSize = listFrom == null || listFrom.equals("0") ? options.pageSize() : 0;
    int page = 0;
    while (true) {
      ListOptions.Builder opts = ListOptions.builder();
      if (continueToken == null) {
        opts.resourceVersion(listFrom);
      }
      if (pageSize > 0) {
        opts.limit(pageSize).continueToken(continueToken);
      }
      ListOptions listOptions = opts.build();
      page++;
      ObjectList<T> result;
      try {
        listCalls++;
        result = calls.call("list page " + page, options.callTimeout(), () -> listWatch.list(listOptions), r -> { });
      } catch (RuntimeException e) {
        if (continueToken != null && ApiErrors.isExpired(e) && !stopped) {
          LOG.debug("{}: continue token expired, listing everything at once", name);
          items.clear();
          continueToken = null;
          resourceVersion = null;
          pageSize = 0;
          continue;
        }
        if (listFrom != null && continueToken == null && !stopped
            && (ApiErrors.isExpired(e) || ApiErrors.isTooLargeResourceVersion(e))) {
          // as client-go: the version is not available, list the newest state consistently
          LOG.debug("{}: cannot list at resourceVersion {} ({}), listing the newest state", name, listFrom, e.getMessage());
          lastSyncResourceVersionUnavailable = true;
          items.clear();
          listFrom = null;
          resourceVersion = null;
          pageSize = options.pageSize();
          continue;
        }
        throw e;
      }
      for (Object item : result.getItems()) {
        if (!type.isInstance(item)) {
          throw new IllegalStateException(name + ": expected " + type.getName() + " in the list, got "
              + (item == null ? "null" : item.getClass().getName()));
        }
        items.add(type.cast(item));
      }
      if (resourceVersion == null) {
        // as client-go's pager: the list is at the resourceVersion of its first page
        resourceVersion = result.getMetadata().getResourceVersion();
      }
      continueToken = Optional.ofNullable(result.getMetadata().getContinue()).filter(s -> !s.isEmpty()).orElse(null);
      if (continueToken == null) {
        break;
      }
    }
    if (stopped) {
      return;
    }
    metrics.listed(items.size(), options.clock().since(listStart), fullLists++ > 0);
    store.replace(items, resourceVersion);
    lastSyncResourceVersion = resourceVersion == null ? "" : resourceVersion;
    lastSyncResourceVersionUnavailable = false;
  }

  /**
   * The resourceVersion to list at: none (consistent) except in {@link ListMode#CACHED} mode,
   * where it is client-go's choice: "0" (any cached state) first, then the last one seen, and none
   * after that one was refused.
   */
  private String listResourceVersion() {
    if (options.listMode() != ListMode.CACHED || lastSyncResourceVersionUnavailable) {
      return null;
    }
    String last = lastSyncResourceVersion;
    return last.isEmpty() ? "0" : last;
  }

  /**
   * Opens a watch-list stream and reads the initial state from it. Returns the open watch after
   * the store was replaced with that state, or null (the watch closed) when the reflector should
   * list instead: the server refused the request or the stream failed (logged), or stop() was
   * called. As client-go: when the server says the resourceVersion asked for is expired or too
   * large, the stream is asked for again at once, for the newest state (no resourceVersion).
   */
  private OpenWatch<T> streamInitialState() {
    while (true) {
      boolean versionSent = !watchListResourceVersion().isEmpty();
      OpenWatch<T> open = tryStreamInitialState();
      if (open != null || stopped || !versionSent || !lastSyncResourceVersionUnavailable) {
        return open;
      }
    }
  }

  /** The resourceVersion a watch-list asks for: the last one seen, unless it was found unavailable. */
  private String watchListResourceVersion() {
    return lastSyncResourceVersionUnavailable ? "" : lastSyncResourceVersion;
  }

  /** The server cannot serve the resourceVersion asked for: too old (410) or newer than its newest. */
  private static boolean isUnavailableVersion(Throwable e) {
    return ApiErrors.isExpired(e) || ApiErrors.isTooLargeResourceVersion(e);
  }

  /** One watch-list request; see {@link #streamInitialState()}. */
  private OpenWatch<T> tryStreamInitialState() {
    Clock clock = options.clock();
    int timeoutSeconds = watchTimeoutSeconds();
    String from = watchListResourceVersion();
    ListOptions opts = ListOptions.builder()
        .resourceVersion(from.isEmpty() ? null : from)
        .resourceVersionMatch("NotOlderThan")
        .sendInitialEvents(true)
        .allowWatchBookmarks(true)
        .timeoutSeconds(timeoutSeconds)
        .build();
    Watch<T> w;
    try {
      watchCalls++;
      w = calls.call("watch-list from resourceVersion \"" + from + "\"", options.callTimeout(), () -> listWatch.watch(opts),
          Watch::close);
    } catch (RuntimeException e) {
      if (!stopped && !from.isEmpty() && isUnavailableVersion(e)) {
        lastSyncResourceVersionUnavailable = true;
        LOG.debug("{}: cannot stream from resourceVersion {} ({}), streaming the newest state", name, from, e.getMessage());
        return null;
      }
      if (!stopped) {
        if (ApiErrors.refusesRequest(e)) {
          watchListUnsupported = true;
        }
        LOG.warn("{}: the watch-list request failed, listing instead: {}", name, e.toString());
      }
      return null;
    }
    currentWatch = w;
    metrics.watchStarted();
    long start = clock.nanoTime();
    OpenWatch<T> open = null;
    try {
      open = receiveInitialState(w, timeoutSeconds, start);
      return open;
    } finally {
      if (open == null) {
        currentWatch = null;
        w.close();
        metrics.watchEnded(clock.since(start));
      }
    }
  }

  /** Reads the initial events up to their end bookmark and replaces the store; null to list instead. */
  private OpenWatch<T> receiveInitialState(Watch<T> w, int timeoutSeconds, long start) {
    Clock clock = options.clock();
    long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
    long slice = clock instanceof Clock.SystemClock ? Long.MAX_VALUE : FAKE_CLOCK_POLL.toNanos();
    Map<String, T> state = new LinkedHashMap<>();
    int events = 0;
    try {
      while (!stopped) {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
          LOG.warn("{}: no end of the initial events within {} s; listing instead", name, timeoutSeconds);
          return null;
        }
        Optional<WatchEvent<T>> next = w.poll(Duration.ofNanos(Math.min(left, slice)));
        if (next.isEmpty()) {
          if (w.isDone()) {
            LOG.warn("{}: the watch-list stream ended after {} events, before the end of the initial events; "
                + "listing instead", name, events);
            return null;
          }
          continue;
        }
        events++;
        WatchEvent<T> event = next.get();
        switch (event.type()) {
          case ERROR -> {
            KubeApiException error = errorOf(event);
            if (isUnavailableVersion(error)) {
              lastSyncResourceVersionUnavailable = true;
              LOG.debug("{}: the watch-list stream says its resourceVersion is unavailable ({}); streaming the newest "
                  + "state", name, error.getMessage());
              return null;
            }
            LOG.warn("{}: the watch-list stream sent an error, listing instead: {}", name, error.getMessage());
            return null;
          }
          case BOOKMARK -> {
            if (!isInitialEventsEnd(event.object())) {
              watchListUnsupported = true;
              LOG.warn("{}: the server sent a bookmark before the end of the initial events: it does not support "
                  + "watch-list streams; listing from now on", name);
              return null;
            }
            String rv = event.object().getMetadata().getResourceVersion();
            metrics.listed(state.size(), clock.since(start), fullLists++ > 0);
            store.replace(new ArrayList<>(state.values()), rv);
            lastSyncResourceVersion = rv == null ? "" : rv;
            lastSyncResourceVersionUnavailable = false;
            return new OpenWatch<>(w, timeoutSeconds, start, events);
          }
          case ADDED, MODIFIED, DELETED -> {
            Object raw = event.object();
            if (!type.isInstance(raw)) {
              LOG.error("{}: expected {} in a watch event, got {}; skipped", name, type.getName(),
                  raw == null ? "null" : raw.getClass().getName());
              continue;
            }
            T obj = type.cast(raw);
            if (event.type() == WatchEvent.Type.DELETED) {
              state.remove(keyOf(obj));
            } else {
              state.put(keyOf(obj), obj);
            }
          }
          default -> throw new IllegalStateException("unknown watch event type " + event.type());
        }
      }
    } catch (WatchException e) {
      if (!stopped) {
        LOG.warn("{}: the watch-list stream broke after {} events, listing instead: {}", name, events, e.getMessage());
      }
    }
    return null;
  }

  private static boolean isInitialEventsEnd(KubernetesObject bookmark) {
    return bookmark != null && bookmark.getMetadata() != null
        && "true".equals(bookmark.getMetadata().getAnnotations().get(INITIAL_EVENTS_END));
  }

  private static String keyOf(KubernetesObject obj) {
    ObjectMeta meta = obj.getMetadata();
    if (meta == null) {
      return "";
    }
    String ns = meta.getNamespace();
    return ns == null || ns.isEmpty() ? meta.getName() : ns + "/" + meta.getName();
  }
}
