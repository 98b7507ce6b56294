package io.kubegen.benchmarks.informer;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.concurrent.atomic.LongAdder;

/** fabric8 kubernetes-client 7.x: {@code configMaps().inNamespace(ns).runnableInformer(0)}. */
final class Fabric8InformerClient implements InformerClient {
  private final String url;
  private KubernetesClient client;
  private SharedIndexInformer<ConfigMap> informer;

  Fabric8InformerClient(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "fabric8 7.4";
  }

  @Override
  public void start(String namespace, int handlers, LongAdder[] counters) {
    client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl(url).withRequestTimeout(0).withRequestRetryBackoffLimit(0).build())
        .build();
    informer = client.configMaps().inNamespace(namespace).runnableInformer(0);
    for (int i = 0; i < handlers; i++) {
      LongAdder counter = counters[i];
      informer.addEventHandler(new ResourceEventHandler<ConfigMap>() {
        @Override public void onAdd(ConfigMap obj) { counter.increment(); }
        @Override public void onUpdate(ConfigMap oldObj, ConfigMap newObj) { counter.increment(); }
        @Override public void onDelete(ConfigMap obj, boolean unknown) { counter.increment(); }
      });
    }
    informer.start();
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
    if (informer != null) {
      informer.close();
    }
    if (client != null) {
      client.close();
    }
    informer = null;
    client = null;
  }
}
