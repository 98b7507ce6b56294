package io.kubegen.benchmarks.informer;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** The official client-java: {@code SharedInformerFactory.sharedIndexInformerFor(GenericKubernetesApi, ...)}. */
final class ClientJavaInformerClient implements InformerClient {
  private final String url;
  private SharedInformerFactory factory;
  private SharedIndexInformer<V1ConfigMap> informer;

  ClientJavaInformerClient(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "client-java 24";
  }

  @Override
  public void start(String namespace, int handlers, LongAdder[] counters) {
    ApiClient api = new ClientBuilder().setBasePath(url).build();
    api.setHttpClient(api.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
    factory = new SharedInformerFactory(api);
    GenericKubernetesApi<V1ConfigMap, V1ConfigMapList> configMaps =
        new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", api);
    informer = factory.sharedIndexInformerFor(configMaps, V1ConfigMap.class, 0, namespace);
    for (int i = 0; i < handlers; i++) {
      LongAdder counter = counters[i];
      informer.addEventHandler(new ResourceEventHandler<V1ConfigMap>() {
        @Override public void onAdd(V1ConfigMap obj) { counter.increment(); }
        @Override public void onUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) { counter.increment(); }
        @Override public void onDelete(V1ConfigMap obj, boolean unknown) { counter.increment(); }
      });
    }
    factory.startAllRegisteredInformers();
  }

  @Override
  public boolean hasSynced() {
    return informer.hasSynced();
  }

  @Override
  public Object cache() {
    return informer.getIndexer();
  }

  @Override
  public int cacheSize() {
    return informer.getIndexer().listKeys().size();
  }

  /** Stops the informer and drops every reference to it, so its cache can be collected. */
  @Override
  public void close() {
    if (factory != null) {
      factory.stopAllRegisteredInformers();
    }
    informer = null;
    factory = null;
  }
}
