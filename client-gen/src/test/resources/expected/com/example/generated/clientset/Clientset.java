package com.example.generated.clientset;

import com.example.generated.clientset.core.v1.CoreV1Client;
import com.example.generated.clientset.events.v1.EventsV1Client;
import com.example.generated.clientset.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Client;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.rest.ResourceBackend;
import io.kubegen.runtime.rest.RestClient;
import javax.annotation.processing.Generated;

/**
 * Typed clients of every generated resource, one accessor per API group version.
 * {@code FakeClientset} implements it for tests. Implementations are thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface Clientset {
  /**
   * The clients of {@code v1}.
   */
  CoreV1Client coreV1();

  /**
   * The clients of {@code events.example.com/v1}.
   */
  EventsV1Client eventsV1();

  /**
   * The clients of {@code samplecontroller.k8s.io/v1alpha1}.
   */
  SamplecontrollerV1alpha1Client samplecontrollerV1alpha1();

  /**
   * What the server serves: version, groups and resources.
   */
  DiscoveryClient discovery();

  /**
   * A clientset talking to the server {@code config} describes.
   */
  static Clientset create(RestConfig config) {
    return create(RestClient.create(config));
  }

  /**
   * A clientset over {@code client}, sharing its connections and rate limit.
   */
  static Clientset create(RestClient client) {
    ResourceBackend backend = ResourceBackend.rest(client);
    CoreV1Client coreV1 = CoreV1Client.over(backend);
    EventsV1Client eventsV1 = EventsV1Client.over(backend);
    SamplecontrollerV1alpha1Client samplecontrollerV1alpha1 = SamplecontrollerV1alpha1Client.over(backend);
    DiscoveryClient discovery = DiscoveryClient.create(client);
    return new Clientset() {
      @Override
      public CoreV1Client coreV1() {
        return coreV1;
      }

      @Override
      public EventsV1Client eventsV1() {
        return eventsV1;
      }

      @Override
      public SamplecontrollerV1alpha1Client samplecontrollerV1alpha1() {
        return samplecontrollerV1alpha1;
      }

      @Override
      public DiscoveryClient discovery() {
        return discovery;
      }
    };
  }
}
