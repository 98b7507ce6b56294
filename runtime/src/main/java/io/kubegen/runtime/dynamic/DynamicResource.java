package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;

/**
 * The verbs of one resource over {@link GenericObject}s: everything {@link ResourceClient} offers,
 * plus {@link #namespace(String)} to pick the namespace. Immutable and thread-safe.
 */
public final class DynamicResource extends ResourceClient<GenericObject> {

  DynamicResource(RestClient client, GroupVersionResource gvr, String namespace) {
    super(client, gvr, GenericObject.class, namespace);
  }

  /** The same resource in {@code ns} (null: cluster-scoped or all namespaces). */
  public DynamicResource namespace(String ns) {
    return new DynamicResource(restClient(), resource(), ns);
  }

  @Override
  public DynamicResource inNamespace(String ns) {
    return namespace(ns);
  }
}
