package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import java.util.Objects;

/**
 * A resource an {@link ObjectTracker} serves: where it lives in the API, its kind, the Java type
 * its objects decode to, and whether it is namespaced and has a {@code status} subresource.
 * Generated fake group-version clients declare one per resource ({@code Fake<G><V>Client.FOO_TYPE}).
 *
 * @param resource the group, version and plural
 * @param kind the kind, such as {@code Foo}
 * @param javaType the model class
 * @param namespaced whether objects live in namespaces
 * @param hasStatus whether updates of the object leave {@code status} alone and
 *     {@code updateStatus} changes only {@code status}, as on a server with the status subresource
 * @param <T> the model class
 */
public record ResourceType<T extends KubernetesObject>(GroupVersionResource resource, String kind, Class<T> javaType,
    boolean namespaced, boolean hasStatus) {

  public ResourceType {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(javaType, "javaType");
  }

  /** {@code plural.group} (or the plural alone for core), as API error messages name it. */
  public String qualifiedResource() {
    return resource.group().isEmpty() ? resource.resource() : resource.resource() + "." + resource.group();
  }
}
