package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import io.kubegen.runtime.watch.WatchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>lists in pages of {@link ReflectorOptions#pageSize()} following {@code continue} tokens,
 *       from the most recent state, and falls back to one unpaged list when a continue token
 *       expired; the result goes to {@link Store#replace};</li>
 *   <li>watches from the list's resourceVersion with bookmarks and a random timeout between
 *       {@code minWatchTimeout} and twice that, feeding ADDED/MODIFIED/DELETED to the store and
 *       remembering the newest resourceVersion (bookmarks included);</li>
 *   <li>when a watch ends normally or its stream breaks, watches again from the last seen
 *       resourceVersion, without relisting;</li>
 *   <li>when the server says the resourceVersion is too old (410 Gone / Expired, as an error or as
 *       an ERROR event), when a watch ends within a second without events, or on any other
 *       error, hands the error to the {@link WatchErrorHandler}, backs off and relists;</li>
 *   <li>backs off between failures with jittered exponential delays (0.8 s doubling to 30 s,
 *       reset after 2 minutes without failure), also before retrying a watch refused with 429 or
 *       a refused connection: while the server is down, calls are spaced out, never looped;</li>
 *   <li>every {@code resyncPeriod} (when positive), calls {@link Store#resync()} if
 *       {@code shouldResync} agrees.</li>
 * </ol>
 *
 * <p>Threading: {@link #run()} blocks its caller until {@link #stop()}; it also starts (and
 * joins) one resync thread when a resync period is set. {@link #stop()} and the accessors may be
 * called from any thread.
 *
 * @param <T> the object type
 */
public final class Reflector<T extends KubernetesObject> {
  private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
  private static final Duration SHORT_WATCH = Duration.ofSeconds(1);

  /** Logs the error: expiry at debug level (it is routine), everything else as a warning. */
  public static final WatchErrorHandler DEFAULT_WATCH_ERROR_HANDLER = (r, e) -> {
    if (ApiErrors.isExpired(e)) {
      LOG.debug("{}: watch ended, relisting: {}", r.name(), e.getMessage());
    } else {
      LOG.warn("{}: list/watch failed, will back off and relist: {}", r.name(), e.toString());
    }
  };

  private final String name;
  private final ListWatch<T> listWatch;
  private final Class<T> type;
  private final Store<T> store;
  private final Duration resyncPeriod;
  private final BooleanSupplier shouldResync;
  private final ReflectorOptions options;
  private final Backoff backoff;
  private final ClockWaiter waiter;
  private final Random random = new Random();
  private volatile WatchErrorHandler watchErrorHandler = DEFAULT_WATCH_ERROR_HANDLER;
  private volatile String lastSyncResourceVersion = "";
  private volatile boolean stopped;
  private volatile Watch<T> currentWatch;
  private volatile Thread runner;
  private volatile int listCalls;
  private volatile int watchCalls;
  private volatile InformerMetrics.Recorder metrics = InformerMetrics.Recorder.NONE;
  private int fullLists;

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
  }

  /** The name given at construction. */
  public String name() { return name; }

  /** The resourceVersion of the last list, watch event or bookmark seen; "" before the first list. */
  public String lastSyncResourceVersion() { return lastSyncResourceVersion; }

  /** Number of list calls made so far (all pages count). */
  public int listCalls() { return listCalls; }

  /** Number of watch calls made so far. */
  public int watchCalls() { return watchCalls; }

  /** Sets the handler of list/watch errors; call before {@link #run()}. */
  public void setWatchErrorHandler(WatchErrorHandler handler) {
    this.watchErrorHandler = handler == null ? DEFAULT_WATCH_ERROR_HANDLER : handler;
  }

  /** Sets where lists and watches are reported; call before {@link #run()}. */
  public void setMetrics(InformerMetrics.Recorder recorder) {
    this.metrics = recorder == null ? InformerMetrics.Recorder.NONE : recorder;
  }

  /** Lists and watches until {@link #stop()}; blocks the calling thread. Call once. */
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
          watchErrorHandler.onWatchError(this, e);
        }
        if (stopped || !waiter.await(backoff.next())) {
          break;
        }
      }
    } finally {
      if (resync != null) {
        resync.interrupt();
        Threads.joinUninterruptibly(resync);
      }
      Thread.interrupted(); // stop() may have interrupted us to abort a call; do not leak the flag
    }
  }

  /** Stops {@link #run()}: closes the current watch, wakes any backoff, aborts a blocked call. */
  public void stop() {
    stopped = true;
    waiter.stop();
    Watch<T> w = currentWatch;
    if (w != null) {
      w.close();
    }
    Thread t = runner;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  /** Whether {@link #stop()} was called. */
  public boolean isStopped() { return stopped; }

  private Thread startResyncThread() {
    if (resyncPeriod.isZero()) {
      return null;
    }
    Thread t = new Thread(() -> {
      while (waiter.await(resyncPeriod)) {
        if (shouldResync.getAsBoolean()) {
          store.resync();
        }
      }
    }, name + "-resync");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void listAndWatch() {
    list();
    while (!stopped) {
      Watch<T> w;
      try {
        ListOptions opts = ListOptions.builder()
            .resourceVersion(lastSyncResourceVersion)
            .allowWatchBookmarks(true)
            .timeoutSeconds(watchTimeoutSeconds())
            .build();
        watchCalls++;
        w = listWatch.watch(opts);
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        if (ApiErrors.isTooManyRequests(e) || ApiErrors.isConnectionRefused(e)) {
          LOG.debug("{}: watch refused ({}), backing off", name, e.getMessage());
          if (!waiter.await(backoff.next())) {
            return;
          }
          continue;
        }
        throw e;
      }
      currentWatch = w;
      metrics.watchStarted();
      long watchStart = options.clock().nanoTime();
      try {
        if (stopped) {
          return;
        }
        watchUntilEnd(w);
      } finally {
        currentWatch = null;
        w.close();
        metrics.watchEnded(options.clock().since(watchStart));
      }
    }
  }

  /** Consumes one watch; returns normally when it should simply be restarted. */
  private void watchUntilEnd(Watch<T> w) {
    long start = options.clock().nanoTime();
    int events = 0;
    try {
      while (!stopped && w.hasNext()) {
        WatchEvent<T> event = w.next();
        events++;
        handle(event);
      }
    } catch (WatchException e) {
      if (stopped) {
        return;
      }
      LOG.debug("{}: watch stream broke after {} events, watching again from {}: {}", name, events,
          lastSyncResourceVersion, e.getMessage());
    }
    if (!stopped && events == 0 && options.clock().since(start).compareTo(SHORT_WATCH) < 0) {
      throw new WatchException(name + ": very short watch: the watch ended within a second and sent no events");
    }
  }

  private void handle(WatchEvent<T> event) {
    switch (event.type()) {
      case ERROR -> {
        Status status = event.status() == null ? Status.failure(500, "InternalError", "watch ERROR event without status")
            : event.status();
        throw new KubeApiException(status);
      }
      case BOOKMARK -> rememberVersionOf(event.object());
      case ADDED, MODIFIED, DELETED -> {
        Object raw = event.object();
        if (!type.isInstance(raw)) {
          LOG.error("{}: expected {} in a watch event, got {}; skipped", name, type.getName(),
              raw == null ? "null" : raw.getClass().getName());
          return;
        }
        T obj = type.cast(raw);
        switch (event.type()) {
          case ADDED -> store.add(obj);
          case MODIFIED -> store.update(obj);
          default -> store.delete(obj);
        }
        rememberVersionOf(obj);
      }
      default -> throw new IllegalStateException("unknown watch event type " + event.type());
    }
  }

  private void rememberVersionOf(T obj) {
    if (obj != null && obj.getMetadata() != null) {
      String rv = obj.getMetadata().getResourceVersion();
      if (rv != null && !rv.isEmpty()) {
        lastSyncResourceVersion = rv;
      }
    }
  }

  private int watchTimeoutSeconds() {
    long min = options.minWatchTimeout().getSeconds();
    return (int) Math.min(Integer.MAX_VALUE, min + (long) (random.nextDouble() * min));
  }

  private void list() {
    long listStart = options.clock().nanoTime();
    List<T> items = new ArrayList<>();
    String resourceVersion;
    String continueToken = null;
    long pageSize = options.pageSize();
    while (true) {
      ListOptions.Builder opts = ListOptions.builder();
      if (pageSize > 0) {
        opts.limit(pageSize).continueToken(continueToken);
      }
      ObjectList<T> page;
      try {
        listCalls++;
        page = listWatch.list(opts.build());
      } catch (RuntimeException e) {
        if (continueToken != null && ApiErrors.isExpired(e) && !stopped) {
          LOG.debug("{}: continue token expired, listing everything at once", name);
          items.clear();
          continueToken = null;
          pageSize = 0;
          continue;
        }
        throw e;
      }
      for (Object item : page.getItems()) {
        if (!type.isInstance(item)) {
          throw new IllegalStateException(name + ": expected " + type.getName() + " in the list, got "
              + (item == null ? "null" : item.getClass().getName()));
        }
        items.add(type.cast(item));
      }
      resourceVersion = page.getMetadata().getResourceVersion();
      continueToken = Optional.ofNullable(page.getMetadata().getContinue()).filter(s -> !s.isEmpty()).orElse(null);
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
  }
}
