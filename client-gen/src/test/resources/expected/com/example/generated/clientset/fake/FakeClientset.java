package com.example.generated.clientset.fake;

import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.core.v1.CoreV1Client;
import com.example.generated.clientset.events.v1.EventsV1Client;
import com.example.generated.clientset.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Client;
import io.kubegen.runtime.testing.FakeClientsetBase;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * A {@link Clientset} over an in-memory {@code ObjectTracker}, for tests: resourceVersions are assigned
 * and checked (409 on stale updates and duplicate creates, 404 on missing objects), label and
 * field selectors are honoured on list and watch, watches deliver ADDED, MODIFIED and DELETED,
 * and {@link #prependReactor} and {@link #actions()} let a test inject answers and assert calls.
 * Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class FakeClientset extends FakeClientsetBase implements Clientset {
  /**
   * An empty fake clientset.
   */
  public FakeClientset() {
    this(new ObjectTracker());
  }

  /**
   * A fake clientset over {@code tracker}, which is made to serve this clientset's resources.
   */
  public FakeClientset(ObjectTracker tracker) {
    super(tracker, List.of(CoreV1Client.TYPES, EventsV1Client.TYPES,
        SamplecontrollerV1alpha1Client.TYPES));
  }

  @Override
  public CoreV1Client coreV1() {
    return CoreV1Client.over(backend());
  }

  @Override
  public EventsV1Client eventsV1() {
    return EventsV1Client.over(backend());
  }

  @Override
  public SamplecontrollerV1alpha1Client samplecontrollerV1alpha1() {
    return SamplecontrollerV1alpha1Client.over(backend());
  }

  /**
   * A fake clientset holding {@code initial} objects (each of a generated resource type).
   */
  public static FakeClientset of(Object... initial) {
    FakeClientset clientset = new FakeClientset();
    clientset.tracker().add(initial);
    return clientset;
  }
}
