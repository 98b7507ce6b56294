package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Shared informers for resources known only at run time, over {@link GenericObject}s, as
 * client-go's {@code dynamicinformer.DynamicSharedInformerFactory}:
 * <pre>{@code
 * DynamicSharedInformerFactory factory = DynamicSharedInformerFactory.create(DynamicClient.create(client), Duration.ZERO);
 * DynamicInformer foos = factory.forResource(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos"));
 * foos.informer().addEventHandler(handler);
 * factory.start();
 * factory.waitForCacheSync(Duration.ofSeconds(30));
 * List<GenericObject> all = foos.lister().list(LabelSelector.everything());
 * }</pre>
 * One informer per resource however often it is asked for; each is the runtime's
 * {@link SharedIndexInformer} (reflector, DeltaFIFO, indexer with the namespace index) over a
 * list-watch of the {@link DynamicResource}.
 *
 * <p>Thread-safe. {@link #start()} starts, on their own threads, the informers not started yet;
 * informers asked for later are started by the next {@code start()}. {@link #shutdown()} stops
 * every informer and joins its threads; the factory cannot be started again.
 */
public final class DynamicSharedInformerFactory {
  private final DynamicClient client;
  private final Duration defaultResync;
  private final String namespace;
  private final UnaryOperator<ListOptions> tweakListOptions;
  private final Map<GroupVersionResource, DynamicInformer> informers = new LinkedHashMap<>();
  private final Map<GroupVersionResource, Boolean> started = new LinkedHashMap<>();
  private boolean shuttingDown;

  private DynamicSharedInformerFactory(DynamicClient client, Duration defaultResync, String namespace,
      UnaryOperator<ListOptions> tweakListOptions) {
    this.client = Objects.requireNonNull(client, "client");
    if (defaultResync != null && defaultResync.isNegative()) {
      throw new IllegalArgumentException("resync must not be negative: " + defaultResync);
    }
    this.defaultResync = defaultResync == null ? Duration.ZERO : defaultResync;
    this.namespace = namespace == null ? "" : namespace;
    this.tweakListOptions = tweakListOptions;
  }

  /** A factory watching every namespace; informers resync every {@code defaultResync} (zero: never). */
  public static DynamicSharedInformerFactory create(DynamicClient client, Duration defaultResync) {
    return new DynamicSharedInformerFactory(client, defaultResync, "", null);
  }

  /**
   * A factory watching only {@code namespace} ("" for all; cluster-scoped resources ignore it), with
   * {@code tweakListOptions} (may be null) applied to every list and watch call, as client-go's
   * {@code NewFilteredDynamicSharedInformerFactory}.
   */
  public static DynamicSharedInformerFactory filtered(DynamicClient client, Duration defaultResync, String namespace,
      UnaryOperator<ListOptions> tweakListOptions) {
    return new DynamicSharedInformerFactory(client, defaultResync, namespace, tweakListOptions);
  }

  /**
   * A standalone informer of {@code resource}, not shared through any factory (client-go's
   * {@code NewFilteredDynamicInformer}); start and stop it yourself.
   */
  public static DynamicInformer newInformer(DynamicClient client, GroupVersionResource resource, String namespace,
      Duration resync, UnaryOperator<ListOptions> tweakListOptions) {
    DynamicResource target = client.resource(resource).namespace(namespace == null || namespace.isEmpty() ? null : namespace);
    ListWatch<GenericObject> listWatch = ListWatch.of(target).withTweak(tweakListOptions);
    SharedIndexInformer<GenericObject> informer = SharedIndexInformer.builder(listWatch, GenericObject.class)
        .resync(resync).name(resource.resource() + (resource.group().isEmpty() ? "" : "." + resource.group())).build();
    return new DynamicInformer(resource, informer);
  }

  /**
   * The shared informer of {@code resource}, made on first use.
   *
   * @throws IllegalStateException after {@link #shutdown()}
   */
  public synchronized DynamicInformer forResource(GroupVersionResource resource) {
    Objects.requireNonNull(resource, "resource");
    if (shuttingDown) {
      throw new IllegalStateException("the informer factory was shut down");
    }
    return informers.computeIfAbsent(resource,
        r -> newInformer(client, r, namespace, defaultResync, tweakListOptions));
  }

  /** Starts every informer not started yet; returns at once. No-op after {@link #shutdown()}. */
  public synchronized void start() {
    if (shuttingDown) {
      return;
    }
    for (Map.Entry<GroupVersionResource, DynamicInformer> e : informers.entrySet()) {
      if (started.putIfAbsent(e.getKey(), true) == null) {
        e.getValue().informer().start();
      }
    }
  }

  /**
   * Waits up to {@code timeout} in total for the started informers to sync.
   *
   * @return for every started informer's resource, whether it synced in time
   */
  public Map<GroupVersionResource, Boolean> waitForCacheSync(Duration timeout) {
    Map<GroupVersionResource, DynamicInformer> toWait = new LinkedHashMap<>();
    synchronized (this) {
      started.keySet().forEach(r -> toWait.put(r, informers.get(r)));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<GroupVersionResource, Boolean> result = new LinkedHashMap<>();
    for (Map.Entry<GroupVersionResource, DynamicInformer> e : toWait.entrySet()) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      result.put(e.getKey(), Cache.waitForCacheSync(left, e.getValue().informer()));
    }
    return result;
  }

  /** Stops every informer and waits for their threads to end. Idempotent. */
  public void shutdown() {
    List<DynamicInformer> toStop;
    synchronized (this) {
      shuttingDown = true;
      toStop = new ArrayList<>(informers.values());
    }
    toStop.forEach(i -> i.informer().stop());
  }

  /** The namespace watched; "" for all. */
  public String namespace() { return namespace; }

  /** The informers made so far, by resource (a snapshot). */
  public synchronized Map<GroupVersionResource, DynamicInformer> informers() {
    return Map.copyOf(informers);
  }
}
