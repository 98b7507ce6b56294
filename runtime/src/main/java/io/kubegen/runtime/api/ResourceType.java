package io.kubegen.runtime.api;

import java.util.Objects;

/**
 * How a typed client reaches one resource: where it lives in the API, its kind, the Java type its
 * objects decode to, and whether it is namespaced and has a {@code status} subresource. Generated
 * typed clients declare one ({@code FooClient.TYPE}); the REST client stamps the kind on writes
 * with it, and the fake clientset's {@code ObjectTracker} serves the resource from it.
 *
 * @param resource the group, version and plural
 * @param kind the kind, such as {@code Foo}
 * @param javaType the model class
 * @param namespaced whether objects live in namespaces
 * @param hasStatus whether the resource has the {@code status} subresource: updates of the object
 *     leave {@code status} alone and {@code updateStatus} changes only {@code status}
 * @param <T> the model class
 */
public record ResourceType<T extends KubernetesObject>(GroupVersionResource resource, String kind, Class<T> javaType,
    boolean namespaced, boolean hasStatus) {

  public ResourceType {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(javaType, "javaType");
  }

  /** The group, version and kind of the objects, such as {@code samplecontroller.k8s.io/v1alpha1, Kind=Foo}. */
  public GroupVersionKind groupVersionKind() {
    return new GroupVersionKind(resource.group(), resource.version(), kind);
  }

  /** {@code plural.group} (or the plural alone for core), as API error messages name it. */
  public String qualifiedResource() {
    return resource.group().isEmpty() ? resource.resource() : resource.resource() + "." + resource.group();
  }
}
