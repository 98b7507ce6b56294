package com.example.generated.clientset.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Scale;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.rest.StatusWriter;
import io.kubegen.runtime.rest.WritableClient;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Foo}: {@code foos} in {@code samplecontroller.k8s.io/v1alpha1}, namespaced; verbs from {@link WritableClient} and {@link StatusWriter}.
 * Calls fail with {@code KubeApiException} carrying the server's {@code Status}; thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface FooClient extends WritableClient<Foo>, StatusWriter<Foo> {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos");

  /**
   * The kind of its objects; writes fill in a null {@code apiVersion} and {@code kind} from it.
   */
  GroupVersionKind KIND = new GroupVersionKind("samplecontroller.k8s.io", "v1alpha1", "Foo");

  /**
   * How the clientsets reach {@code foos}: namespaced, with the {@code status} subresource.
   */
  ResourceType<Foo> TYPE = new ResourceType<>(RESOURCE, KIND.kind(), Foo.class, true, true);

  /**
   * Reads the {@code scale} subresource of {@code name}.
   */
  default Scale getScale(String name) {
    return getScale(name, GetOptions.none());
  }

  /**
   * Reads the {@code scale} subresource of {@code name}.
   */
  Scale getScale(String name, GetOptions options);

  /**
   * Replaces the {@code scale} subresource of {@code name} with {@code body}.
   */
  default Scale updateScale(String name, Scale body) {
    return updateScale(name, body, UpdateOptions.none());
  }

  /**
   * Replaces the {@code scale} subresource of {@code name} with {@code body}.
   */
  Scale updateScale(String name, Scale body, UpdateOptions options);
}
