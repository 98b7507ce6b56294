package io.kubegen.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The official Kubernetes Java client's informer (chunked HTTP watch) against the embedded server over HTTPS. */
@Timeout(60)
class ClientJavaInformerTest {
  @RegisterExtension
  static EmbeddedApiServerExtension api = EmbeddedApiServerExtension.configured(b -> b.https(true).bearerToken("client-java-token"));

  @TempDir
  Path dir;

  @Test
  void informerSyncsAndFollowsChanges(EmbeddedApiServer server) throws Exception {
    Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
    ApiClient client;
    try (Reader r = Files.newBufferedReader(kubeconfig)) {
      client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(r)).setReadTimeout(Duration.ZERO).build();
    }
    CoreV1Api core = new CoreV1Api(client);
    core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name("cj"))).execute();
    for (int i = 0; i < 30; i++) {
      core.createNamespacedConfigMap("cj", configMap("cm-" + i, "v" + i)).execute();
    }
    SharedInformerFactory factory = new SharedInformerFactory(client);
    SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(
        new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client),
        V1ConfigMap.class, 0, "cj");
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(V1ConfigMap obj) { events.add("add " + obj.getMetadata().getName()); }

      @Override
      public void onUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) {
        events.add("update " + newObj.getMetadata().getName() + " " + newObj.getData().get("k"));
      }

      @Override
      public void onDelete(V1ConfigMap obj, boolean deletedFinalStateUnknown) {
        events.add("delete " + obj.getMetadata().getName());
      }
    });
    factory.startAllRegisteredInformers();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!informer.hasSynced()) {
        assertThat(System.nanoTime()).as("informer synced within 20 s").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(20); // polling with a deadline: client-java offers no sync callback
      }
      assertThat(informer.getIndexer().list()).hasSize(30);

      core.createNamespacedConfigMap("cj", configMap("cm-new", "fresh")).execute();
      V1ConfigMap seven = core.readNamespacedConfigMap("cm-7", "cj").execute();
      seven.setData(Map.of("k", "changed"));
      core.replaceNamespacedConfigMap("cm-7", "cj", seven).execute();
      core.deleteNamespacedConfigMap("cm-8", "cj").execute();

      for (String wanted : List.of("add cm-new", "update cm-7 changed", "delete cm-8")) {
        String e;
        do {
          e = events.poll(20, TimeUnit.SECONDS);
          assertThat(e).as("waiting for " + wanted).isNotNull();
        } while (!e.equals(wanted));
      }
      assertThat(informer.getIndexer().getByKey("cj/cm-7").getData()).containsEntry("k", "changed");
      assertThat(informer.getIndexer().getByKey("cj/cm-8")).isNull();
      assertThat(informer.getIndexer().list()).hasSize(30);
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }

  private static V1ConfigMap configMap(String name, String value) {
    return new V1ConfigMap().apiVersion("v1").kind("ConfigMap").metadata(new V1ObjectMeta().name(name)).data(Map.of("k", value));
  }
}
