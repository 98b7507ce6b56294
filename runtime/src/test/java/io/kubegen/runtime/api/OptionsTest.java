package io.kubegen.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.json.Json;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void listOptionsEncodeOnlyWhatIsSetInStableOrder() {
    ListOptions o = ListOptions.builder().timeoutSeconds(30).labelSelector("a=b").limit(500)
        .continueToken("tok").resourceVersion("12").resourceVersionMatch("NotOlderThan")
        .fieldSelector("metadata.name=x").allowWatchBookmarks(true).sendInitialEvents(false).build();
    assertThat(o.toQueryParameters()).containsExactly(
        entry("labelSelector", "a=b"), entry("fieldSelector", "metadata.name=x"),
        entry("resourceVersion", "12"), entry("resourceVersionMatch", "NotOlderThan"),
        entry("limit", "500"), entry("continue", "tok"), entry("timeoutSeconds", "30"),
        entry("allowWatchBookmarks", "true"), entry("sendInitialEvents", "false"));
    assertThat(ListOptions.none().toQueryParameters()).isEmpty();
    assertThat(ListOptions.builder().labelSelector("").build().toQueryParameters()).isEmpty();
  }

  @Test
  void toBuilderCopiesAndChangesOneField() {
    ListOptions base = ListOptions.builder().labelSelector("a=b").limit(5).build();
    ListOptions next = base.toBuilder().continueToken("c").build();
    assertThat(next.labelSelector()).isEqualTo("a=b");
    assertThat(next.limit()).isEqualTo(5);
    assertThat(next.continueToken()).isEqualTo("c");
    assertThat(base.continueToken()).isNull();
  }

  @Test
  void writeOptionsEncodeDryRunAndFieldManager() {
    assertThat(CreateOptions.builder().dryRun(true).fieldManager("me").build().toQueryParameters())
        .containsExactly(entry("dryRun", "All"), entry("fieldManager", "me"));
    assertThat(UpdateOptions.none().toQueryParameters()).isEmpty();
    assertThat(PatchOptions.builder().fieldManager("kubectl").force(true).build().toQueryParameters())
        .containsExactly(entry("fieldManager", "kubectl"), entry("force", "true"));
    assertThat(GetOptions.builder().resourceVersion("0").build().toQueryParameters())
        .containsExactly(entry("resourceVersion", "0"));
  }

  @Test
  void deleteOptionsSerialiseAsTheKubernetesBody() throws Exception {
    DeleteOptions o = DeleteOptions.builder().propagationPolicy(DeleteOptions.FOREGROUND)
        .gracePeriodSeconds(0).preconditionUid("u-1").preconditionResourceVersion("7").dryRun(true).build();
    JsonNode json = Json.mapper().readTree(Json.write(o));
    assertThat(json.get("kind").asText()).isEqualTo("DeleteOptions");
    assertThat(json.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(json.get("propagationPolicy").asText()).isEqualTo("Foreground");
    assertThat(json.get("gracePeriodSeconds").asLong()).isZero();
    assertThat(json.get("preconditions").get("uid").asText()).isEqualTo("u-1");
    assertThat(json.get("preconditions").get("resourceVersion").asText()).isEqualTo("7");
    assertThat(json.get("dryRun").get(0).asText()).isEqualTo("All");

    DeleteOptions back = Json.read(Json.write(o), DeleteOptions.class);
    assertThat(back.propagationPolicy()).isEqualTo("Foreground");
    assertThat(back.preconditions()).isEqualTo(new DeleteOptions.Preconditions("u-1", "7"));
    assertThat(back.dryRun()).isTrue();
    assertThat(Json.write(DeleteOptions.none())).doesNotContain("null");
  }

  @Test
  void patchTypesCarryTheirContentTypes() {
    assertThat(PatchType.MERGE.contentType()).isEqualTo("application/merge-patch+json");
    assertThat(PatchType.fromContentType("application/json-patch+json; charset=utf-8")).isEqualTo(PatchType.JSON);
    assertThat(PatchType.fromContentType("application/apply-patch+yaml")).isEqualTo(PatchType.APPLY);
    assertThat(PatchType.fromContentType("text/plain")).isNull();
  }

  @Test
  void groupVersionHelpers() {
    assertThat(GroupVersionKind.of("apps/v1", "Deployment")).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(GroupVersionKind.of("v1", "Pod").apiVersion()).isEqualTo("v1");
    assertThat(new GroupVersionResource("", "v1", "pods").apiPath()).isEqualTo("/api/v1");
    assertThat(new GroupVersionResource("apps", "v1", "deployments").apiPath()).isEqualTo("/apis/apps/v1");
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
