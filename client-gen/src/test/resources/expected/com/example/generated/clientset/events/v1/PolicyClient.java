package com.example.generated.clientset.events.v1;

import com.example.events.v1.Policy;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.rest.Creatable;
import io.kubegen.runtime.rest.Deletable;
import io.kubegen.runtime.rest.Gettable;
import io.kubegen.runtime.rest.Listable;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link Policy}: {@code policies} in {@code events.example.com/v1}, cluster-scoped; verbs from {@link Creatable}, {@link Deletable}, {@link Gettable} and {@link Listable}.
 * Calls fail with {@code KubeApiException} carrying the server's {@code Status}; thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface PolicyClient extends Creatable<Policy>,
    Deletable,
    Gettable<Policy>,
    Listable<Policy> {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("events.example.com", "v1", "policies");

  /**
   * The kind of its objects; writes fill in a null {@code apiVersion} and {@code kind} from it.
   */
  GroupVersionKind KIND = new GroupVersionKind("events.example.com", "v1", "Policy");

  /**
   * How the clientsets reach {@code policies}: cluster-scoped, with the {@code status} subresource.
   */
  ResourceType<Policy> TYPE = new ResourceType<>(RESOURCE, KIND.kind(), Policy.class, false, true);
}
