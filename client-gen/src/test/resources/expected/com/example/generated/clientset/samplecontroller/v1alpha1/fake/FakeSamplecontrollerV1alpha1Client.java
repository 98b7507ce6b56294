package com.example.generated.clientset.samplecontroller.v1alpha1.fake;

import com.example.generated.clientset.samplecontroller.v1alpha1.BarClient;
import com.example.generated.clientset.samplecontroller.v1alpha1.BarClientImpl;
import com.example.generated.clientset.samplecontroller.v1alpha1.FooClient;
import com.example.generated.clientset.samplecontroller.v1alpha1.FooClientImpl;
import com.example.generated.clientset.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Client;
import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake clients of {@code samplecontroller.k8s.io/v1alpha1}: the same typed clients as the REST ones, each over a
 * {@code FakeResourceClient} answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class FakeSamplecontrollerV1alpha1Client implements SamplecontrollerV1alpha1Client {
  /**
   * How the tracker serves {@link Bar}.
   */
  public static final ResourceType<Bar> BAR_TYPE = new ResourceType<>(BarClient.RESOURCE, "Bar", Bar.class, false, false);

  /**
   * How the tracker serves {@link Foo}.
   */
  public static final ResourceType<Foo> FOO_TYPE = new ResourceType<>(FooClient.RESOURCE, "Foo", Foo.class, true, true);

  private final ObjectTracker tracker;

  /**
   * Fake clients over {@code tracker}.
   */
  public FakeSamplecontrollerV1alpha1Client(ObjectTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public BarClient bars() {
    return new BarClientImpl(new FakeResourceClient<>(tracker, BAR_TYPE, null));
  }

  @Override
  public FooClient foos(String namespace) {
    return new FooClientImpl(new FakeResourceClient<>(tracker, FOO_TYPE, namespace));
  }
}
