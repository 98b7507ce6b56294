package io.kubegen.sample.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.resource.DryRun;
import io.kubegen.runtime.resource.ManifestResult;
import io.kubegen.runtime.resource.Manifests;
import io.kubegen.runtime.resource.ResourceBuilder;
import io.kubegen.runtime.resource.ResourceHelper;
import io.kubegen.runtime.resource.RestMapper;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample's generated CRDs installed from {@code crds.yaml} with the manifests facade, then generated
 * {@link Foo}s written through the same helpers and read back with the generated clientset.
 */
@Timeout(60)
class ManifestsWithGeneratedTypesTest {
  private EmbeddedApiServer server;
  private RestClient client;
  private Clientset clients;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.start();
    client = RestClient.create(server.restConfig());
    clients = Clientset.create(client);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void crdsFromTheSampleManifestThenGeneratedObjectsThroughTheHelperAndTheFacade() {
    List<ManifestResult> installed = Manifests.apply(client, Path.of("crds.yaml"));
    assertThat(installed).extracting(ManifestResult::toString).containsExactly(
        "customresourcedefinition.apiextensions.k8s.io/foopolicies.samplecontroller.k8s.io created",
        "customresourcedefinition.apiextensions.k8s.io/foos.samplecontroller.k8s.io created");

    RestMapper mapper = RestMapper.create(DiscoveryClient.create(client));
    ResourceHelper foos = ResourceHelper.create(client, mapper.mapping(GroupVersionKind.of(Foo.API_VERSION, Foo.KIND)))
        .withFieldManager("sample-tests");
    Foo applied = foos.apply("default", Foo.of(null, "typed", "typed-deploy", 2), false);
    assertThat(applied.getMetadata().getUid()).isNotBlank();
    assertThat(clients.samplecontrollerV1alpha1().foos("default").get("typed").getSpec().getReplicas()).isEqualTo(2);

    Foo dry = foos.withDryRun(DryRun.SERVER).apply("default", Foo.of(null, "typed", "typed-deploy", 5), false);
    assertThat(dry.getSpec().getReplicas()).isEqualTo(5);
    assertThat(clients.samplecontrollerV1alpha1().foos("default").get("typed").getSpec().getReplicas()).isEqualTo(2);

    List<ManifestResult> results = Manifests.using(client).mapper(mapper)
        .applyObjects(Foo.of("default", "typed", "typed-deploy", 3), Foo.of("kube-public", "other", "other-deploy", 1));
    assertThat(results).extracting(ManifestResult::toString).containsExactly(
        "foo.samplecontroller.k8s.io/typed configured", "foo.samplecontroller.k8s.io/other created");
    assertThat(clients.samplecontrollerV1alpha1().foos("default").get("typed").getSpec().getReplicas()).isEqualTo(3);

    // and back from a manifest into the generated model
    Foo fromYaml = ResourceBuilder.create(client).mapper(mapper)
        .strings("apiVersion: samplecontroller.k8s.io/v1alpha1\nkind: Foo\nmetadata: {name: y}\nspec: {deploymentName: d, replicas: 7}\n")
        .build().infos().get(0).as(Foo.class);
    assertThat(fromYaml.getSpec().getReplicas()).isEqualTo(7);
    assertThat(fromYaml.getMetadata().getNamespace()).isEqualTo("default");
  }
}
