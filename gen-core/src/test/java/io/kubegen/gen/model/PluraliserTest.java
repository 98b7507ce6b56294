package io.kubegen.gen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluraliserTest {

  @ParameterizedTest
  @CsvSource({
      "Foo, foos",
      "Pod, pods",
      "ConfigMap, configmaps",
      "NetworkPolicy, networkpolicies",
      "Proxy, proxies",
      "Gateway, gateways",
      "Key, keys",
      "Ingress, ingresses",
      "Status, statuses",
      "Box, boxes",
      "Quiz, quizes",
      "Match, matches",
      "Mesh, meshes",
      "Graph, graphs",
      "Endpoints, endpoints",
      "SecurityContextConstraints, securitycontextconstraints",
      "PodMetrics, podmetrics",
      "Leaf, leaves",
      "Knife, knives",
      "Ref, refs",
      "Chief, chiefs",
      "Person, people",
      "TeamPerson, teampeople",
      "A, as",
  })
  void pluralisesLikeKubernetes(String kind, String plural) {
    assertThat(Pluraliser.resourceName(kind)).isEqualTo(plural);
  }

  @ParameterizedTest
  @CsvSource({"NetworkPolicy, NetworkPolicies", "ConfigMap, ConfigMaps", "Endpoints, Endpoints"})
  void keepsTheCaseOfTheKind(String kind, String plural) {
    assertThat(Pluraliser.pluralise(kind)).isEqualTo(plural);
  }
}
