package io.kubegen.runtime.informers;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a generated {@code SharedInformerFactory} extends: one shared informer per type however
 * often it is asked for, the factory options, and the lifecycle.
 *
 * <p>{@link TypedInformer} (what generated informers extend) calls
 * {@link #informerFor(Class, Function)} with a function that builds the informer from the
 * effective resync period, typically
 * <pre>{@code
 * informerFor(Foo.class, resync -> SharedIndexInformer.builder(
 *         listWatch(ListWatch.of(opts -> client.foos(namespace()).list(opts), opts -> client.foos(namespace()).watch(opts))),
 *         Foo.class)
 *     .resync(resync).indexers(indexers).reflectorOptions(reflectorOptionsFor(Foo.class)).build())
 * }</pre>
 * and reads {@link #namespace()}, {@link #tweakListOptions()} (or uses {@link #listWatch}) and
 * {@link #reflectorOptionsFor(Class)}.
 *
 * <p>Threading: every method is thread-safe. {@link #start()} starts, on their own threads, the
 * informers not started yet and is otherwise idempotent; informers asked for after a start are
 * started by the next {@code start()}. {@link #shutdown()} stops every informer and joins its
 * threads; the factory cannot be started again.
 */
public abstract class SharedInformerFactoryBase {
  private static final Logger LOG = LoggerFactory.getLogger(SharedInformerFactoryBase.class);
  private final Duration defaultResync;
  private final FactorySettings settings = new FactorySettings();
  private final Map<Class<?>, SharedIndexInformer<?>> informers = new LinkedHashMap<>();
  /** Types whose informer start() was called: true if it started, false if it threw. */
  private final Map<Class<?>, Boolean> startedInformers = new LinkedHashMap<>();
  private boolean shuttingDown;

  /**
   * A factory whose informers resync every {@code defaultResync} (zero or null: never), changed
   * by {@code options}.
   */
  protected SharedInformerFactoryBase(Duration defaultResync, SharedInformerOption... options) {
    if (defaultResync != null && defaultResync.isNegative()) {
      throw new IllegalArgumentException("resync must not be negative: " + defaultResync);
    }
    this.defaultResync = defaultResync == null ? Duration.ZERO : defaultResync;
    for (SharedInformerOption o : options) {
      Objects.requireNonNull(o, "option").applyTo(settings);
    }
  }

  /** The namespace to watch; "" means all namespaces. */
  public String namespace() {
    return settings.namespace;
  }

  /** The list-options tweak, or null when none was given. */
  public UnaryOperator<ListOptions> tweakListOptions() {
    return settings.tweakListOptions;
  }

  /** The default resync period of the factory's informers. */
  public Duration defaultResync() {
    return defaultResync;
  }

  /** The resync period of the informer of {@code type}: the custom one, else the default. */
  public Duration resyncFor(Class<?> type) {
    return settings.customResync.getOrDefault(type, defaultResync);
  }

  /**
   * The reflector options of the informer of {@code type} (list mode, page size, call timeout,
   * backoff), from the factory's {@link SharedInformerOption#reflectorOptions} and
   * {@link SharedInformerOption#listMode} options: a per-type setting wins over a factory-wide
   * one; {@link ReflectorOptions#defaults()} when none was given.
   */
  public ReflectorOptions reflectorOptionsFor(Class<?> type) {
    return settings.reflectorOptionsFor(type);
  }

  /** {@code base} with the factory's list-options tweak applied. */
  public <T> ListWatch<T> listWatch(ListWatch<T> base) {
    return base.withTweak(settings.tweakListOptions);
  }

  /**
   * The shared informer of {@code type}, built on first use by {@code newInformer} (given the
   * effective resync period) and then returned for every later call. The factory's transform, if
   * any, is set on a newly built informer.
   *
   * @throws IllegalStateException after {@link #shutdown()}
   */
  @SuppressWarnings("unchecked")
  public synchronized <T extends KubernetesObject> SharedIndexInformer<T> informerFor(Class<T> type,
      Function<Duration, SharedIndexInformer<T>> newInformer) {
    if (shuttingDown) {
      throw new IllegalStateException("the informer factory was shut down");
    }
    SharedIndexInformer<?> existing = informers.get(type);
    if (existing != null) {
      return (SharedIndexInformer<T>) existing;
    }
    SharedIndexInformer<T> informer = Objects.requireNonNull(newInformer.apply(resyncFor(type)), "newInformer returned null");
    if (settings.transform != null) {
      UnaryOperator<Object> t = settings.transform;
      informer.setTransform(obj -> (T) t.apply(obj));
    }
    if (settings.metrics != null) {
      informer.setMetrics(settings.metrics);
    }
    informers.put(type, informer);
    return informer;
  }

  /**
   * Starts every informer not started yet; returns at once. No-op after {@link #shutdown()}. An
   * informer someone else already started counts as started.
   *
   * <p>An informer that fails to start does not keep the others from starting: all are started
   * first, then the failures are logged and reported together. {@link #waitForCacheSync} reports
   * false for the informers that failed.
   *
   * @throws IllegalStateException naming every type whose informer failed to start (the first
   *     failure is the cause, the others are suppressed), after the others were started
   */
  public synchronized void start() {
    if (shuttingDown) {
      return;
    }
    Map<Class<?>, Throwable> failures = new LinkedHashMap<>();
    for (Map.Entry<Class<?>, SharedIndexInformer<?>> e : informers.entrySet()) {
      if (startedInformers.containsKey(e.getKey())) {
        continue;
      }
      startedInformers.put(e.getKey(), true);
      SharedIndexInformer<?> informer = e.getValue();
      if (informer.isStarted()) {
        continue;
      }
      try {
        informer.start();
      } catch (RuntimeException | Error failure) {
        startedInformers.put(e.getKey(), false);
        failures.put(e.getKey(), failure);
      }
    }
    if (failures.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    failures.forEach((type, failure) -> {
      LOG.error("the informer of {} failed to start", type.getName(), failure);
      message.append(message.length() == 0 ? "" : "; ").append(type.getName()).append(": ").append(failure);
    });
    Iterator<Throwable> it = failures.values().iterator();
    IllegalStateException reported = new IllegalStateException(failures.size() + " of " + informers.size()
        + " informers failed to start (the others were started): " + message, it.next());
    it.forEachRemaining(reported::addSuppressed);
    throw reported;
  }

  /**
   * Waits up to {@code timeout} (in total) for the started informers to sync. An informer that
   * failed to start, or whose threads ended with an error, is reported false without waiting.
   *
   * @return for every started informer's type, whether it synced in time
   */
  public Map<Class<?>, Boolean> waitForCacheSync(Duration timeout) {
    Map<Class<?>, SharedIndexInformer<?>> started = new LinkedHashMap<>();
    Map<Class<?>, Boolean> result = new LinkedHashMap<>();
    synchronized (this) {
      startedInformers.forEach((type, ok) -> {
        if (ok) {
          started.put(type, informers.get(type));
        }
        result.put(type, false);
      });
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<Class<?>, SharedIndexInformer<?>> e : started.entrySet()) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      result.put(e.getKey(), Cache.waitForCacheSync(left, e.getValue()));
    }
    return result;
  }

  /** Stops every informer and waits for their threads to end. Idempotent. */
  public void shutdown() {
    List<SharedIndexInformer<?>> toStop;
    synchronized (this) {
      shuttingDown = true;
      toStop = new ArrayList<>(informers.values());
    }
    toStop.forEach(SharedIndexInformer::stop);
  }

  /** The informers built so far, by type (a snapshot). */
  public synchronized Map<Class<?>, SharedIndexInformer<?>> informers() {
    return Map.copyOf(informers);
  }
}
