package io.kubegen.benchmarks.informer;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.cache.ListMode;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.util.concurrent.atomic.LongAdder;

/** kubegen's runtime: {@link SharedIndexInformer} over a {@link ResourceClient}, in one list mode. */
final class KubegenInformerClient implements InformerClient {
  private final String url;
  private final ListMode listMode;
  private RestClient client;
  private SharedIndexInformer<BenchConfigMap> informer;

  KubegenInformerClient(String url, ListMode listMode) {
    this.url = url;
    this.listMode = listMode;
  }

  @Override
  public String name() {
    return switch (listMode) {
      case CONSISTENT_PAGED -> "kubegen";
      case CACHED -> "kubegen, cached list";
      case WATCH_LIST -> "kubegen, watch-list";
    };
  }

  @Override
  public void start(String namespace, int handlers, LongAdder[] counters) {
    client = RestClient.create(RestConfig.builder().server(url).qps(-1f).build());
    ResourceClient<BenchConfigMap> configMaps = new ResourceClient<>(client,
        new GroupVersionResource("", "v1", "configmaps"), BenchConfigMap.class, namespace);
    informer = SharedIndexInformer.builder(ListWatch.of(configMaps), BenchConfigMap.class).name("lr")
        .reflectorOptions(ReflectorOptions.builder().listMode(listMode).build()).build();
    for (int i = 0; i < handlers; i++) {
      LongAdder counter = counters[i];
      informer.addEventHandler(new ResourceEventHandler<BenchConfigMap>() {
        @Override public void onAdd(BenchConfigMap obj, boolean initial) { counter.increment(); }
        @Override public void onUpdate(BenchConfigMap oldObj, BenchConfigMap newObj) { counter.increment(); }
        @Override public void onDelete(BenchConfigMap obj, boolean unknown) { counter.increment(); }
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
      informer.stop();
    }
    if (client != null) {
      client.close();
    }
    informer = null;
    client = null;
  }
}
