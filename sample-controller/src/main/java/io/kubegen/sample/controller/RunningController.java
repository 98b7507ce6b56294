package io.kubegen.sample.controller;

import io.kubegen.runtime.events.EventBroadcaster;
import io.kubegen.runtime.events.EventRecorder;
import io.kubegen.runtime.events.EventSource;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.generated.informers.SharedInformerFactory;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@link FooController} with everything it runs on: the generated informer factory, an event
 * broadcaster writing through {@link GeneratedEventSink}, and, on the embedded server, the
 * {@link ClusterSimulator}. {@link #start} wires and starts it all; {@link #startInformers} starts
 * only the informers (a standby replica under leader election keeps warm caches) and
 * {@link #startWorkers} adds the workers later; {@link #close} stops it all in order (workers
 * first, then informers, then events).
 *
 * <p>{@link #close} may be called from any thread (a shutdown hook, for instance) and more than
 * once; {@link #startWorkers} and {@link #stopWorkers} once each, from any thread.
 */
public final class RunningController implements AutoCloseable {
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

  private final FooController controller;
  private final SharedInformerFactory factory;
  private final EventBroadcaster broadcaster;
  private boolean closed;

  private RunningController(FooController controller, SharedInformerFactory factory, EventBroadcaster broadcaster) {
    this.controller = controller;
    this.factory = factory;
    this.broadcaster = broadcaster;
  }

  /**
   * Starts the informers and {@code workers} workers over {@code clients}; with
   * {@code simulateCluster}, also the {@link ClusterSimulator}. Returns once the caches have
   * synced and the workers run.
   *
   * @throws IllegalStateException if the caches do not sync within 30 seconds
   */
  public static RunningController start(Clientset clients, int workers, boolean simulateCluster,
      Consumer<String> narrator) {
    RunningController running = startInformers(clients, simulateCluster, narrator, FooController.DEFAULT_IDENTITY);
    try {
      running.startWorkers(workers);
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }

  /**
   * Wires everything for the replica {@code identity} (written on the Deployments it handles and
   * as the events' host) and starts the informers, without workers; returns at once. Keys queue up
   * until {@link #startWorkers}.
   */
  public static RunningController startInformers(Clientset clients, boolean simulateCluster, Consumer<String> narrator,
      String identity) {
    SharedInformerFactory factory = SharedInformerFactory.create(clients, Duration.ofSeconds(30));
    EventBroadcaster broadcaster = EventBroadcaster.create();
    broadcaster.startRecordingToSink(new GeneratedEventSink(clients));
    EventRecorder recorder = broadcaster.newRecorder(new EventSource(FooController.NAME,
        FooController.DEFAULT_IDENTITY.equals(identity) ? null : identity));
    FooController controller = new FooController(clients, factory, recorder, narrator, identity);
    if (simulateCluster) {
      new ClusterSimulator(clients, factory, narrator);
    }
    RunningController running = new RunningController(controller, factory, broadcaster);
    try {
      factory.start();
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }

  /**
   * Waits for the caches (up to 30 s), then starts {@code workers} workers.
   *
   * @throws IllegalStateException if the caches do not sync in time, or workers ran before
   */
  public void startWorkers(int workers) {
    controller.run(workers, SYNC_TIMEOUT);
  }

  /**
   * Stops the workers, letting each finish its current key, waiting up to 10 s; the informers keep
   * running. Returns whether every worker ended.
   */
  public boolean stopWorkers() {
    return controller.shutdown(SHUTDOWN_TIMEOUT);
  }

  /** The controller. */
  public FooController controller() {
    return controller;
  }

  /** The informer factory (for health reports). */
  public SharedInformerFactory factory() {
    return factory;
  }

  /** Stops the workers (letting each finish its current key), the informers and the event sink. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    controller.shutdown(SHUTDOWN_TIMEOUT);
    factory.shutdown();
    broadcaster.shutdown();
  }
}
