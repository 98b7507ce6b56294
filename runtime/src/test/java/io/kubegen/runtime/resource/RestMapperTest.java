package io.kubegen.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.rest.KubeApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RestMapperTest {
  private final StubDiscovery discovery = new StubDiscovery();
  private final RestMapper mapper = RestMapper.create(discovery);

  @Test
  void mapsAKindInAVersionToItsResourceAndScope() {
    RestMapping cm = mapper.mapping(new GroupVersionKind("", "v1", "ConfigMap"));
    assertThat(cm).isEqualTo(new RestMapping(new GroupVersionResource("", "v1", "configmaps"),
        new GroupVersionKind("", "v1", "ConfigMap"), true));
    assertThat(mapper.mapping(GroupVersionKind.of("v1", "Namespace")).namespaced()).isFalse();
    assertThat(mapper.mapping(GroupVersionKind.of("apps/v1beta1", "Deployment")).resource().version()).isEqualTo("v1beta1");
    assertThat(cm.displayName("x")).isEqualTo("configmap/x");
    assertThat(mapper.mapping("apps", "Deployment").displayName("web")).isEqualTo("deployment.apps/web");
  }

  @Test
  void anEmptyVersionMeansThePreferredOneOrElseTheFirstServing() {
    assertThat(mapper.mapping("apps", "Deployment").resource()).isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
    // ControllerRevision exists only in v1beta1, which is not the preferred version
    assertThat(mapper.mapping("apps", "ControllerRevision").kind().version()).isEqualTo("v1beta1");
  }

  @Test
  void resolvesPluralsSingularsShortNamesKindsAndQualifiedArguments() {
    GroupVersionResource configmaps = new GroupVersionResource("", "v1", "configmaps");
    GroupVersionResource deployments = new GroupVersionResource("apps", "v1", "deployments");
    assertThat(mapper.mappingFor("configmaps").resource()).isEqualTo(configmaps);
    assertThat(mapper.mappingFor("configmap").resource()).isEqualTo(configmaps);
    assertThat(mapper.mappingFor("cm").resource()).isEqualTo(configmaps);
    assertThat(mapper.mappingFor("ConfigMap").resource()).isEqualTo(configmaps);
    assertThat(mapper.mappingFor("deploy").resource()).isEqualTo(deployments);
    assertThat(mapper.mappingFor("deployment").resource()).isEqualTo(deployments);
    assertThat(mapper.mappingFor("deployments.apps").resource()).isEqualTo(deployments);
    assertThat(mapper.mappingFor("deploy.apps").resource()).isEqualTo(deployments);
    assertThat(mapper.mappingFor("deployments.v1beta1.apps").resource().version()).isEqualTo("v1beta1");
    assertThat(mapper.mappingFor("Deployment.v1beta1.apps").resource().version()).isEqualTo("v1beta1");
    // the core group wins a name several groups serve, unless the group is named
    assertThat(mapper.mappingFor("events").resource().group()).isEmpty();
    assertThat(mapper.mappingFor("ev").resource().group()).isEmpty();
    assertThat(mapper.mappingFor("events.events.k8s.io").resource().group()).isEqualTo("events.k8s.io");
    assertThat(mapper.kindFor(new GroupVersionResource("apps", "", "deploy"))).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(mapper.kindFor(new GroupVersionResource("", "v1", "secret"))).isEqualTo(new GroupVersionKind("", "v1", "Secret"));
  }

  @Test
  void aMissReadsDiscoveryOnceMoreSoANewCrdIsFound() {
    mapper.mapping("", "ConfigMap");
    assertThat(discovery.groupReads).hasValue(1);
    discovery.add("example.io", "v1", "foos", "Foo", true, "fo");

    assertThat(mapper.mapping(GroupVersionKind.of("example.io/v1", "Foo")).resource().resource()).isEqualTo("foos");
    assertThat(discovery.groupReads).hasValue(2);
    assertThat(discovery.invalidations).hasValue(1);
    assertThat(mapper.mappingFor("fo").kind().kind()).isEqualTo("Foo");
    assertThat(discovery.groupReads).as("hits need no read").hasValue(2);
  }

  @Test
  void aKindStillMissingAfterTheSecondReadFailsWithKubectlsMessage() {
    assertThatThrownBy(() -> mapper.mapping(GroupVersionKind.of("example.io/v1", "Gadget")))
        .isInstanceOf(NoMatchException.class)
        .hasMessage("no matches for kind \"Gadget\" in version \"example.io/v1\"");
    assertThat(discovery.groupReads).hasValue(2);
    assertThatThrownBy(() -> mapper.mapping("example.io", "Gadget"))
        .hasMessage("no matches for kind \"Gadget\" in group \"example.io\"");
    assertThatThrownBy(() -> mapper.mapping(GroupVersionKind.of("apps/v2", "Deployment")))
        .hasMessage("no matches for kind \"Deployment\" in version \"apps/v2\"");
    assertThatThrownBy(() -> mapper.mappingFor("gadgets"))
        .isInstanceOf(NoMatchException.class).hasMessage("the server doesn't have a resource type \"gadgets\"");
    assertThatThrownBy(() -> mapper.kindFor(new GroupVersionResource("", "v1", "gadgets")))
        .isInstanceOf(NoMatchException.class);
  }

  @Test
  void aGroupVersionThatFailsDiscoveryIsLeftOutAndNamedInTheMiss() {
    discovery.add("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true);
    discovery.fail("metrics.k8s.io/v1beta1", new KubeApiException(Status.failure(503, "ServiceUnavailable", "metrics down")));

    assertThat(mapper.mappingFor("cm").kind().kind()).isEqualTo("ConfigMap");
    assertThatThrownBy(() -> mapper.mapping(GroupVersionKind.of("metrics.k8s.io/v1beta1", "PodMetrics")))
        .hasMessageStartingWith("no matches for kind \"PodMetrics\" in version \"metrics.k8s.io/v1beta1\" (discovery of metrics.k8s.io/v1beta1 failed:")
        .hasMessageContaining("metrics down");
  }

  @Test
  void resetForgetsDiscovery() {
    mapper.mapping("", "ConfigMap");
    mapper.reset();
    mapper.mapping("", "ConfigMap");
    assertThat(discovery.groupReads).hasValue(2);
  }

  @Test
  void threadsMissingOnTheSameSnapshotShareOneReread() throws Exception {
    mapper.mapping("", "ConfigMap");
    discovery.add("example.io", "v1", "foos", "Foo", true);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<RestMapping>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return mapper.mapping(GroupVersionKind.of("example.io/v1", "Foo"));
        }));
      }
      go.countDown();
      for (Future<RestMapping> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS).resource().resource()).isEqualTo("foos");
      }
    } finally {
      pool.shutdownNow();
    }
    // the first read, then one re-read shared by every thread that missed on the first snapshot
    assertThat(discovery.groupReads).hasValue(2);
  }
}
