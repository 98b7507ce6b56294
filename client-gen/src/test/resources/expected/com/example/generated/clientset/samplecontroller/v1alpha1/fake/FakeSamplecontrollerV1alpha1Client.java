package com.example.generated.clientset.samplecontroller.v1alpha1.fake;

import com.example.generated.clientset.samplecontroller.v1alpha1.BarClient;
import com.example.generated.clientset.samplecontroller.v1alpha1.FooClient;
import com.example.generated.clientset.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Client;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake clients of {@code samplecontroller.k8s.io/v1alpha1} over an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakeSamplecontrollerV1alpha1Client implements SamplecontrollerV1alpha1Client {
  private final ObjectTracker tracker;

  /**
   * Fake clients over {@code tracker}.
   */
  public FakeSamplecontrollerV1alpha1Client(ObjectTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public BarClient bars() {
    return new FakeBarClient(new FakeResourceClient<>(tracker, FakeBarClient.TYPE, null));
  }

  @Override
  public FooClient foos(String namespace) {
    return new FakeFooClient(new FakeResourceClient<>(tracker, FakeFooClient.TYPE, namespace));
  }
}
