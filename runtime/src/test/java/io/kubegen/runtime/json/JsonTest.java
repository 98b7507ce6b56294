package io.kubegen.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.OwnerReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  /** A record resource, as users may write them. */
  record Widget(String apiVersion, String kind, ObjectMeta metadata, Map<String, Object> spec)
      implements KubernetesObject {
    @Override public String getApiVersion() { return apiVersion; }
    @Override public String getKind() { return kind; }
    @Override public ObjectMeta getMetadata() { return metadata; }
  }

  @Test
  void metadataRoundTripsWithRfc3339TimestampsAndNoNulls() throws Exception {
    ObjectMeta meta = ObjectMeta.builder().name("a").namespace("ns").label("app", "web")
        .creationTimestamp(Instant.parse("2024-05-01T10:20:30Z"))
        .ownerReference(new OwnerReference("v1", "Pod", "p", "uid-1")).build();
    String json = Json.write(meta);
    assertThat(json).contains("\"creationTimestamp\":\"2024-05-01T10:20:30Z\"")
        .doesNotContain("null").doesNotContain("annotations").doesNotContain("finalizers");
    ObjectMeta back = Json.read(json, ObjectMeta.class);
    assertThat(back).isEqualTo(meta);
    assertThat(back.getCreationTimestamp()).isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
  }

  @Test
  void unknownFieldsAreIgnoredAndManagedFieldsKeptOpaque() throws Exception {
    String json = "{\"name\":\"a\",\"selfLink\":\"/x\",\"managedFields\":[{\"manager\":\"kubectl\",\"fieldsV1\":{\"f:data\":{}}}]}";
    ObjectMeta meta = Json.read(json, ObjectMeta.class);
    assertThat(meta.getName()).isEqualTo("a");
    assertThat(meta.getManagedFields()).hasSize(1);
    JsonNode roundTrip = Json.mapper().readTree(Json.write(meta));
    assertThat(roundTrip.get("managedFields").get(0).get("fieldsV1").has("f:data")).isTrue();
  }

  @Test
  void recordsAndGenericListsDecode() throws Exception {
    String json = "{\"kind\":\"WidgetList\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"c1\"},"
        + "\"items\":[{\"apiVersion\":\"x/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":3}}]}";
    ObjectList<Widget> list = Json.mapper().readValue(json,
        Json.mapper().getTypeFactory().constructParametricType(ObjectList.class, Widget.class));
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("9");
    assertThat(list.getMetadata().getContinue()).isEqualTo("c1");
    assertThat(list.getItems()).singleElement().satisfies(w -> {
      assertThat(w.getMetadata().getName()).isEqualTo("w");
      assertThat(w.spec()).containsEntry("size", 3);
    });
  }

  @Test
  void deepCopyIsIndependent() {
    Widget original = new Widget("x/v1", "Widget", ObjectMeta.builder().name("w").label("a", "1").build(), Map.of("k", List.of(1)));
    Widget copy = Json.deepCopy(original);
    assertThat(copy).isNotSameAs(original);
    assertThat(copy.getMetadata()).isEqualTo(original.getMetadata()).isNotSameAs(original.getMetadata());
    copy.getMetadata().getLabels().put("a", "2");
    assertThat(original.getMetadata().getLabels()).containsEntry("a", "1");
    assertThat(Json.deepCopy((Object) null)).isNull();
  }
}
