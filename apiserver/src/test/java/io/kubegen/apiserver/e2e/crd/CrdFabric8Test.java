package io.kubegen.apiserver.e2e.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubegen.apiserver.EmbeddedApiServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fabric8 client sees schema errors as a 422 KubernetesClientException with the status causes. */
@Timeout(60)
class CrdFabric8Test {
  static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("shapes.example.com").withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true).build();

  static EmbeddedApiServer server;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedApiServer.start().registerCrds();
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url().toString()).withNamespace("default")
        .withRequestTimeout(10_000).build();
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static GenericKubernetesResource widget(String name, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder().withApiVersion("shapes.example.com/v1").withKind("Widget")
        .withNewMetadata().withName(name).endMetadata().withAdditionalProperties(Map.of("spec", spec)).build();
  }

  @Test
  void schemaErrorsArriveAsStatusCauses() {
    var widgets = client.genericKubernetesResources(WIDGETS).inNamespace("default");
    assertThatThrownBy(() -> widgets.resource(widget("f8-bad", Map.of("size", 42, "tags", java.util.List.of()))).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
          assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField, StatusCause::getReason,
              StatusCause::getMessage).containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("spec.size", "FieldValueInvalid",
                  "Invalid value: 42: spec.size in body should be less than or equal to 10"),
              org.assertj.core.groups.Tuple.tuple("spec.tags", "FieldValueInvalid",
                  "Invalid value: 0: spec.tags in body should have at least 1 items"));
        });
    GenericKubernetesResource created = widgets.resource(widget("f8-good", Map.of("size", 3, "unknown", "x"))).create();
    assertThat(created.<Object>get("spec")).isEqualTo(Map.of("size", 3, "color", "red"));
  }
}
