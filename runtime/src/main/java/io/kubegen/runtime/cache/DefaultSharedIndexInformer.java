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
 */
final class DefaultSharedIndexInformer<T extends KubernetesObject> implements SharedIndexInformer<T> {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSharedIndexInformer.class);
  private static final long MIN_RESYNC_NANOS = Duration.ofSeconds(1).toNanos();

  private final String name;
  private final ListWatch<T> listWatch;
  private final Class<T> type;
  private final Indexer<T> indexer;
  private final FifoMode fifoMode;
  private final ReflectorOptions reflectorOptions;
  private final Clock clock;
  private final long defaultResyncNanos;
  private final AtomicInteger handlerCount = new AtomicInteger();
  /** Guards listeners, syncingListeners, resyncCheckNanos and the start/stop state. */
  private final ReentrantLock processLock = new ReentrantLock();
  private final List<ProcessorListener<T>> listeners = new ArrayList<>();
  private List<ProcessorListener<T>> syncingListeners = new ArrayList<>();
  private final CountDownLatch stoppedLatch = new CountDownLatch(1);
  private long resyncCheckNanos;
  private volatile UnaryOperator<T> transform;
  private volatile InformerMetrics metrics = InformerMetrics.NONE;
  private volatile InformerMetrics.Recorder recorder = InformerMetrics.Recorder.NONE;
  private volatile WatchErrorHandler watchErrorHandler = Reflector.DEFAULT_WATCH_ERROR_HANDLER;
  private volatile BiConsumer<ResourceEventHandler<? super T>, Throwable> exceptionHandler =
      (h, e) -> LOG.error("event handler {} failed", h, e);
  private volatile DeltaQueue<T> queue;
  private volatile Reflector<T> reflector;
  private Thread reflectorThread;
  private Thread processorThread;
  private volatile boolean started;
  private volatile boolean stopped;

  DefaultSharedIndexInformer(SharedInformerBuilder<T> b) {
    this.name = b.name;
    this.listWatch = b.listWatch;
    this.type = b.type;
    this.indexer = Cache.newIndexer(b.indexers);
    this.fifoMode = b.fifoMode;
    this.reflectorOptions = b.reflectorOptions;
    this.clock = b.reflectorOptions.clock();
    this.defaultResyncNanos = b.resync.toNanos();
    this.resyncCheckNanos = defaultResyncNanos;
    this.metrics = b.metrics;
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
      ProcessorListener<T> listener = new ProcessorListener<>(handler, resync, this::hasSynced,
          (h, e) -> exceptionHandler.accept(h, e),
          "informer-" + name + "-handler-" + handlerCount.incrementAndGet());
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
      syncingListeners.remove(found);
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
    processLock.lock();
    try {
      if (started) {
        throw new IllegalStateException("informer " + name + " has started; set the transform before start()");
      }
      this.transform = transform;
    } finally {
      processLock.unlock();
    }
  }

  @Override
  public void setWatchErrorHandler(WatchErrorHandler handler) {
    processLock.lock();
    try {
      if (started) {
        throw new IllegalStateException("informer " + name + " has started; set the watch error handler before start()");
      }
      this.watchErrorHandler = Objects.requireNonNull(handler, "handler");
    } finally {
      processLock.unlock();
    }
  }

  @Override
  public void setMetrics(InformerMetrics metrics) {
    processLock.lock();
    try {
      if (started) {
        throw new IllegalStateException("informer " + name + " has started; set the metrics before start()");
      }
      this.metrics = Objects.requireNonNull(metrics, "metrics");
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
      DeltaQueue<T> q = fifoMode == FifoMode.IN_ORDER
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
      reflectorThread = new Thread(r::run, "informer-" + name + "-reflector");
      reflectorThread.setDaemon(true);
      processorThread.start();
      reflectorThread.start();
    } finally {
      processLock.unlock();
    }
  }

  @Override
  public void run() {
    if (!isStarted()) {
      start();
    }
    try {
      stoppedLatch.await();
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
    stoppedLatch.countDown();
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
    return q != null && q.hasSynced();
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
    return "SharedIndexInformer{" + name + ", synced=" + hasSynced() + ", rv=" + lastSyncResourceVersion() + "}";
  }

  /** Pops the queue until it is closed. */
  private void processLoop() {
    DeltaQueue<T> q = queue;
    while (!stopped) {
      try {
        if (!q.pop(this::handleDeltas)) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.error("informer {}: processing a change failed", name, e);
      }
    }
  }

  /** Applies deltas to the indexer and notifies the handlers; runs under the queue's lock. */
  private void handleDeltas(List<Delta<T>> deltas, boolean isInInitialList) {
    processLock.lock();
    try {
      for (Delta<T> d : deltas) {
        recorder.handled(d.type());
        switch (d.type()) {
          case SYNC, REPLACED, ADDED, UPDATED -> {
            T obj = d.unwrap();
            Optional<T> old = indexer.get(obj);
            if (old.isPresent()) {
              indexer.update(obj);
              boolean isSync = d.type() == DeltaType.SYNC
                  || (d.type() == DeltaType.REPLACED && sameResourceVersion(old.get(), obj));
              distribute(new Notification.Update<>(old.get(), obj), isSync);
            } else {
              indexer.add(obj);
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
    } finally {
      processLock.unlock();
    }
  }

  private static boolean sameResourceVersion(KubernetesObject a, KubernetesObject b) {
    String ra = a.getMetadata() == null ? null : a.getMetadata().getResourceVersion();
    String rb = b.getMetadata() == null ? null : b.getMetadata().getResourceVersion();
    return ra != null && ra.equals(rb);
  }

  private void distribute(Notification<T> n, boolean isSync) {
    for (ProcessorListener<T> l : isSync ? syncingListeners : listeners) {
      l.add(n);
    }
  }

  /** Decides which handlers are due for a resync; true if any is. Called by the resync thread. */
  private boolean shouldResync() {
    processLock.lock();
    try {
      long now = clock.nanoTime();
      List<ProcessorListener<T>> due = new ArrayList<>();
      for (ProcessorListener<T> l : listeners) {
        if (l.resyncNanos > 0 && now - l.nextResyncNanos >= 0) {
          due.add(l);
          l.nextResyncNanos = now + l.resyncNanos;
        }
      }
      syncingListeners = due;
      return !due.isEmpty();
    } finally {
      processLock.unlock();
    }
  }
}
