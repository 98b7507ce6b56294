package com.example.generated.clientset.core.v1.fake;

import com.example.generated.clientset.core.v1.ConfigMapClient;
import com.example.generated.clientset.core.v1.CoreV1Client;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake clients of {@code v1} over an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenProcessor")
public final class FakeCoreV1Client implements CoreV1Client {
  private final ObjectTracker tracker;

  /**
   * Fake clients over {@code tracker}.
   */
  public FakeCoreV1Client(ObjectTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public ConfigMapClient configMaps(String namespace) {
    return new FakeConfigMapClient(new FakeResourceClient<>(tracker, FakeConfigMapClient.TYPE, namespace));
  }
}
