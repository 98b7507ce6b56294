package com.example.generated.clientset.fake;

import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.core.v1.CoreV1Client;
import com.example.generated.clientset.core.v1.fake.FakeCoreV1Client;
import com.example.generated.clientset.events.v1.EventsV1Client;
import com.example.generated.clientset.events.v1.fake.FakeEventsV1Client;
import com.example.generated.clientset.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Client;
import com.example.generated.clientset.samplecontroller.v1alpha1.fake.FakeSamplecontrollerV1alpha1Client;
import io.kubegen.runtime.testing.FakeClientsetBase;
import io.kubegen.runtime.testing.ObjectTracker;
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
    super(FakeCoreV1Client.CONFIG_MAP_TYPE, FakeEventsV1Client.EVENT_TYPE,
        FakeEventsV1Client.POLICY_TYPE, FakeSamplecontrollerV1alpha1Client.BAR_TYPE,
        FakeSamplecontrollerV1alpha1Client.FOO_TYPE);
  }

  /**
   * A fake clientset over {@code tracker}, which is made to serve this clientset's resources.
   */
  public FakeClientset(ObjectTracker tracker) {
    super(tracker, FakeCoreV1Client.CONFIG_MAP_TYPE, FakeEventsV1Client.EVENT_TYPE,
        FakeEventsV1Client.POLICY_TYPE, FakeSamplecontrollerV1alpha1Client.BAR_TYPE,
        FakeSamplecontrollerV1alpha1Client.FOO_TYPE);
  }

  @Override
  public CoreV1Client coreV1() {
    return new FakeCoreV1Client(tracker());
  }

  @Override
  public EventsV1Client eventsV1() {
    return new FakeEventsV1Client(tracker());
  }

  @Override
  public SamplecontrollerV1alpha1Client samplecontrollerV1alpha1() {
    return new FakeSamplecontrollerV1alpha1Client(tracker());
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
