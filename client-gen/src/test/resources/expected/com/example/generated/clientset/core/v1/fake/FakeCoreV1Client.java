package com.example.generated.clientset.core.v1.fake;

import com.example.core.v1.ConfigMap;
import com.example.generated.clientset.core.v1.ConfigMapClient;
import com.example.generated.clientset.core.v1.ConfigMapClientImpl;
import com.example.generated.clientset.core.v1.CoreV1Client;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The fake clients of {@code v1}: the same typed clients as the REST ones, each over a
 * {@code FakeResourceClient} answered by an {@code ObjectTracker}. Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class FakeCoreV1Client implements CoreV1Client {
  /**
   * How the tracker serves {@link ConfigMap}.
   */
  public static final ResourceType<ConfigMap> CONFIG_MAP_TYPE = new ResourceType<>(ConfigMapClient.RESOURCE, "ConfigMap", ConfigMap.class, true, false);

  private final ObjectTracker tracker;

  /**
   * Fake clients over {@code tracker}.
   */
  public FakeCoreV1Client(ObjectTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public ConfigMapClient configMaps(String namespace) {
    return new ConfigMapClientImpl(new FakeResourceClient<>(tracker, CONFIG_MAP_TYPE, namespace));
  }
}
