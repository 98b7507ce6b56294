package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.rest.ResourceBackend;
import java.util.List;
import java.util.Objects;

/**
 * The base of generated {@code FakeClientset}s: one {@link ObjectTracker} with the clientset's
 * resource types registered, the reactor and action methods tests use, a discovery client
 * over the registered types, and the {@link #backend()} the generated typed clients call. Thread-safe, as the tracker.
 */
public abstract class FakeClientsetBase {
  private final ObjectTracker tracker;
  private final DiscoveryClient discovery;
  private final ResourceBackend backend;

  /** A clientset over a new tracker that serves {@code types}. */
  protected FakeClientsetBase(ResourceType<?>... types) {
    this(new ObjectTracker(), types);
  }

  /**
   * A clientset over {@code tracker}, which is made to serve the resources of {@code groupVersions},
   * each the list of one group version (a generated {@code <G><V>Client.TYPES}).
   */
  protected FakeClientsetBase(ObjectTracker tracker, List<List<ResourceType<?>>> groupVersions) {
    this(tracker, groupVersions.stream().flatMap(List::stream).toArray(ResourceType<?>[]::new));
  }

  /** A clientset over {@code tracker}, which is made to serve {@code types}. */
  protected FakeClientsetBase(ObjectTracker tracker, ResourceType<?>... types) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    for (ResourceType<?> t : types) {
      tracker.register(t);
    }
    this.discovery = new FakeDiscoveryClient(tracker);
    this.backend = FakeResourceClient.backend(tracker);
  }

  /**
   * Where the generated group-version clients of the subclass send their calls: a
   * {@link FakeResourceClient} over the tracker, so the fake clientset has the same typed clients
   * as the REST one.
   */
  protected final ResourceBackend backend() {
    return backend;
  }

  /** The tracker holding the objects. */
  public ObjectTracker tracker() {
    return tracker;
  }

  /** Puts {@code reactor} first for {@code verb} and {@code resource} ({@code "*"} matches all). */
  public void prependReactor(String verb, String resource, Reactor reactor) {
    tracker.prependReactor(verb, resource, reactor);
  }

  /** Puts {@code reactor} last, before the tracker's default behaviour. */
  public void addReactor(String verb, String resource, Reactor reactor) {
    tracker.addReactor(verb, resource, reactor);
  }

  /** The calls made so far, oldest first. */
  public List<Action> actions() {
    return tracker.actions();
  }

  /** Forgets the recorded calls. */
  public void clearActions() {
    tracker.clearActions();
  }

  /** Discovery over the registered types. */
  public DiscoveryClient discovery() {
    return discovery;
  }
}
