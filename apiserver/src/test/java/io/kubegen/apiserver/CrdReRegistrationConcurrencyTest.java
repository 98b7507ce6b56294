package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering a CRD again while clients write its objects: the resource is served throughout
 * (no 404 or 500 in between) and every write is held to one of the two schemas, never to none.
 */
@Timeout(60)
class CrdReRegistrationConcurrencyTest {
  @TempDir
  Path dir;

  @Test
  void writesDuringReRegistrationSeeOneSchemaOrTheOther() throws Exception {
    URL original = getClass().getClassLoader().getResource("crds/two-kinds.yaml");
    String yaml = new String(original.openStream().readAllBytes(), StandardCharsets.UTF_8);
    URL loose = Files.writeString(dir.resolve("loose.yaml"),
        yaml.replace("teeth: {type: integer, minimum: 3}", "teeth: {type: integer, minimum: 2}")).toUri().toURL();
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      server.registerCrds(List.of(original));
      Http http = new Http(server.url());
      String path = "/apis/parts.example.com/v1/namespaces/default/sprockets";
      AtomicBoolean stop = new AtomicBoolean();
      Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
      CountDownLatch writing = new CountDownLatch(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
          int w = writer;
          writers.add(pool.submit(() -> {
            writing.countDown();
            for (int i = 0; !stop.get(); i++) {
              int teeth = i % 2 == 0 ? 1 : 2; // 1: always invalid; 2: valid only under the loose schema
              String body = "{\"apiVersion\":\"parts.example.com/v1\",\"kind\":\"Sprocket\",\"metadata\":{\"name\":\"w"
                  + w + "-" + i + "\"},\"spec\":{\"teeth\":" + teeth + ",\"junk\":true}}";
              Http.Response r = http.post(path, body);
              codes.computeIfAbsent(r.code() * 10 + teeth, k -> new AtomicInteger()).incrementAndGet();
              if (r.code() == 201) {
                assertThat(r.body().at("/spec/junk").isMissingNode()).as("pruned").isTrue();
              }
            }
          }));
        }
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        for (int round = 0; round < 20; round++) {
          server.registerCrds(List.of(round % 2 == 0 ? loose : original));
        }
        stop.set(true);
        for (Future<?> f : writers) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        stop.set(true);
        pool.shutdownNow();
      }
      assertThat(codes.keySet()).as("code*10+teeth: %s", codes).isSubsetOf(4221, 4222, 2012);
      assertThat(codes).containsKey(4221);
    }
  }
}
