package io.kubegen.sample.controller;

import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.OwnerReference;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.cache.ResourceEventHandlerRegistration;
import io.kubegen.runtime.events.Event;
import io.kubegen.runtime.events.EventRecorder;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.workqueue.RateLimitingQueue;
import io.kubegen.sample.apps.v1.Deployment;
import io.kubegen.sample.apps.v1.PodTemplate;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.generated.informers.SharedInformerFactory;
import io.kubegen.sample.generated.listers.apps.v1.DeploymentLister;
import io.kubegen.sample.generated.listers.samplecontroller.v1alpha1.FooLister;
import io.kubegen.sample.generated.listers.samplecontroller.v1alpha1.FooPolicyLister;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import io.kubegen.sample.samplecontroller.v1alpha1.FooPolicy;
import io.kubegen.sample.samplecontroller.v1alpha1.FooStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java port of Kubernetes' sample-controller: for every {@link Foo} it keeps a Deployment
 * named {@code spec.deploymentName}, owned by the Foo, with {@code spec.replicas} replicas (capped
 * by the smallest {@link FooPolicy}), and copies the Deployment's available replicas into the
 * Foo's status.
 *
 * <p>Informers for Foo, Deployment and FooPolicy come from the generated
 * {@link SharedInformerFactory}; their handlers put {@code namespace/name} keys of Foos on a
 * rate-limited work queue; {@link #run} starts N worker threads that take keys and call
 * {@link #syncHandler}. A failed sync is re-queued with back-off; a successful one is forgotten.
 * Events are recorded on the Foo for every sync and for a Deployment it cannot own.
 *
 * <p>Threading: construct on one thread (before the factory starts); {@link #run} and
 * {@link #shutdown} may be called from any thread, once each. Objects read from the listers are
 * shared with the cache and copied before they are changed.
 */
public final class FooController {
  /** The name of the controller, used as the event source component and queue name. */
  public static final String NAME = "sample-controller";
  /** Event reason: the Foo was synced. */
  public static final String SUCCESS_SYNCED = "Synced";
  /** Event reason: a Deployment with the wanted name exists and is not owned by the Foo. */
  public static final String ERR_RESOURCE_EXISTS = "ErrResourceExists";
  /** Event message of {@link #SUCCESS_SYNCED}. */
  public static final String MESSAGE_RESOURCE_SYNCED = "Foo synced successfully";
  /** The label put on Deployments and their pods. */
  public static final String CONTROLLER_LABEL = "controller";
  /** Annotation on a Deployment: the identity of the controller replica that last wrote it for its Foo. */
  public static final String HANDLED_BY_ANNOTATION = "samplecontroller.kubegen.io/handled-by";
  /** Annotation on a Deployment: the Foo generation it was last written for. */
  public static final String FOO_GENERATION_ANNOTATION = "samplecontroller.kubegen.io/foo-generation";
  /** The identity of a controller that runs without leader election. */
  public static final String DEFAULT_IDENTITY = NAME;

  private static final Logger LOG = LoggerFactory.getLogger(FooController.class);

  private final Clientset clients;
  private final FooLister foos;
  private final DeploymentLister deployments;
  private final FooPolicyLister policies;
  private final List<ResourceEventHandlerRegistration> registrations = new ArrayList<>();
  private final RateLimitingQueue<String> queue;
  private final EventRecorder recorder;
  private final Consumer<String> narrator;
  private final String identity;
  private final ConcurrentMap<String, TrackedFoo> tracked = new ConcurrentHashMap<>();
  private final ControllerStats stats = new ControllerStats();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  /**
   * A controller over the informers of {@code factory} (which the caller starts) writing through
   * {@code clients}. {@code recorder} records Kubernetes events; {@code narrator} gets one
   * human-readable line per action (for the demo; use {@code line -> {}} for none).
   */
  public FooController(Clientset clients, SharedInformerFactory factory, EventRecorder recorder,
      Consumer<String> narrator) {
    this(clients, factory, recorder, narrator, DEFAULT_IDENTITY);
  }

  /**
   * As above, for the replica {@code identity}: every Deployment it writes carries the identity and
   * the Foo generation it was written for ({@link #HANDLED_BY_ANNOTATION},
   * {@link #FOO_GENERATION_ANNOTATION}), so the server's objects tell which replica handled what.
   */
  public FooController(Clientset clients, SharedInformerFactory factory, EventRecorder recorder,
      Consumer<String> narrator, String identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.narrator = Objects.requireNonNull(narrator, "narrator");
    this.queue = RateLimitingQueue.create(NAME);
    var fooInformer = factory.samplecontroller().v1alpha1().foos();
    var deploymentInformer = factory.apps().v1().deployments();
    var policyInformer = factory.samplecontroller().v1alpha1().fooPolicies();
    this.foos = fooInformer.lister();
    this.deployments = deploymentInformer.lister();
    this.policies = policyInformer.lister();

    registrations.add(fooInformer.informer().addEventHandler(new ResourceEventHandler<Foo>() {
      @Override public void onAdd(Foo foo, boolean isInInitialList) { enqueue(foo); }
      @Override public void onUpdate(Foo oldFoo, Foo newFoo) { enqueue(newFoo); }
      @Override public void onDelete(Foo foo, boolean finalStateUnknown) { enqueue(foo); }
    }));
    registrations.add(deploymentInformer.informer().addEventHandler(new ResourceEventHandler<Deployment>() {
      @Override public void onAdd(Deployment d, boolean isInInitialList) { handleOwned(d); }
      @Override
      public void onUpdate(Deployment oldD, Deployment newD) {
        // Periodic resyncs send the same object again: nothing changed, nothing to do.
        if (!Objects.equals(oldD.getMetadata().getResourceVersion(), newD.getMetadata().getResourceVersion())) {
          handleOwned(newD);
        }
      }
      @Override public void onDelete(Deployment d, boolean finalStateUnknown) { handleOwned(d); }
    }));
    registrations.add(policyInformer.informer().addEventHandler(new ResourceEventHandler<FooPolicy>() {
      @Override public void onAdd(FooPolicy p, boolean isInInitialList) { enqueueAllFoos(); }
      @Override public void onUpdate(FooPolicy oldP, FooPolicy newP) { enqueueAllFoos(); }
      @Override public void onDelete(FooPolicy p, boolean finalStateUnknown) { enqueueAllFoos(); }
    }));
  }

  /**
   * Waits (up to {@code syncTimeout}) for the informers' caches, then starts {@code workers}
   * worker threads and returns.
   *
   * @throws IllegalStateException if the caches did not sync in time or the controller ran before
   */
  public synchronized void run(int workers, Duration syncTimeout) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (running || queue.isShuttingDown()) {
      throw new IllegalStateException("the controller runs only once");
    }
    LOG.info("waiting for informer caches to sync");
    if (!Cache.waitForCacheSync(syncTimeout, registrations.toArray(ResourceEventHandlerRegistration[]::new))) {
      throw new IllegalStateException("informer caches did not sync within " + syncTimeout);
    }
    running = true;
    for (int i = 0; i < workers; i++) {
      Thread worker = new Thread(this::runWorker, NAME + "-worker-" + i);
      worker.start();
      this.workers.add(worker);
    }
    LOG.info("started {} workers", workers);
  }

  /**
   * Stops taking new work, lets the workers finish the keys they hold, and waits up to
   * {@code timeout} for them to end. Returns whether they all ended.
   */
  public boolean shutdown(Duration timeout) {
    queue.shutDown();
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean allEnded = true;
    for (Thread worker : snapshotWorkers()) {
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        worker.join(left);
        allEnded &= !worker.isAlive();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    running = false;
    return allEnded;
  }

  /** The Foos the controller tracks, by {@code namespace/name}, sorted. */
  public Map<String, TrackedFoo> trackedFoos() {
    return new TreeMap<>(tracked);
  }

  /** What the controller did so far. */
  public ControllerStats stats() {
    return stats;
  }

  /** Keys waiting in the work queue. */
  public int queueLength() {
    return queue.len();
  }

  /** The work queue (for health reports). */
  public RateLimitingQueue<String> workQueue() {
    return queue;
  }

  /** The identity written into {@link #HANDLED_BY_ANNOTATION}. */
  public String identity() {
    return identity;
  }

  private synchronized List<Thread> snapshotWorkers() {
    return List.copyOf(workers);
  }

  private void runWorker() {
    while (true) {
      String key = queue.get();
      if (key == null) {
        return;
      }
      try {
        syncHandler(key);
        queue.forget(key);
        stats.syncSucceeded();
      } catch (KubeApiException e) {
        stats.syncFailed();
        if (e.isConflict()) {
          // The cache had not yet seen our own last write: expected, retried with the newer object.
          LOG.debug("conflict syncing '{}', re-queued: {}", key, e.getMessage());
          narrator.accept("  ~ " + key + " changed meanwhile (409 Conflict); retrying with the latest version");
        } else {
          LOG.warn("error syncing '{}', re-queued: {}", key, e.getMessage());
          narrator.accept("  ! sync of " + key + " failed (" + e.getMessage() + "), retrying with back-off");
        }
        queue.addRateLimited(key);
      } catch (RuntimeException e) {
        stats.syncFailed();
        LOG.warn("error syncing '{}', re-queued: {}", key, e.toString());
        narrator.accept("  ! sync of " + key + " failed (" + e.getMessage() + "), retrying with back-off");
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  }

  /**
   * Brings the Deployment of the Foo with this key to the wanted state and the Foo's status up to
   * date. A Foo that no longer exists is forgotten.
   *
   * @throws RuntimeException when an API call fails or the Deployment belongs to someone else;
   *     the worker re-queues the key
   */
  void syncHandler(String key) {
    String[] parts = Cache.splitMetaNamespaceKey(key);
    String namespace = parts[0];
    String name = parts[1];
    Optional<Foo> cached = foos.foos(namespace).get(name);
    if (cached.isEmpty()) {
      if (tracked.remove(key) != null) {
        stats.fooForgotten();
        narrator.accept("- foo " + key + " is gone; no longer tracked (its deployment is garbage-collected with it)");
      }
      return;
    }
    Foo foo = cached.get();
    String deploymentName = foo.getSpec() == null ? null : foo.getSpec().getDeploymentName();
    if (deploymentName == null || deploymentName.isBlank()) {
      // Nothing to do until the user fixes the Foo; retrying would not help.
      LOG.warn("{}: spec.deploymentName must be specified", key);
      return;
    }
    int wanted = wantedReplicas(foo);

    Deployment deployment = deployments.deployments(namespace).get(deploymentName).orElse(null);
    if (deployment == null) {
      Deployment fresh = newDeployment(foo, wanted);
      stamp(fresh, foo);
      deployment = clients.appsV1().deployments(namespace).create(fresh);
      stats.deploymentCreated();
      narrator.accept("+ created deployment " + namespace + "/" + deploymentName + " (" + wanted
          + " replicas) for foo " + key);
    }
    if (!isControlledBy(deployment, foo)) {
      String message = "Resource \"" + deploymentName + "\" already exists and is not managed by Foo";
      recorder.event(foo, Event.TYPE_WARNING, ERR_RESOURCE_EXISTS, message);
      throw new IllegalStateException(message);
    }
    Integer current = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    boolean scale = current == null || current != wanted;
    if (scale || !isStampedFor(deployment, foo)) {
      Deployment next = Json.deepCopy(deployment);
      next.getSpec().setReplicas(wanted);
      stamp(next, foo);
      deployment = clients.appsV1().deployments(namespace).update(next);
      if (scale) {
        stats.deploymentScaled();
        narrator.accept("~ scaled deployment " + namespace + "/" + deploymentName + " from "
            + current + " to " + wanted + " replicas for foo " + key);
      }
    }
    int available = deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
        ? 0 : deployment.getStatus().getAvailableReplicas();
    updateFooStatus(foo, available);
    tracked.put(key, new TrackedFoo(key, deploymentName, wanted, available));
    recorder.event(foo, Event.TYPE_NORMAL, SUCCESS_SYNCED, MESSAGE_RESOURCE_SYNCED);
  }

  private void updateFooStatus(Foo foo, int available) {
    if (foo.getStatus() != null && foo.getStatus().getAvailableReplicas() == available) {
      return;
    }
    Foo copy = Json.deepCopy(foo);
    copy.setStatus(new FooStatus(available));
    clients.samplecontrollerV1alpha1().foos(foo.getMetadata().getNamespace()).updateStatus(copy);
    stats.statusUpdated();
    narrator.accept("= foo " + Cache.metaNamespaceKey(foo) + " status: availableReplicas=" + available);
  }

  /** The Foo's replicas (one when unset), capped by the smallest FooPolicy. */
  private int wantedReplicas(Foo foo) {
    int replicas = foo.getSpec().getReplicas() == null ? 1 : foo.getSpec().getReplicas();
    for (FooPolicy policy : policies.list(LabelSelector.everything())) {
      if (policy.spec() != null) {
        replicas = Math.min(replicas, policy.spec().maxReplicas());
      }
    }
    return Math.max(replicas, 0);
  }

  /** A Deployment for {@code foo} running nginx, owned by the Foo through a controller reference. */
  static Deployment newDeployment(Foo foo, int replicas) {
    Map<String, String> labels = Map.of("app", "nginx", CONTROLLER_LABEL, foo.getMetadata().getName());
    Deployment deployment = new Deployment();
    deployment.setMetadata(ObjectMeta.builder()
        .name(foo.getSpec().getDeploymentName())
        .namespace(foo.getMetadata().getNamespace())
        .build());
    deployment.getMetadata().getOwnerReferences().add(OwnerReference.controllerOf(foo));
    deployment.getSpec().setReplicas(replicas);
    deployment.getSpec().getSelector().setMatchLabels(labels);
    deployment.getSpec().getTemplate().getMetadata().setLabels(labels);
    deployment.getSpec().getTemplate().getSpec().getContainers()
        .add(new PodTemplate.Container("nginx", "nginx:latest"));
    return deployment;
  }

  /** Records on {@code deployment} that this replica wrote it for {@code foo}'s current generation. */
  private void stamp(Deployment deployment, Foo foo) {
    Map<String, String> annotations = deployment.getMetadata().getAnnotations();
    annotations.put(HANDLED_BY_ANNOTATION, identity);
    annotations.put(FOO_GENERATION_ANNOTATION, String.valueOf(foo.getMetadata().getGeneration()));
  }

  /** Whether {@code deployment} was last written for {@code foo}'s current generation. */
  private static boolean isStampedFor(Deployment deployment, Foo foo) {
    return String.valueOf(foo.getMetadata().getGeneration())
        .equals(deployment.getMetadata().getAnnotations().get(FOO_GENERATION_ANNOTATION));
  }

  private static boolean isControlledBy(Deployment deployment, Foo foo) {
    return controllerOf(deployment)
        .filter(ref -> Foo.KIND.equals(ref.getKind()))
        .filter(ref -> Objects.equals(ref.getUid(), foo.getMetadata().getUid()))
        .isPresent();
  }

  private static Optional<OwnerReference> controllerOf(Deployment deployment) {
    return deployment.getMetadata() == null ? Optional.empty()
        : deployment.getMetadata().getOwnerReferences().stream()
            .filter(ref -> Boolean.TRUE.equals(ref.getController()))
            .findFirst();
  }

  private void enqueue(Foo foo) {
    queue.add(Cache.metaNamespaceKey(foo));
  }

  private void enqueueAllFoos() {
    for (Foo foo : foos.list(LabelSelector.everything())) {
      enqueue(foo);
    }
  }

  /** A Deployment changed: if a Foo controls it, that Foo needs a sync. */
  private void handleOwned(Deployment deployment) {
    controllerOf(deployment)
        .filter(ref -> Foo.KIND.equals(ref.getKind()))
        .ifPresent(ref -> {
          String namespace = deployment.getMetadata().getNamespace();
          Optional<Foo> owner = foos.foos(namespace).get(ref.getName());
          if (owner.isPresent()) {
            enqueue(owner.get());
          } else {
            LOG.debug("ignoring orphaned deployment {}/{} of foo {}", namespace,
                deployment.getMetadata().getName(), ref.getName());
            // The Foo may just have been deleted: let the sync forget it.
            queue.add(namespace + "/" + ref.getName());
          }
        });
  }
}
