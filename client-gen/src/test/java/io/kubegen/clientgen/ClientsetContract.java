package io.kubegen.clientgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.core.v1.ConfigMap;
import com.example.samplecontroller.v1alpha1.Bar;
import com.example.samplecontroller.v1alpha1.Foo;
import com.example.samplecontroller.v1alpha1.Foo.FooStatus;
import com.example.testclients.clientset.Clientset;
import com.example.testclients.clientset.core.v1.ConfigMapClient;
import com.example.testclients.clientset.samplecontroller.v1alpha1.BarClient;
import com.example.testclients.clientset.samplecontroller.v1alpha1.FooClient;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.rest.KubeApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What generated clients must do against any server: CRUD, status, merge patch, equality label
 * selectors and the error codes, for a namespaced custom resource with status, a cluster-scoped
 * one and a core-group type. Subclasses provide the clientset: fabric8's mock server, the
 * embedded API server, {@code FakeClientset}. Only what every one of them does alike is asserted
 * (fabric8's mock answers 409 with reason Invalid, so conflicts are checked by code).
 */
@Timeout(60)
abstract class ClientsetContract {
  static final String NS = "default";

  /** The clientset under test. */
  abstract Clientset clientset();

  /** A name no other test of the class uses. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static KubeApiException apiError(Runnable call) {
    try {
      call.run();
    } catch (KubeApiException e) {
      return e;
    }
    throw new AssertionError("expected a KubeApiException");
  }

  @Test
  void namespacedCustomResourceLifecycle() {
    FooClient foos = clientset().samplecontrollerV1alpha1().foos(NS);
    String label = unique("run");
    Foo a = Foo.of(NS, unique("foo-a"), "deploy-a", 1);
    a.getMetadata().setLabels(Map.of("run", label, "app", "web"));
    Foo b = Foo.of(NS, unique("foo-b"), "deploy-b", 2);
    b.getMetadata().setLabels(Map.of("run", label, "app", "db"));

    Foo created = foos.create(a);
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    foos.create(b);
    assertThat(apiError(() -> foos.create(Foo.of(NS, a.getMetadata().getName(), "x", 0))).code()).isEqualTo(409);

    Foo got = foos.get(a.getMetadata().getName());
    assertThat(got.getSpec().getDeploymentName()).isEqualTo("deploy-a");
    assertThat(got.getSpec().getReplicas()).isEqualTo(1);

    ObjectList<Foo> web = foos.list(ListOptions.builder().labelSelector("run=" + label + ",app=web").build());
    assertThat(names(web.getItems())).containsExactly(a.getMetadata().getName());
    assertThat(names(foos.list(ListOptions.builder().labelSelector("run=" + label).build()).getItems()))
        .containsExactlyInAnyOrder(a.getMetadata().getName(), b.getMetadata().getName());

    got.getSpec().setReplicas(3);
    Foo updated = foos.update(got);
    assertThat(updated.getSpec().getReplicas()).isEqualTo(3);
    assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(got.getMetadata().getResourceVersion());

    got.getSpec().setReplicas(4); // still carries the old resourceVersion
    KubeApiException stale = apiError(() -> foos.update(got));
    assertThat(stale.code()).isEqualTo(409);
    assertThat(foos.get(a.getMetadata().getName()).getSpec().getReplicas()).isEqualTo(3);

    updated.setStatus(new FooStatus(3));
    Foo withStatus = foos.updateStatus(updated);
    assertThat(withStatus.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(foos.get(a.getMetadata().getName()).getStatus().getAvailableReplicas()).isEqualTo(3);

    Foo patched = foos.patch(a.getMetadata().getName(), PatchType.MERGE, "{\"spec\":{\"replicas\":5}}");
    assertThat(patched.getSpec().getReplicas()).isEqualTo(5);
    assertThat(foos.get(a.getMetadata().getName()).getSpec().getReplicas()).isEqualTo(5);

    foos.delete(a.getMetadata().getName());
    KubeApiException missing = apiError(() -> foos.get(a.getMetadata().getName()));
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.isNotFound()).isTrue();
    assertThat(apiError(() -> foos.delete(a.getMetadata().getName())).isNotFound()).isTrue();
    assertThat(names(foos.list(ListOptions.builder().labelSelector("run=" + label).build()).getItems()))
        .containsExactly(b.getMetadata().getName());
  }

  @Test
  void writesFillInAMissingApiVersionAndKind() {
    FooClient foos = clientset().samplecontrollerV1alpha1().foos(NS);
    Foo bare = Foo.of(NS, unique("foo-bare"), "deploy-bare", 1);
    bare.setApiVersion(null);
    bare.setKind(null);
    Foo created = foos.create(bare);
    assertThat(created.getApiVersion()).isEqualTo(FooClient.KIND.apiVersion());
    assertThat(created.getKind()).isEqualTo(FooClient.KIND.kind());
    assertThat(bare.getApiVersion()).as("the caller's object is left as it was").isNull();
    assertThat(FooClient.KIND).isEqualTo(new GroupVersionKind("samplecontroller.k8s.io", "v1alpha1", "Foo"));
    assertThat(FooClient.TYPE.groupVersionKind()).isEqualTo(FooClient.KIND);
    assertThat(FooClient.TYPE.resource()).isEqualTo(FooClient.RESOURCE);
  }

  @Test
  void clusterScopedResourceLifecycle() {
    BarClient bars = clientset().samplecontrollerV1alpha1().bars();
    Bar bar = new Bar();
    String name = unique("bar");
    bar.setMetadata(ObjectMeta.builder().name(name).build());
    bar.setData(Map.of("k", "v"));
    Bar created = bars.create(bar);
    assertThat(created.getMetadata().getNamespace()).isNull();
    assertThat(bars.get(name).getData()).containsEntry("k", "v");
    assertThat(names(bars.list().getItems())).contains(name);
    created.setData(Map.of("k", "w"));
    assertThat(bars.update(created).getData()).containsEntry("k", "w");
    bars.delete(name);
    assertThat(apiError(() -> bars.get(name)).isNotFound()).isTrue();
  }

  @Test
  void coreGroupRecordLifecycle() {
    ConfigMapClient configMaps = clientset().coreV1().configMaps(NS);
    String name = unique("cm");
    ConfigMap created = configMaps.create(ConfigMap.of(NS, name, Map.of("a", "1")));
    assertThat(created.data()).containsEntry("a", "1");
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    ConfigMap changed = new ConfigMap(created.apiVersion(), created.kind(), created.metadata(), Map.of("a", "2"));
    assertThat(configMaps.update(changed).data()).containsEntry("a", "2");
    assertThat(configMaps.get(name).data()).containsEntry("a", "2");
    assertThat(names(configMaps.list().getItems())).contains(name);
    configMaps.delete(name);
    assertThat(apiError(() -> configMaps.get(name)).isNotFound()).isTrue();
  }

  static List<String> names(List<? extends io.kubegen.runtime.api.KubernetesObject> items) {
    return items.stream().map(o -> o.getMetadata().getName()).toList();
  }
}
