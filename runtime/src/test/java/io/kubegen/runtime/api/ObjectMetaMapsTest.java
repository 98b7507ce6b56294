package io.kubegen.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMetaMapsTest {
  private static final String JSON = "{\"name\":\"a\",\"labels\":{\"app\":\"web-%1$d\",\"tier\":\"front\"},"
      + "\"annotations\":{\"note\":\"n-%1$d\"}}";

  private static ObjectMeta decode(long tag) throws Exception {
    return Json.mapper().readValue(String.format(JSON, tag), ObjectMeta.class);
  }

  @Test
  void decodedLabelsAndAnnotationsAreMutableInDocumentOrder() throws Exception {
    ObjectMeta meta = decode(1);
    assertThat(meta.getLabels()).containsExactly(Map.entry("app", "web-1"), Map.entry("tier", "front"));
    meta.getLabels().put("added", "yes");
    meta.getLabels().remove("tier");
    meta.getAnnotations().put("other", "x");
    assertThat(meta.getLabels()).containsExactly(Map.entry("app", "web-1"), Map.entry("added", "yes"));
    assertThat(meta.getAnnotations()).containsEntry("note", "n-1").containsEntry("other", "x");
  }

  @Test
  void aCopyOfADecodedObjectHasItsOwnMaps() throws Exception {
    ObjectMeta cached = decode(2);
    ObjectMeta copy = Json.deepCopy(cached);
    copy.getLabels().put("app", "changed");
    copy.getAnnotations().clear();
    assertThat(cached.getLabels()).containsEntry("app", "web-2");
    assertThat(cached.getAnnotations()).containsEntry("note", "n-2");
  }

  @Test
  void equalLabelValuesOfDecodedObjectsAreOneInstance() throws Exception {
    long tag = System.nanoTime();
    ObjectMeta a = decode(tag);
    ObjectMeta b = decode(tag);
    assertThat(a.getLabels().get("app")).isEqualTo("web-" + tag).isSameAs(b.getLabels().get("app"));
    assertThat(ObjectMeta.builder().labels(Map.of("app", new String("web-" + tag))).build().getLabels().get("app"))
        .isSameAs(a.getLabels().get("app"));
  }

  @Test
  void setLabelsKeepsAMutableCopyOfItsArgument() {
    Map<String, String> given = new HashMap<>(Map.of("a", "1"));
    ObjectMeta meta = ObjectMeta.builder().labels(given).annotations(Map.of("n", "v")).build();
    meta.getLabels().put("b", "2");
    meta.getAnnotations().put("m", "w");
    given.put("c", "3");
    assertThat(meta.getLabels()).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(given).doesNotContainKey("b");
    meta.setLabels(null);
    assertThat(meta.getLabels()).isEmpty();
  }

  @Test
  void longLabelValuesAreKeptAsTheyAre() {
    String longValue = "v".repeat(SharedStrings.MAX_LABEL_VALUE + 1);
    assertThat(SharedStrings.shareLabelValue(longValue)).isSameAs(longValue);
    assertThat(SharedStrings.shareLabelValue(null)).isNull();
  }

  @Test
  void metadataRoundTripsUnchanged() throws Exception {
    String json = "{\"name\":\"a\",\"labels\":{\"app\":\"web\"},\"annotations\":{\"note\":\"n\"}}";
    assertThat(Json.write(Json.mapper().readValue(json, ObjectMeta.class))).isEqualTo(json);
  }
}
