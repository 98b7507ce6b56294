package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.cache.ProcessorListener.Notification;
import io.kubegen.runtime.workqueue.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SharedIndexInformer} implementation. A reflector thread fills a {@link DeltaQueue};
 * a processing thread pops it, updates the indexer and queues notifications for the handlers
 * while holding {@code processLock}; adding a handler takes the same lock, so a late handler's
 * replay of the cache and the live notifications neither overlap nor leave a gap.
 *
 * <p>Failures: a change the indexer refuses (an index function threw) is logged with its key and
 * skipped, and processing goes on. An {@link Error} on any thread of the informer is recorded
 * ({@link #lastError()}), after which the informer reports itself neither synced nor running; an
 * error on the reflector, resync or processing thread also stops the reflector and closes the
 * queue, so nothing piles up behind a dead consumer.
 */
final class DefaultSharedIndexInformer<T extends KubernetesObject> implements SharedIndexInformer<T> {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSharedIndexInformer.class);
  private static final long MIN_RESYNC_NANOS = Duration.ofSeconds(1).toNanos();

  private final String name;
  private final ListWatch<T> listWatch;
  private final Class<T> type;
  private final CacheIndexer<T> indexer;
  private final FifoMode fifoMode;
  private final ReflectorOptions reflectorOptions;
  private final Clock clock;
  private final long defaultResyncNanos;
  private final AtomicInteger handlerCount = new AtomicInteger();
  /** Guards listeners (and their syncing flags), resyncCheckNanos and the start/stop state. */
  private final ReentrantLock processLock = new ReentrantLock();
  private final List<ProcessorListener<T>> listeners = new ArrayList<>();
  /**
   * The most queue entries the processing thread pops in one go (one lock of the queue) before it
   * hands the notifications of the burst to the handlers' threads and wakes them.
   */
  private static final int BURST = 64;
  /** Released by stop() and by a failure: what run() waits for. */
  private final CountDownLatch notRunning = new CountDownLatch(1);
  private long resyncCheckNanos;
  private volatile UnaryOperator<T> transform;
  private volatile InformerMetrics metrics = InformerMetrics.NONE;
  private volatile InformerMetrics.Recorder recorder = InformerMetrics.Recorder.NONE;
  private volatile WatchErrorHandler watchErrorHandler = Reflector.DEFAULT_WATCH_ERROR_HANDLER;
  private volatile BiConsumer<ResourceEventHandler<? super T>, Throwable> exceptionHandler;
  private volatile DeltaQueue<T> queue;
  private volatile Reflector<T> reflector;
  private Thread reflectorThread;
  private Thread processorThread;
  private volatile boolean started;
  private volatile boolean stopped;
  private volatile Throwable failure;

  DefaultSharedIndexInformer(SharedInformerBuilder<T> b) {
    this.name = b.name;
    this.listWatch = b.listWatch;
    this.type = b.type;
    this.indexer = Cache.newCacheIndexer(b.indexers);
    this.fifoMode = b.fifoMode;
    this.reflectorOptions = b.reflectorOptions;
    this.clock = b.reflectorOptions.clock();
    this.defaultResyncNanos = b.resync.toNanos();
    this.resyncCheckNanos = defaultResyncNanos;
    this.metrics = b.metrics;
    this.exceptionHandler = (h, e) -> LOG.error("informer {}: event handler {} failed", name, h, e);
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler) {
    return addEventHandler(handler, Duration.ofNanos(defaultResyncNanos));
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler, Duration resyncPeriod) {
    Objects.requireNonNull(handler, "handler");
    long resync = resyncPeriod == null || resyncPeriod.isNegative() ? 0 : resyncPeriod.toNanos();
    processLock.lock();
    try {
      if (stopped) {
        throw new IllegalStateException("informer " + name + " is stopped; cannot add a handler");
      }
      if (resync > 0) {
        if (resync < MIN_RESYNC_NANOS) {
          LOG.warn("informer {}: resync period {} raised to the minimum of 1s", name, resyncPeriod);
          resync = MIN_RESYNC_NANOS;
        }
        if (resyncCheckNanos == 0 || resync < resyncCheckNanos) {
          if (started) {
            LOG.warn("informer {}: resync period {} is shorter than the running informer's check period; using {}",
                name, resyncPeriod, Duration.ofNanos(resyncCheckNanos));
            resync = resyncCheckNanos == 0 ? 0 : resyncCheckNanos;
          } else {
            resyncCheckNanos = resync;
          }
        }
      }
      String threadName = "informer-" + name + "-handler-" + handlerCount.incrementAndGet();
      ProcessorListener<T> listener = new ProcessorListener<>(handler, resync, this::hasSynced,
          () -> failure != null, (h, e) -> exceptionHandler.accept(h, e),
          e -> fail("the handler thread " + threadName, e, false), threadName);
      listener.nextResyncNanos = clock.nanoTime() + resync;
      listeners.add(listener);
      if (started) {
        for (T obj : indexer.list()) {
          listener.add(new Notification.Add<>(obj, true));
        }
        listener.start();
      }
      return listener;
    } finally {
      processLock.unlock();
    }
  }

  @Override
  public void removeEventHandler(ResourceEventHandlerRegistration registration) {
    ProcessorListener<T> found = null;
    processLock.lock();
    try {
      for (ProcessorListener<T> l : listeners) {
        if (l == registration) {
          found = l;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("not a handler of informer " + name + ": " + registration);
      }
      listeners.remove(found);
    } finally {
      processLock.unlock();
    }
    found.stop();
  }

  @Override
  public Indexer<T> getIndexer() {
    return indexer;
  }

  @Override
  public void addIndexers(Map<String, IndexFunction<T>> indexers) {
    indexer.addIndexers(indexers);
  }

  @Override
  public void setTransform(UnaryOperator<T> transform) {
    beforeStart("transform", () -> this.transform = transform);
  }

  @Override
  public void setWatchErrorHandler(WatchErrorHandler handler) {
    beforeStart("watch error handler", () -> this.watchErrorHandler = Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public void setMetrics(InformerMetrics metrics) {
    beforeStart("metrics", () -> this.metrics = Objects.requireNonNull(metrics, "metrics"));
  }

  /** Runs a setting under the processing lock; refused once the informer has started. */
  private void beforeStart(String what, Runnable setting) {
    processLock.lock();
    try {
      if (started) {
        throw new IllegalStateException("informer " + name + " has started; set the " + what + " before start()");
      }
      setting.run();
    } finally {
      processLock.unlock();
    }
  }

  @Override
  public void setExceptionHandler(BiConsumer<ResourceEventHandler<? super T>, Throwable> handler) {
    this.exceptionHandler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void start() {
    processLock.lock();
    try {
      if (stopped) {
        throw new IllegalStateException("informer " + name + " was stopped; informers cannot be restarted");
      }
      if (started) {
        throw new IllegalStateException("informer " + name + " was already started");
      }
      started = true;
      try {
        startThreads();
      } catch (RuntimeException | Error e) {
        fail("start()", e, true);
        throw e;
      }
    } finally {
      processLock.unlock();
    }
  }

  private void startThreads() {
    AbstractDeltaQueue<T> q = fifoMode == FifoMode.IN_ORDER
        ? new InOrderFIFO<>(Cache.metaNamespaceKeyFunction(), indexer)
        : new DeltaFIFO<>(Cache.metaNamespaceKeyFunction(), indexer);
    q.setTransform(transform);
    queue = q;
    Reflector<T> r = new Reflector<>("informer-" + name, listWatch, type, q, Duration.ofNanos(resyncCheckNanos),
        this::shouldResync, reflectorOptions);
    r.setWatchErrorHandler(watchErrorHandler);
    recorder = metrics.recorderFor(name, this);
    r.setMetrics(recorder);
    reflector = r;
    listeners.forEach(ProcessorListener::start);
    processorThread = new Thread(this::processLoop, "informer-" + name + "-controller");
    processorThread.setDaemon(true);
    reflectorThread = new Thread(() -> runReflector(r), "informer-" + name + "-reflector");
    reflectorThread.setDaemon(true);
    processorThread.start();
    reflectorThread.start();
  }

  private void runReflector(Reflector<T> r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      fail("the reflector thread", e, true);
    }
  }

  /**
   * Records an error that ended {@code what} (one of the informer's threads, or its start): from
   * now on the informer is neither synced nor running. {@code stopPipeline}: also stop the
   * reflector and close the queue.
   */
  private void fail(String what, Throwable e, boolean stopPipeline) {
    failure = e;
    notRunning.countDown();
    try {
      LOG.error("informer {}: {} failed with {}; the informer no longer reports itself synced or running", name,
          what, e.toString(), e);
    } catch (Throwable ignored) {
      // logging may fail too (out of memory): the failure is recorded either way
    }
    if (stopPipeline) {
      Reflector<T> r = reflector;
      if (r != null) {
        r.stop();
      }
      DeltaQueue<T> q = queue;
      if (q != null) {
        q.close();
      }
    }
  }

  @Override
  public void run() {
    if (!isStarted()) {
      start();
    }
    try {
      notRunning.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    List<ProcessorListener<T>> toStop;
    Thread reflectorT;
    Thread processorT;
    processLock.lock();
    try {
      if (stopped) {
        return;
      }
      stopped = true;
      toStop = new ArrayList<>(listeners);
      reflectorT = reflectorThread;
      processorT = processorThread;
    } finally {
      processLock.unlock();
    }
    Reflector<T> r = reflector;
    if (r != null) {
      r.stop();
    }
    DeltaQueue<T> q = queue;
    if (q != null) {
      q.close();
    }
    Threads.joinUninterruptibly(reflectorT);
    Threads.joinUninterruptibly(processorT);
    toStop.forEach(ProcessorListener::stop);
    notRunning.countDown();
  }

  @Override
  public boolean isStarted() {
    return started;
  }

  @Override
  public boolean isStopped() {
    return stopped;
  }

  @Override
  public boolean hasSynced() {
    DeltaQueue<T> q = queue;
    return failure == null && q != null && q.hasSynced();
  }

  @Override
  public boolean isRunning() {
    return started && !stopped && failure == null;
  }

  @Override
  public Optional<Throwable> lastError() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String lastSyncResourceVersion() {
    Reflector<T> r = reflector;
    return r == null ? "" : r.lastSyncResourceVersion();
  }

  @Override
  public Class<T> getApiType() {
    return type;
  }

  @Override
  public String toString() {
    return "SharedIndexInformer{" + name + ", synced=" + hasSynced() + ", rv=" + lastSyncResourceVersion()
        + (failure == null ? "" : ", failed: " + failure) + "}";
  }

  /**
   * Pops the queue until it is closed, a burst at a time (whatever is queued, up to
   * {@link #BURST} entries), and after each burst wakes the handlers' threads: never later than
   * when the queue runs empty, before this thread waits for the reflector. An error ends it and
   * fails the informer.
   */
  private void processLoop() {
    AbstractDeltaQueue<T> q = (AbstractDeltaQueue<T>) queue;
    try {
      while (!stopped) {
        try {
          if (!q.popBurst(this::handleDeltas, BURST)) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          LOG.error("informer {}: processing a change failed", name, e);
        } finally {
          wakeHandlers();
        }
      }
    } catch (Error e) {
      fail("the processing thread", e, true);
    }
  }

  /** Hands each handler the notifications of the last burst and wakes its thread once. */
  private void wakeHandlers() {
    processLock.lock();
    try {
      listeners.forEach(ProcessorListener::signalDeferred);
    } finally {
      processLock.unlock();
    }
  }

  /**
   * Applies deltas to the indexer and notifies the handlers; runs under the queue's lock. A delta
   * the indexer refuses is logged with its key and skipped (the cache keeps the key's previous
   * state, the handlers hear nothing of it); the next delta of that key applies as usual.
   */
  private void handleDeltas(List<Delta<T>> deltas, boolean isInInitialList) {
    processLock.lock();
    try {
      for (Delta<T> d : deltas) {
        recorder.handled(d.type());
        try {
          apply(d, isInInitialList);
        } catch (RuntimeException e) {
          LOG.error("informer {}: {} of {} not applied; the cache keeps its previous state for it: {}", name,
              d.type(), keyOf(d), e.getMessage(), e);
        }
      }
    } finally {
      processLock.unlock();
    }
  }

  private void apply(Delta<T> d, boolean isInInitialList) {
    switch (d.type()) {
      case SYNC, REPLACED, ADDED, UPDATED -> {
        T obj = d.unwrap();
        T old = indexer.put(obj);
        if (old != null) {
          // as client-go: an update that leaves the resourceVersion as it was counts as a sync
          distribute(new Notification.Update<>(old, obj), sameResourceVersion(old, obj));
        } else {
          distribute(new Notification.Add<>(obj, isInInitialList), false);
        }
      }
      case DELETED -> {
        indexer.delete(d.object());
        distribute(new Notification.Delete<>(d.unwrap(), d.isFinalStateUnknown()), false);
      }
      default -> throw new IllegalStateException("unknown delta type " + d.type());
    }
  }

  private static String keyOf(Delta<?> d) {
    try {
      return Cache.metaNamespaceKey(d.object());
    } catch (RuntimeException e) {
      return "an object without a key";
    }
  }

  private static boolean sameResourceVersion(KubernetesObject a, KubernetesObject b) {
    return resourceVersionOf(a).equals(resourceVersionOf(b));
  }

  private static String resourceVersionOf(KubernetesObject o) {
    String rv = o.getMetadata() == null ? null : o.getMetadata().getResourceVersion();
    return rv == null ? "" : rv;
  }

  /**
   * Non-sync notifications go to every handler, sync ones to the handlers flagged as syncing;
   * collected without waking the handlers' threads ({@link #processLoop} hands them over once per
   * burst).
   */
  private void distribute(Notification<T> n, boolean isSync) {
    for (ProcessorListener<T> l : listeners) {
      if (!isSync || l.syncing) {
        l.addDeferred(n);
      }
    }
  }

  /**
   * Decides which handlers are due for a resync and flags them as syncing (all others are
   * unflagged until the next check); true if any is due. Called by the resync thread.
   */
  private boolean shouldResync() {
    processLock.lock();
    try {
      long now = clock.nanoTime();
      boolean any = false;
      for (ProcessorListener<T> l : listeners) {
        l.syncing = l.resyncNanos > 0 && now - l.nextResyncNanos >= 0;
        if (l.syncing) {
          any = true;
          l.nextResyncNanos = now + l.resyncNanos;
        }
      }
      return any;
    } finally {
      processLock.unlock();
    }
  }
}
