package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Scale;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.rest.ResourceBackend;
import io.kubegen.runtime.rest.ResourceOperations;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.rest.TypedClient;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The clients of API group version {@code samplecontroller.k8s.io/v1alpha1} ({@code /apis/samplecontroller.k8s.io/v1alpha1}).
 * Their calls go to the REST API or, in the fake clientset, to an {@code ObjectTracker}.
 * Thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public final class SamplecontrollerV1alpha1Client {
  /**
   * The resources of this group version.
   */
  public static final List<ResourceType<?>> TYPES = List.of(BarClient.TYPE, FooClient.TYPE);

  private final ResourceBackend backend;

  private SamplecontrollerV1alpha1Client(ResourceBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /**
   * The clients of {@code samplecontroller.k8s.io/v1alpha1} over {@code client}.
   */
  public static SamplecontrollerV1alpha1Client create(RestClient client) {
    return over(ResourceBackend.rest(client));
  }

  /**
   * The clients of {@code samplecontroller.k8s.io/v1alpha1} whose calls go to {@code backend}.
   */
  public static SamplecontrollerV1alpha1Client over(ResourceBackend backend) {
    return new SamplecontrollerV1alpha1Client(backend);
  }

  /**
   * The client of the cluster-scoped {@code bars}.
   */
  public BarClient bars() {
    return new BarClientImpl(backend.operations(BarClient.TYPE, null));
  }

  /**
   * The client of {@code foos} in {@code namespace}; null or {@code ""} means all namespaces (for list, watch and deleteCollection).
   */
  public FooClient foos(String namespace) {
    return new FooClientImpl(backend.operations(FooClient.TYPE, namespace));
  }

  private static final class BarClientImpl extends TypedClient<Bar> implements BarClient {
    BarClientImpl(ResourceOperations<Bar> operations) {
      super(operations);
    }
  }

  private static final class FooClientImpl extends TypedClient<Foo> implements FooClient {
    FooClientImpl(ResourceOperations<Foo> operations) {
      super(operations);
    }

    @Override
    public Scale getScale(String name, GetOptions options) {
      return operations().getSubresource(name, "scale", Scale.class, options);
    }

    @Override
    public Scale updateScale(String name, Scale body, UpdateOptions options) {
      return operations().updateSubresource(name, "scale", body, Scale.class, options);
    }
  }
}
