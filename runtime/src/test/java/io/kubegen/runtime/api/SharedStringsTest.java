package io.kubegen.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.json.Json;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

  @Test
  void decodedObjectsOfOneNamespaceShareItsString() throws Exception {
    String json = "{\"name\":\"%s\",\"namespace\":\"team-shared-%d\"}";
    long tag = System.nanoTime();
    ObjectMeta a = Json.mapper().readValue(String.format(json, "a", tag), ObjectMeta.class);
    ObjectMeta b = Json.mapper().readValue(String.format(json, "b", tag), ObjectMeta.class);
    assertThat(a.getNamespace()).isEqualTo("team-shared-" + tag).isSameAs(b.getNamespace());
    assertThat(ObjectMeta.builder().namespace(new String("team-shared-" + tag)).build().getNamespace())
        .isSameAs(a.getNamespace());
  }

  @Test
  void nullStaysNull() {
    assertThat(SharedStrings.share(null)).isNull();
    assertThat(ObjectMeta.builder().build().getNamespace()).isNull();
  }
}
