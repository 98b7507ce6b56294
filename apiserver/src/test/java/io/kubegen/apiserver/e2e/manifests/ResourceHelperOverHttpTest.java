package io.kubegen.apiserver.e2e.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.resource.DryRun;
import io.kubegen.runtime.resource.ResourceHelper;
import io.kubegen.runtime.resource.RestMapper;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every verb of the helper against the embedded server, for real and as server and client dry runs. */
@Timeout(60)
class ResourceHelperOverHttpTest {
  private EmbeddedApiServer server;
  private RestClient client;
  private ResourceHelper configMaps;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.start();
    client = RestClient.create(server.restConfig());
    RestMapper mapper = RestMapper.create(DiscoveryClient.create(client));
    configMaps = ResourceHelper.create(client, mapper.mappingFor("cm")).withFieldManager("helper-tests");
    assertThat(mapper.mapping(GroupVersionKind.of("v1", "ConfigMap"))).isEqualTo(configMaps.mapping());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static GenericObject cm(String name, String value) {
    return new GenericObject(null, null, ObjectMeta.builder().name(name).build()).set("data", Map.of("k", value));
  }

  @Test
  void createReplacePatchApplyGetAndDeleteForReal() {
    GenericObject created = configMaps.create("default", cm("real", "1"));
    assertThat(created.getMetadata().getUid()).isNotBlank();

    GenericObject stale = configMaps.get("default", "real");
    GenericObject replaced = configMaps.replace("default", cm("real", "2"));
    assertThat(replaced.get("data", "k")).isEqualTo("2");
    stale.set("data", Map.of("k", "stale"));
    assertThatThrownBy(() -> configMaps.replace("default", stale))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isConflict()).isTrue());

    assertThat(configMaps.patch("default", "real", PatchType.MERGE, "{\"data\":{\"m\":\"merge\"}}").get("data", "m")).isEqualTo("merge");
    assertThat(configMaps.patch("default", "real", PatchType.JSON, "[{\"op\":\"remove\",\"path\":\"/data/m\"}]").get("data", "m")).isNull();
    assertThat(configMaps.apply("default", cm("real", "applied"), true).get("data", "k")).isEqualTo("applied");
    assertThat(configMaps.list("default", null).getItems()).extracting(o -> o.getMetadata().getName()).containsExactly("real");

    GenericObject status = configMaps.delete("default", "real", DeleteOptions.builder().propagationPolicy(DeleteOptions.FOREGROUND).build());
    assertThat(status.getKind()).isEqualTo("Status");
    assertThatThrownBy(() -> configMaps.get("default", "real"))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void serverAndClientDryRunsStoreNothing() {
    configMaps.create("default", cm("kept", "1"));
    long revision = server.storage().revision();
    for (DryRun mode : List.of(DryRun.SERVER, DryRun.CLIENT)) {
      ResourceHelper dry = configMaps.withDryRun(mode);
      assertThat(dry.create("default", cm("never", "1")).getMetadata().getName()).isEqualTo("never");
      assertThat(dry.replace("default", cm("kept", "2")).get("data", "k")).isEqualTo("2");
      assertThat(dry.patch("default", "kept", PatchType.MERGE, "{\"data\":{\"k\":\"3\"}}").get("data", "k")).isEqualTo("3");
      assertThat(dry.patch("default", "kept", PatchType.JSON, "[{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"4\"}]")
          .get("data", "k")).isEqualTo("4");
      assertThat(dry.apply("default", cm("kept", "5"), true).get("data", "k")).isEqualTo("5");
      assertThat(dry.delete("default", "kept").getKind()).as(mode.name()).isIn("Status", "ConfigMap");
      assertThatThrownBy(() -> dry.delete("default", "absent"))
          .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    }
    assertThat(server.storage().revision()).isEqualTo(revision);
    assertThat(configMaps.get("default", "kept").get("data", "k")).isEqualTo("1");
    assertThatThrownBy(() -> configMaps.get("default", "never")).isInstanceOf(KubeApiException.class);
  }
}
