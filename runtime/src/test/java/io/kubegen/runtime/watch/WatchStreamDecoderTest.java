package io.kubegen.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.rest.TestConfigMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WatchStreamDecoderTest {
  private final WatchStreamDecoder<TestConfigMap> decoder = WatchStreamDecoder.of(TestConfigMap.class);

  private List<WatchEvent<TestConfigMap>> decode(String body) throws IOException {
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(null);
    decoder.decode(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), watch);
    watch.finish();
    List<WatchEvent<TestConfigMap>> events = new ArrayList<>();
    watch.forEachRemaining(events::add);
    return events;
  }

  @Test
  void framesMaySitOnOneLineOrBeSeparatedByBlankLines() throws Exception {
    List<WatchEvent<TestConfigMap>> events = decode(
        "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}\n\n"
            + "  {\"type\":\"modified\",\"object\":{\"metadata\":{\"name\":\"b\"},\"data\":{\"k\":\"v\"}}}\n");
    assertThat(events).extracting(WatchEvent::type)
        .containsExactly(WatchEvent.Type.ADDED, WatchEvent.Type.DELETED, WatchEvent.Type.MODIFIED);
    assertThat(events.get(2).object().getData()).containsEntry("k", "v");
  }

  @Test
  void anEmptyBodyIsAnEmptyWatch() throws Exception {
    assertThat(decode("")).isEmpty();
    assertThat(decode("\n  \n")).isEmpty();
  }

  @Test
  void badFramesAreReportedWithTheirNumber() {
    assertThatThrownBy(() -> decode("{\"type\":\"ADDED\",\"object\":{}}\n[1,2]\n"))
        .isInstanceOf(WatchException.class).hasMessageContaining("frame 2").hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> decode("{\"type\":\"ADDED\",\"object\":{\"data\":\"not a map\"}}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("does not decode");
    assertThatThrownBy(() -> decode("{\"object\":{}}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("no \"type\"");
    assertThatThrownBy(() -> decode("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\"}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("cut-off");
  }

  @Test
  void aFrameWhoseFirstTokenIsBadIsCountedWithItsOwnNumber() {
    String good = "{\"type\":\"ADDED\",\"object\":{}}\n";
    assertThatThrownBy(() -> decode("nope\n")).isInstanceOf(WatchException.class)
        .hasMessageContaining("frame 1:");
    assertThatThrownBy(() -> decode(good + "nope\n")).isInstanceOf(WatchException.class)
        .hasMessageContaining("malformed or cut-off watch frame 2:");
    assertThatThrownBy(() -> decode(good + good + "{\"type\":\"ADDED\",\"obj")).isInstanceOf(WatchException.class)
        .hasMessageContaining("frame 3:");
    assertThatThrownBy(() -> decode(good + good + good + "]")).isInstanceOf(WatchException.class)
        .hasMessageContaining("frame 4");
  }

  @Test
  void aClosedWatchStopsDecoding() throws Exception {
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(null);
    watch.close();
    decoder.decode(new ByteArrayInputStream("{\"type\":\"ADDED\",\"object\":{}}".getBytes(StandardCharsets.UTF_8)), watch);
    assertThat(watch.hasNext()).isFalse();
  }

  @Test
  void theObjectMayComeBeforeTheTypeAndUnknownFieldsAreSkipped() throws Exception {
    List<WatchEvent<TestConfigMap>> events = decode(
        "{\"object\":{\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"v\"}},\"extra\":[1,{\"x\":2}],\"type\":\"ADDED\"}\n"
            + "{\"type\":\"MODIFIED\",\"note\":{\"y\":[]},\"object\":{\"metadata\":{\"name\":\"b\"}}}\n");
    assertThat(events).extracting(WatchEvent::type).containsExactly(WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED);
    assertThat(events.get(0).object().getMetadata().getName()).isEqualTo("a");
    assertThat(events.get(0).object().getData()).containsEntry("k", "v");
    assertThat(events.get(1).object().getMetadata().getName()).isEqualTo("b");
  }

  @Test
  void anErrorFrameCarriesItsStatusWhicheverFieldComesFirst() throws Exception {
    String status = "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old\"}";
    List<WatchEvent<TestConfigMap>> events = decode("{\"type\":\"ERROR\",\"object\":" + status + "}\n"
        + "{\"object\":" + status + ",\"type\":\"ERROR\"}\n");
    assertThat(events).hasSize(2).allSatisfy(e -> {
      assertThat(e.type()).isEqualTo(WatchEvent.Type.ERROR);
      assertThat(e.object()).isNull();
      assertThat(e.status().getCode()).isEqualTo(410);
      assertThat(e.status().getMessage()).isEqualTo("too old");
    });
  }

  @Test
  void oddTypesAndObjectsAreReportedWithTheFrameNumber() {
    String good = "{\"type\":\"ADDED\",\"object\":{}}\n";
    assertThatThrownBy(() -> decode(good + "{\"type\":7,\"object\":{}}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("frame 2 has no \"type\"");
    assertThatThrownBy(() -> decode("{\"type\":\"EXPLODED\",\"object\":{}}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("frame 1 has unknown type \"EXPLODED\"");
    assertThatThrownBy(() -> decode(good + good + "{\"type\":\"ADDED\",\"object\":[1]}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("frame 3 (ADDED) has no \"object\"");
    assertThatThrownBy(() -> decode("{\"type\":\"ADDED\",\"type\":\"DELETED\",\"object\":{}}"))
        .isInstanceOf(WatchException.class).hasMessageContaining("frame 1 has more than one \"type\"");
    assertThatThrownBy(() -> decode(good + "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":1"))
        .isInstanceOf(WatchException.class).hasMessageContaining("malformed or cut-off watch frame 2");
  }

  @Test
  void eventsAtHandReachTheWatchInBurstsOfAtMost128() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      body.append("{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"n").append(i).append("\"}}}\n");
    }
    List<Integer> bursts = new ArrayList<>();
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(null) {
      @Override
      public boolean offerAll(java.util.Collection<WatchEvent<TestConfigMap>> events) {
        bursts.add(events.size());
        return super.offerAll(events);
      }
    };
    decoder.decode(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)), watch);
    watch.finish();
    List<String> names = new ArrayList<>();
    watch.forEachRemaining(e -> names.add(e.object().getMetadata().getName()));
    assertThat(bursts).containsExactly(128, 128, 44);
    assertThat(names).hasSize(300).startsWith("n0", "n1").endsWith("n298", "n299");
  }

  @Test
  void anEventReachesTheWatchBeforeTheDecoderWaitsForMoreBytes() throws Exception {
    PipedOutputStream server = new PipedOutputStream();
    PipedInputStream body = new PipedInputStream(server, 1 << 16);
    QueueWatch<TestConfigMap> watch = new QueueWatch<>(null);
    CompletableFuture<Void> decoding = CompletableFuture.runAsync(() -> {
      try {
        decoder.decode(body, watch);
        watch.finish();
      } catch (IOException e) {
        watch.fail(e);
      }
    });
    server.write("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"first\"}}}\n".getBytes(StandardCharsets.UTF_8));
    server.flush();
    // nothing more is sent until the first event has arrived: the decoder is blocked on the body
    Optional<WatchEvent<TestConfigMap>> first = watch.poll(Duration.ofSeconds(5));
    assertThat(first).hasValueSatisfying(e -> assertThat(e.object().getMetadata().getName()).isEqualTo("first"));
    server.write("{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"first\"}}}\n".getBytes(StandardCharsets.UTF_8));
    server.close();
    decoding.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.DELETED);
    assertThat(watch.hasNext()).isFalse();
  }
}
