package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * {@link SamplecontrollerV1alpha1Client} over the REST client.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
final class SamplecontrollerV1alpha1ClientImpl implements SamplecontrollerV1alpha1Client {
  private final RestClient client;

  SamplecontrollerV1alpha1ClientImpl(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public BarClient bars() {
    return new BarClientImpl(new ResourceClient<>(client, BarClient.RESOURCE, Bar.class, null));
  }

  @Override
  public FooClient foos(String namespace) {
    return new FooClientImpl(new ResourceClient<>(client, FooClient.RESOURCE, Foo.class, namespace));
  }
}
