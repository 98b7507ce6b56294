package io.kubegen.informergen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.core.v1.Namespace;
import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import com.example.testinformers.clientset.Clientset;
import com.example.testinformers.informers.SharedInformerFactory;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.ListMode;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.informers.SharedInformerOption;
import io.kubegen.runtime.testserver.FaultProxy;
import io.kubegen.runtime.testserver.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated factory's list-mode and reflector options reach the informers it builds: what the
 * embedded API server is asked for, recorded by a proxy in front of it, is the list mode and page
 * size the options chose, factory-wide and per type.
 */
@Timeout(120)
class FactoryListModesTest {
  private static final String NS = "shop";
  private static final String FOOS = "/apis/samplecontroller.k8s.io/v1alpha1/namespaces/shop/foos";
  private static final String BARS = "/apis/samplecontroller.k8s.io/v1alpha1/bars";
  private static final int FOO_COUNT = 30;
  private static final int BAR_COUNT = 5;

  private EmbeddedApiServer server;
  private FaultProxy proxy;
  private SharedInformerFactory factory;

  @BeforeEach
  void startServer() {
    server = EmbeddedApiServer.start();
    server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Foo", "foos", true).withStatusSubresource());
    server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Bar", "bars", false));
    Clientset direct = Clientset.create(server.restConfig());
    direct.coreV1().namespaces().create(Namespace.of(NS));
    for (int i = 0; i < FOO_COUNT; i++) {
      direct.samplecontrollerV1alpha1().foos(NS).create(Foo.of(NS, "foo-" + i, "deploy-" + i));
    }
    for (int i = 0; i < BAR_COUNT; i++) {
      direct.samplecontrollerV1alpha1().bars().create(Bar.of("bar-" + i, "zone-a"));
    }
    proxy = FaultProxy.to(server.url());
  }

  @AfterEach
  void stop() {
    if (factory != null) {
      factory.shutdown();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ListMode.class, names = {"WATCH_LIST", "CACHED"})
  void theFactoryWideListModeAndAPerTypeOverrideReachTheServer(ListMode mode) {
    Clientset proxied = Clientset.create(RestConfig.builder().server(proxy.url("http").toString()).qps(-1f).build());
    factory = SharedInformerFactory.create(proxied, Duration.ZERO,
        SharedInformerOption.namespace(NS),
        SharedInformerOption.listMode(mode),
        SharedInformerOption.reflectorOptions(Bar.class, ReflectorOptions.builder().pageSize(2).build()));
    factory.samplecontroller().v1alpha1().foos().informer();
    factory.samplecontroller().v1alpha1().bars().informer();
    factory.start();

    assertThat(factory.waitForCacheSync(Duration.ofSeconds(60))).isEqualTo(Map.of(Foo.class, true, Bar.class, true));
    assertThat(factory.samplecontroller().v1alpha1().foos().lister().list(LabelSelector.everything())).hasSize(FOO_COUNT);
    assertThat(factory.samplecontroller().v1alpha1().bars().lister().list(LabelSelector.everything())).hasSize(BAR_COUNT);

    List<Map<String, String>> foos = awaitQueries(FOOS, mode == ListMode.CACHED ? 2 : 1);
    Map<String, String> first = foos.get(0);
    switch (mode) {
      case WATCH_LIST -> {
        // one streaming watch carries the initial state: no list at all
        assertThat(first).containsEntry("watch", "true").containsEntry("sendInitialEvents", "true")
            .containsEntry("resourceVersionMatch", "NotOlderThan").containsEntry("allowWatchBookmarks", "true")
            .doesNotContainKey("resourceVersion");
        assertThat(foos).allSatisfy(q -> assertThat(q).containsEntry("watch", "true"));
      }
      case CACHED -> {
        // one list at resourceVersion 0, answered whole from the server's cache (kube ignores the
        // limit there, as the embedded server does), then a watch from its resourceVersion
        assertThat(first).containsEntry("resourceVersion", "0").doesNotContainKey("watch");
        assertThat(foos).hasSizeGreaterThanOrEqualTo(2);
        assertThat(foos.get(1)).containsEntry("watch", "true").doesNotContainKey("sendInitialEvents");
        assertThat(foos.stream().filter(q -> !q.containsKey("watch"))).hasSize(1);
      }
      default -> throw new AssertionError(mode);
    }

    // Bar's own reflector options: consistent pages of 2 (3 pages for 5 objects), then a watch
    List<Map<String, String>> bars = awaitQueries(BARS, 4);
    assertThat(bars.subList(0, 3)).allSatisfy(q -> assertThat(q).containsEntry("limit", "2")
        .doesNotContainKeys("watch", "resourceVersion", "sendInitialEvents"));
    assertThat(bars.get(0)).doesNotContainKey("continue");
    assertThat(bars.get(1)).containsKey("continue");
    assertThat(bars.get(3)).containsEntry("watch", "true").doesNotContainKey("sendInitialEvents");
  }

  /** The queries of the requests for {@code path} once there are at least {@code count} (the watch may follow the sync). */
  private List<Map<String, String>> awaitQueries(String path, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Map<String, String>> seen = queries(path);
    while (seen.size() < count) {
      assertThat(System.nanoTime()).as("%d requests for %s, got %s", count, path, seen).isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      seen = queries(path);
    }
    return seen;
  }

  private List<Map<String, String>> queries(String path) {
    return proxy.requests().stream().filter(r -> r.path().equals(path)).map(RecordedRequest::query)
        .collect(Collectors.toList());
  }
}
