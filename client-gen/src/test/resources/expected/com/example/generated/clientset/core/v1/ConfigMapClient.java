package com.example.generated.clientset.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.rest.Creatable;
import io.kubegen.runtime.rest.Deletable;
import io.kubegen.runtime.rest.Patchable;
import io.kubegen.runtime.rest.ReadOnlyClient;
import io.kubegen.runtime.rest.Updatable;
import javax.annotation.processing.Generated;

/**
 * Typed client of {@link ConfigMap}: {@code configmaps} in {@code v1}, namespaced; verbs from {@link ReadOnlyClient}, {@link Creatable}, {@link Updatable}, {@link Deletable} and {@link Patchable}.
 * Calls fail with {@code KubeApiException} carrying the server's {@code Status}; thread-safe.
 */
@Generated("io.kubegen.clientgen.ClientGenStep")
public interface ConfigMapClient extends ReadOnlyClient<ConfigMap>,
    Creatable<ConfigMap>,
    Updatable<ConfigMap>,
    Deletable,
    Patchable<ConfigMap> {
  /**
   * The resource this client serves.
   */
  GroupVersionResource RESOURCE = new GroupVersionResource("", "v1", "configmaps");

  /**
   * The kind of its objects; writes fill in a null {@code apiVersion} and {@code kind} from it.
   */
  GroupVersionKind KIND = new GroupVersionKind("", "v1", "ConfigMap");

  /**
   * How the clientsets reach {@code configmaps}: namespaced, without the {@code status} subresource.
   */
  ResourceType<ConfigMap> TYPE = new ResourceType<>(RESOURCE, KIND.kind(), ConfigMap.class, true, false);
}
