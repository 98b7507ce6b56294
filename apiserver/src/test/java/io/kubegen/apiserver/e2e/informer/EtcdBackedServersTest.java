package io.kubegen.apiserver.e2e.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.storage.EtcdStorage;
import io.kubegen.apiserver.storage.EtcdTesting;
import io.kubegen.apiserver.storage.LocalEtcd;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ReflectorOptions;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded API servers over a real etcd: state and resourceVersions survive a restart, an
 * informer across the restart converges without duplicate or lost notifications, two servers
 * share one state (kubectl and a kubegen informer see each other's writes, a client with both
 * endpoints fails over), and an unreachable etcd is a 503 with Retry-After, never a hang.
 */
@Timeout(120)
class EtcdBackedServersTest {
  private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
  private static final String NS = "default";
  private static final String CRD = """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"gadgets.etcd.kubegen.io"},
       "spec":{"group":"etcd.kubegen.io","scope":"Namespaced",
         "names":{"plural":"gadgets","singular":"gadget","kind":"Gadget","listKind":"GadgetList"},
         "versions":[{"name":"v1","served":true,"storage":true,
           "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
             "properties":{"size":{"type":"integer","maximum":10}}}}}}}]}}
      """;

  private static LocalEtcd etcd;
  private final List<AutoCloseable> closeLast = new ArrayList<>();
  private String prefix;

  @BeforeAll
  static void startEtcd() {
    EtcdTesting.assumeEtcd();
    etcd = LocalEtcd.start();
  }

  @AfterAll
  static void stopEtcd() {
    if (etcd != null) {
      etcd.close();
    }
  }

  @BeforeEach
  void prefix(TestInfo test) {
    prefix = "/kubegen-" + test.getTestMethod().orElseThrow().getName();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeLast.size() - 1; i >= 0; i--) {
      closeLast.get(i).close();
    }
    if (!etcd.isRunning()) {
      etcd.restart();
    }
  }

  private <T extends AutoCloseable> T closing(T resource) {
    closeLast.add(resource);
    return resource;
  }

  private EtcdStorage storage(Duration requestTimeout) {
    return EtcdStorage.builder().endpoint(etcd.endpoint()).prefix(prefix).requestTimeout(requestTimeout).connect();
  }

  private EmbeddedApiServer server(int port) {
    return closing(EmbeddedApiServer.builder().port(port).bookmarkInterval(Duration.ofMillis(200))
        .storage(storage(Duration.ofSeconds(5))).build().start());
  }

  private RestClient client(EmbeddedApiServer... servers) {
    List<String> urls = new ArrayList<>();
    for (EmbeddedApiServer s : servers) {
      urls.add(s.url().toString());
    }
    return closing(RestClient.create(RestConfig.builder().servers(urls).qps(-1f).build()));
  }

  private static ResourceClient<ConfigMap> configMaps(RestClient client) {
    return new ResourceClient<>(client, CONFIGMAPS, ConfigMap.class, NS);
  }

  private static HttpResponse<String> http(String method, URI url, String body) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json");
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void awaitTrue(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what.get());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void objectsResourceVersionsAndCustomResourcesSurviveARestart() {
    EmbeddedApiServer first = server(0);
    ConfigMap created = configMaps(client(first)).create(ConfigMap.of(NS, "kept", "v1"), CreateOptions.none());
    assertThat(http("POST", first.url().resolve("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"), CRD).statusCode())
        .isEqualTo(201);
    HttpResponse<String> gadget = http("POST", first.url().resolve("/apis/etcd.kubegen.io/v1/namespaces/default/gadgets"),
        "{\"metadata\":{\"name\":\"g1\"},\"spec\":{\"size\":3}}");
    assertThat(gadget.statusCode()).isEqualTo(201);
    first.close();

    EmbeddedApiServer second = server(0);
    ConfigMap read = configMaps(client(second)).get("kept", null);
    assertThat(read.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
    assertThat(read.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(read.getData()).containsEntry("value", "v1");
    HttpResponse<String> again = http("GET", second.url().resolve("/apis/etcd.kubegen.io/v1/namespaces/default/gadgets/g1"), null);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(gadget.body());
    // the schema of the stored CRD is enforced after the restart too
    assertThat(http("POST", second.url().resolve("/apis/etcd.kubegen.io/v1/namespaces/default/gadgets"),
        "{\"metadata\":{\"name\":\"g2\"},\"spec\":{\"size\":11}}").statusCode()).isEqualTo(422);
    assertThat(http("GET", second.url().resolve("/api/v1/namespaces/kube-system"), null).statusCode()).isEqualTo(200);
  }

  /** Every notification of one handler, in order, as {@code name@resourceVersion}, plus its own view. */
  static final class RecordingHandler implements ResourceEventHandler<ConfigMap> {
    final Map<String, List<Long>> versions = new ConcurrentHashMap<>();
    final Map<String, String> view = new ConcurrentHashMap<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    private void seen(ConfigMap c) {
      long rv = Long.parseLong(c.getMetadata().getResourceVersion());
      List<Long> list = versions.computeIfAbsent(c.getMetadata().getName(), n -> new CopyOnWriteArrayList<>());
      if (!list.isEmpty() && list.get(list.size() - 1) >= rv) {
        problems.add(c.getMetadata().getName() + " went from " + list.get(list.size() - 1) + " to " + rv);
      }
      list.add(rv);
    }

    @Override public void onAdd(ConfigMap obj, boolean isInInitialList) {
      seen(obj);
      view.put(obj.getMetadata().getName(), obj.state());
    }

    @Override public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
      if (!oldObj.getMetadata().getResourceVersion().equals(newObj.getMetadata().getResourceVersion())) {
        seen(newObj);
      }
      view.put(newObj.getMetadata().getName(), newObj.state());
    }

    @Override public void onDelete(ConfigMap obj, boolean finalStateUnknown) {
      if (!finalStateUnknown) {
        seen(obj);
      }
      view.remove(obj.getMetadata().getName());
    }
  }

  private static Map<String, String> state(ResourceClient<ConfigMap> client) {
    Map<String, String> out = new TreeMap<>();
    client.list(ListOptions.none()).getItems().forEach(c -> out.put(c.getMetadata().getName(), c.state()));
    return out;
  }

  @Test
  void informerAcrossARestartConvergesWithoutDuplicateOrLostNotifications() throws Exception {
    EmbeddedApiServer writer = server(0);
    ResourceClient<ConfigMap> writes = configMaps(client(writer));
    EmbeddedApiServer served = server(0);
    int port = served.port();
    RestClient informerClient = closing(RestClient.create(RestConfig.builder().server(served.url().toString()).qps(-1f).build()));
    InformerOverHttpTest.CountingListWatch listWatch =
        new InformerOverHttpTest.CountingListWatch(ListWatch.of(configMaps(informerClient)));
    SharedIndexInformer<ConfigMap> informer = SharedIndexInformer.builder(listWatch, ConfigMap.class)
        .reflectorOptions(ReflectorOptions.builder()
            .backoff(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMinutes(2), 0.5).build())
        .build();
    closeLast.add(informer::stop);
    RecordingHandler handler = new RecordingHandler();
    var registration = informer.addEventHandler(handler);
    Map<String, List<Long>> written = new ConcurrentHashMap<>();
    for (int i = 0; i < 10; i++) {
      record(written, writes.create(ConfigMap.of(NS, "cm" + i, "a"), CreateOptions.none()));
    }
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer, registration)).isTrue();
    record(written, update(writes, "cm0", "b"));
    awaitTrue(Duration.ofSeconds(20), () -> handler.view.equals(state(writes)), () -> "converged before the restart");

    served.close();
    // While the informer's server is down, another server over the same etcd goes on writing.
    record(written, update(writes, "cm1", "down"));
    writes.delete("cm2", DeleteOptions.none());
    record(written, writes.create(ConfigMap.of(NS, "cm-new", "down"), CreateOptions.none()));
    record(written, update(writes, "cm-new", "down2"));
    served = server(port);
    record(written, update(writes, "cm3", "after"));
    record(written, writes.create(ConfigMap.of(NS, "cm-after", "after"), CreateOptions.none()));

    awaitTrue(Duration.ofSeconds(30), () -> handler.view.equals(state(writes)) && cacheState(informer).equals(state(writes)),
        () -> "converged after the restart: handler " + new TreeMap<>(handler.view) + ", server " + state(writes));
    assertThat(handler.problems).as("resourceVersions going backwards or notified twice").isEmpty();
    assertThat(listWatch.lists).as("the informer re-watched from its resourceVersion instead of relisting").hasSize(1);
    for (Map.Entry<String, List<Long>> e : written.entrySet()) {
      assertThat(handler.versions.get(e.getKey())).as("notifications of %s", e.getKey()).containsAll(e.getValue());
    }
    assertThat(handler.versions.get("cm2")).as("the delete of cm2 while the server was down").hasSize(2);
    assertThat(handler.view).doesNotContainKey("cm2");
  }

  private static Map<String, String> cacheState(SharedIndexInformer<ConfigMap> informer) {
    Map<String, String> out = new TreeMap<>();
    informer.getIndexer().list().forEach(c -> out.put(c.getMetadata().getName(), c.state()));
    return out;
  }

  private static ConfigMap update(ResourceClient<ConfigMap> client, String name, String value) {
    ConfigMap current = client.get(name, null);
    current.getData().put("value", value);
    return client.update(current, UpdateOptions.none());
  }

  private static void record(Map<String, List<Long>> written, ConfigMap c) {
    written.computeIfAbsent(c.getMetadata().getName(), n -> new CopyOnWriteArrayList<>())
        .add(Long.parseLong(c.getMetadata().getResourceVersion()));
  }

  /** kubectl 1.32, pinned: the binary beside the dispatcher {@code kubectl} resolves to. */
  private static Path kubectl() {
    Path dispatcher = Path.of("/usr/bin/kubectl");
    assumeTrue(Files.isExecutable(dispatcher), "kubectl not found; skipping the kubectl part");
    try {
      Path pinned = dispatcher.toRealPath().resolveSibling("kubectl.1.32");
      assumeTrue(Files.isExecutable(pinned), "kubectl.1.32 not found beside " + dispatcher.toRealPath());
      return pinned;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String kubectl(Path binary, Path home, EmbeddedApiServer server, String... args) throws Exception {
    Path kubeconfig = server.writeKubeconfig(home.resolve("kubeconfig-" + server.port() + ".yaml"));
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--kubeconfig=" + kubeconfig, "--request-timeout=20s"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("KUBECACHEDIR", home.resolve("cache-" + server.port()).toString());
    pb.environment().remove("KUBECONFIG");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), text).isZero();
    return text;
  }

  @Test
  void twoServersOverOneEtcdShareStateWithKubectlAndInformersAndClientsFailOver(@TempDir Path home) throws Exception {
    EmbeddedApiServer a = server(0);
    EmbeddedApiServer b = server(0);
    Path kubectl = kubectl();

    // A kubegen informer on B sees what kubectl writes through A.
    RestClient viaB = client(b);
    SharedIndexInformer<ConfigMap> informer = SharedIndexInformer.builder(ListWatch.of(configMaps(viaB)), ConfigMap.class).build();
    closeLast.add(informer::stop);
    RecordingHandler handler = new RecordingHandler();
    var registration = informer.addEventHandler(handler);
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer, registration)).isTrue();

    Path manifest = Files.writeString(home.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: default\ndata:\n  value: from-a\n");
    kubectl(kubectl, home, a, "apply", "-f", manifest.toString());
    String onB = kubectl(kubectl, home, b, "get", "configmap", "shared", "-o", "jsonpath={.data.value}@{.metadata.resourceVersion}");
    String onA = kubectl(kubectl, home, a, "get", "configmap", "shared", "-o", "jsonpath={.data.value}@{.metadata.resourceVersion}");
    assertThat(onB).startsWith("from-a@").isEqualTo(onA);
    awaitTrue(Duration.ofSeconds(20), () -> handler.view.containsKey("shared"), () -> "B's informer saw the write through A");
    kubectl(kubectl, home, a, "patch", "configmap", "shared", "--type=merge", "-p", "{\"data\":{\"value\":\"patched\"}}");
    awaitTrue(Duration.ofSeconds(20), () -> String.valueOf(handler.view.get("shared")).endsWith("=patched"),
        () -> "B's informer saw the patch through A: " + handler.view);

    // A CRD created through A is served by B.
    Path crd = Files.writeString(home.resolve("crd.json"), CRD);
    kubectl(kubectl, home, a, "apply", "-f", crd.toString());
    awaitTrue(Duration.ofSeconds(20), () -> http("GET", b.url().resolve("/apis/etcd.kubegen.io/v1/namespaces/default/gadgets"),
        null).statusCode() == 200, () -> "B serves the CRD created through A");
    Path gadget = Files.writeString(home.resolve("gadget.yaml"),
        "apiVersion: etcd.kubegen.io/v1\nkind: Gadget\nmetadata:\n  name: g\n  namespace: default\nspec:\n  size: 1\n");
    kubectl(kubectl, home, b, "apply", "-f", gadget.toString());
    assertThat(kubectl(kubectl, home, a, "get", "gadgets", "-o", "name")).contains("gadget.etcd.kubegen.io/g");

    // A client with both endpoints goes on working when the first one stops.
    ResourceClient<ConfigMap> both = configMaps(client(a, b));
    assertThat(both.get("shared", null).getData()).containsEntry("value", "patched");
    a.close();
    ConfigMap created = both.create(ConfigMap.of(NS, "after-failover", "x"), CreateOptions.none());
    assertThat(both.get("after-failover", null).getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());
    awaitTrue(Duration.ofSeconds(20), () -> handler.view.containsKey("after-failover"), () -> "B's informer saw it");
    assertThat(handler.problems).isEmpty();
  }

  @Test
  void anUnreachableEtcdIsA503WithRetryAfterAndServiceResumesWhenItIsBack() {
    EmbeddedApiServer server = closing(EmbeddedApiServer.builder().storage(storage(Duration.ofSeconds(1))).build().start());
    URI configMap = server.url().resolve("/api/v1/namespaces/default/configmaps/c");
    assertThat(http("POST", server.url().resolve("/api/v1/namespaces/default/configmaps"),
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"value\":\"1\"}}").statusCode()).isEqualTo(201);

    etcd.pause(); // answers nothing: calls run into their deadline
    try {
      long start = System.nanoTime();
      HttpResponse<String> frozen = http("GET", configMap, null);
      assertThat(frozen.statusCode()).isEqualTo(503);
      assertThat(frozen.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(frozen.body()).contains("ServiceUnavailable").contains("did not answer within 1000 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      HttpResponse<String> write = http("PUT", configMap, "{\"metadata\":{\"name\":\"c\"},\"data\":{\"value\":\"2\"}}");
      assertThat(write.statusCode()).isEqualTo(503);
    } finally {
      etcd.resume();
    }
    awaitTrue(Duration.ofSeconds(15), () -> http("GET", configMap, null).statusCode() == 200, () -> "served again after SIGCONT");

    etcd.stop(); // gone: connections refused
    HttpResponse<String> down = http("GET", configMap, null);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(http("GET", server.url().resolve("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=5"), null)
        .statusCode()).isEqualTo(503);
    etcd.restart();
    awaitTrue(Duration.ofSeconds(15), () -> http("GET", configMap, null).statusCode() == 200, () -> "served again after a restart");
    assertThat(http("GET", configMap, null).body()).contains("\"value\":\"1\"");
  }
}
