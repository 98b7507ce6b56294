package io.kubegen.runtime.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.TestFoo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericObjectTest {
  private static final String FOO = "{\"apiVersion\":\"samplecontroller.k8s.io/v1alpha1\",\"kind\":\"Foo\","
      + "\"metadata\":{\"name\":\"a\",\"namespace\":\"ns\",\"labels\":{\"app\":\"x\"}},"
      + "\"spec\":{\"replicas\":2,\"deploymentName\":\"a-dep\",\"extra\":[1,2]},\"status\":{\"availableReplicas\":1}}";

  @Test
  void keepsUnknownFieldsAndWritesThemBack() throws Exception {
    GenericObject obj = GenericObject.parse(FOO);
    assertThat(obj.getKind()).isEqualTo("Foo");
    assertThat(obj.getMetadata().getLabels()).containsEntry("app", "x");
    assertThat(obj.get("spec", "replicas")).isEqualTo(2);
    assertThat(obj.get("spec", "missing", "deeper")).isNull();
    assertThat(Json.mapper().readTree(Json.write(obj))).isEqualTo(Json.mapper().readTree(FOO));
  }

  @Test
  void setPathCreatesNestedMapsAndNullRemoves() {
    GenericObject obj = new GenericObject("v1", "ConfigMap", null);
    obj.setPath("v", "data", "k");
    obj.setPath(3, "spec", "template", "replicas");
    assertThat(obj.toMap()).containsEntry("data", Map.of("k", "v"))
        .containsEntry("spec", Map.of("template", Map.of("replicas", 3)));
    obj.setPath(null, "data", "k");
    obj.set("spec", null);
    assertThat(obj.get("data")).isEqualTo(Map.of());
    assertThat(obj.getFields()).doesNotContainKey("spec");
  }

  @Test
  void convertsToAndFromTypedModels() {
    TestFoo foo = TestFoo.of("ns", "b", 4);
    GenericObject generic = GenericObject.from(foo);
    assertThat(generic.get("spec", "replicas")).isEqualTo(4);
    generic.setPath(6, "spec", "replicas");
    TestFoo back = generic.as(TestFoo.class);
    assertThat(back.getSpec().getReplicas()).isEqualTo(6);
    assertThat(back.getMetadata().getName()).isEqualTo("b");
    assertThat(GenericObject.parse(FOO)).isEqualTo(GenericObject.parse(FOO));
  }
}
