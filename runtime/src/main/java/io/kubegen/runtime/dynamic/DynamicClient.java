package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.rest.RestClient;
import java.util.Objects;

/**
 * A client for any resource without generated code, as client-go's {@code dynamic.Interface}:
 * {@code DynamicClient.create(restClient).resource(gvr).namespace("default").get("x", null)}
 * returns {@link GenericObject}s. Immutable and thread-safe.
 */
public final class DynamicClient {
  private final RestClient client;

  private DynamicClient(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A dynamic client over {@code client}. */
  public static DynamicClient create(RestClient client) {
    return new DynamicClient(client);
  }

  /** The verbs of {@code gvr}, cluster-scoped or across all namespaces until {@code namespace(ns)} is called. */
  public DynamicResource resource(GroupVersionResource gvr) {
    return new DynamicResource(client, gvr, null);
  }

  /** The underlying REST client. */
  public RestClient restClient() { return client; }
}
