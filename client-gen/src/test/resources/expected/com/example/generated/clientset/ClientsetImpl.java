package com.example.generated.clientset;

import com.example.generated.clientset.core.v1.CoreV1Client;
import com.example.generated.clientset.events.v1.EventsV1Client;
import com.example.generated.clientset.samplecontroller.v1alpha1.SamplecontrollerV1alpha1Client;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link Clientset} over the REST client.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
final class ClientsetImpl implements Clientset {
  private final CoreV1Client coreV1;

  private final EventsV1Client eventsV1;

  private final SamplecontrollerV1alpha1Client samplecontrollerV1alpha1;

  private final DiscoveryClient discovery;

  ClientsetImpl(RestClient client) {
    Objects.requireNonNull(client, "client");
    this.coreV1 = CoreV1Client.create(client);
    this.eventsV1 = EventsV1Client.create(client);
    this.samplecontrollerV1alpha1 = SamplecontrollerV1alpha1Client.create(client);
    this.discovery = DiscoveryClient.create(client);
  }

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
}
