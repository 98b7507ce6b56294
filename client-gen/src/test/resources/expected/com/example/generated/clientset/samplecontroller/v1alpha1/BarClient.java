package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Bar;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.rest.WritableClient;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Bar}: {@code bars} in {@code samplecontroller.k8s.io/v1alpha1}, cluster-scoped; verbs from {@link WritableClient}.
 * Calls fail with {@code KubeApiException} carrying the server's {@code Status}; thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface BarClient extends WritableClient<Bar> {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "bars");

  /**
   * The kind of its objects; writes fill in a null {@code apiVersion} and {@code kind} from it.
   */
  GroupVersionKind KIND = new GroupVersionKind("samplecontroller.k8s.io", "v1alpha1", "Bar");

  /**
   * How the clientsets reach {@code bars}: cluster-scoped, without the {@code status} subresource.
   */
  ResourceType<Bar> TYPE = new ResourceType<>(RESOURCE, KIND.kind(), Bar.class, false, false);
}
