package io.kubegen.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactModelModuleTest {
  private static final ObjectMapper PLAIN = JsonMapper.builder().build();

  /** A model as a user writes it: plain fields and setters, no annotations. */
  public static class Widget {
    private String apiVersion;
    private String kind;
    private Map<String, String> data;
    private Map<String, Integer> counts;

    public String getApiVersion() { return apiVersion; }
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Map<String, String> getData() { return data; }
    public void setData(Map<String, String> data) { this.data = data; }
    public Map<String, Integer> getCounts() { return counts; }
    public void setCounts(Map<String, Integer> counts) { this.counts = counts; }
  }

  @Test
  void apiVersionAndKindOfDecodedObjectsAreSharedInstances() throws Exception {
    String kind = "Widget" + System.nanoTime();
    String json = "{\"apiVersion\":\"example.com/v1\",\"kind\":\"" + kind + "\"}";
    Widget a = Json.mapper().readValue(json, Widget.class);
    Widget b = Json.mapper().readValue(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Widget.class);
    Widget c = Json.mapper().treeToValue(Json.mapper().readTree(json), Widget.class);
    assertThat(a.getKind()).isEqualTo(kind).isSameAs(b.getKind()).isSameAs(c.getKind());
    assertThat(a.getApiVersion()).isEqualTo("example.com/v1").isSameAs(b.getApiVersion()).isSameAs(c.getApiVersion());
  }

  @Test
  void apiVersionAndKindDecodeAsPlainJacksonDoes() throws Exception {
    for (String json : List.of("{\"apiVersion\":1,\"kind\":true}", "{\"apiVersion\":null,\"kind\":\"\"}", "{}")) {
      Widget compact = Json.mapper().readValue(json, Widget.class);
      Widget plain = PLAIN.readValue(json, Widget.class);
      assertThat(compact.getApiVersion()).as(json).isEqualTo(plain.getApiVersion());
      assertThat(compact.getKind()).as(json).isEqualTo(plain.getKind());
    }
    assertThatThrownBy(() -> Json.mapper().readValue("{\"kind\":{\"a\":1}}", Widget.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void stringMapsDecodeToEqualMutableLinkedHashMapsInDocumentOrder() throws Exception {
    for (String data : List.of("{}", "{\"k\":\"v\"}", "{\"z\":\"1\",\"a\":\"2\",\"m\":\"3\"}",
        "{\"n\":null,\"i\":7,\"b\":false,\"d\":1.5}", manyEntries(50))) {
      String json = "{\"data\":" + data + "}";
      Map<String, String> compact = Json.mapper().readValue(json, Widget.class).getData();
      Map<String, String> plain = PLAIN.readValue(json, Widget.class).getData();
      assertThat(compact).as(data).isInstanceOf(LinkedHashMap.class).isEqualTo(plain);
      assertThat(List.copyOf(compact.keySet())).as(data).isEqualTo(List.copyOf(plain.keySet()));
      compact.put("added", "x");
      compact.remove("k");
      assertThat(compact).containsEntry("added", "x").doesNotContainKey("k");
    }
  }

  @Test
  void aStringMapFromATreeOrInADocumentWithOtherPropertiesDecodesTheSame() throws Exception {
    String json = "{\"kind\":\"W\",\"data\":{\"a\":\"1\",\"b\":\"2\"},\"apiVersion\":\"v1\",\"counts\":{\"x\":3}}";
    JsonNode tree = Json.mapper().readTree(json);
    Widget fromTree = Json.mapper().treeToValue(tree, Widget.class);
    Widget fromText = Json.mapper().readValue(json, Widget.class);
    assertThat(fromTree.getData()).isEqualTo(Map.of("a", "1", "b", "2")).isEqualTo(fromText.getData());
    assertThat(fromText.getCounts()).isEqualTo(Map.of("x", 3));
    assertThat(fromText.getApiVersion()).isEqualTo("v1");
  }

  @Test
  void aStringMapThatIsNotAnObjectIsAnError() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"data\":[\"a\"]}", Widget.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"data\":{\"a\":{\"b\":\"c\"}}}", Widget.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"data\":{\"a\":[1]}}", Widget.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aNullStringMapStaysNullAndRoundTrips() throws Exception {
    assertThat(Json.mapper().readValue("{\"data\":null}", Widget.class).getData()).isNull();
    Widget w = Json.mapper().readValue("{\"data\":{\"a\":\"1\"}}", Widget.class);
    assertThat(Json.write(w)).isEqualTo("{\"data\":{\"a\":\"1\"}}");
  }

  @Test
  void capacityHoldsTheEntriesWithoutResizing() {
    for (int n = 0; n < 100; n++) {
      int capacity = CompactModelModule.StringMapDeserializer.capacityFor(n);
      int table = capacity <= 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1; // HashMap.tableSizeFor
      assertThat((int) (table * 0.75f)).as("entries %d", n).isGreaterThanOrEqualTo(n);
    }
  }

  private static String manyEntries(int n) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"key-").append(n - i).append("\":\"value-").append(i).append('"');
    }
    return b.append('}').toString();
  }
}
