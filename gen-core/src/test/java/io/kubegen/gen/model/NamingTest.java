package io.kubegen.gen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @Test
  void namedGroupVersion() {
    ApiGroupVersion gv = new ApiGroupVersion("samplecontroller.k8s.io", "v1alpha1");
    assertThat(gv.groupSegment()).isEqualTo("samplecontroller");
    assertThat(gv.versionSegment()).isEqualTo("v1alpha1");
    assertThat(gv.packageSuffix()).isEqualTo("samplecontroller.v1alpha1");
    assertThat(gv.typePrefix()).isEqualTo("SamplecontrollerV1alpha1");
    assertThat(gv.accessorName()).isEqualTo("samplecontrollerV1alpha1");
    assertThat(gv.apiVersion()).isEqualTo("samplecontroller.k8s.io/v1alpha1");
    assertThat(gv.apiPath()).isEqualTo("/apis/samplecontroller.k8s.io/v1alpha1");
    assertThat(Naming.groupVersionPackage("com.example.generated", Naming.CLIENTSET, gv))
        .isEqualTo("com.example.generated.clientset.samplecontroller.v1alpha1");
  }

  @Test
  void coreGroup() {
    ApiGroupVersion gv = new ApiGroupVersion("", "v1");
    assertThat(gv.isCore()).isTrue();
    assertThat(gv.groupSegment()).isEqualTo("core");
    assertThat(gv.typePrefix()).isEqualTo("CoreV1");
    assertThat(gv.accessorName()).isEqualTo("coreV1");
    assertThat(gv.apiVersion()).isEqualTo("v1");
    assertThat(gv.apiPath()).isEqualTo("/api/v1");
  }

  @ParameterizedTest
  @CsvSource({"apps, apps", "my-group.example.com, mygroup", "Example.COM, example", "new.example.com, new_"})
  void groupSegments(String group, String segment) {
    assertThat(Naming.groupSegment(group)).isEqualTo(segment);
  }

  @ParameterizedTest
  @CsvSource({
      "ConfigMap, configMaps",
      "NetworkPolicy, networkPolicies",
      "Foo, foos",
      "Endpoints, endpoints",
      "URLMap, urlMaps",
      "CSR, csrs",
      "IPAddress, ipAddresses",
  })
  void accessorsAreLowerCamelPlurals(String kind, String accessor) {
    assertThat(Naming.resourceAccessor(kind)).isEqualTo(accessor);
  }

  @Test
  void groupVersionsSortByGroupThenVersion() {
    assertThat(new ApiGroupVersion("", "v1")).isLessThan(new ApiGroupVersion("apps", "v1"));
    assertThat(new ApiGroupVersion("apps", "v1")).isLessThan(new ApiGroupVersion("apps", "v2"));
  }
}
