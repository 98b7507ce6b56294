package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Patches without a resourceVersion are retried inside the server, as kube-apiserver does. */
@ExtendWith(EmbeddedApiServerExtension.class)
@Timeout(60)
class ConcurrentPatchTest {
  private static final String PATH = "/api/v1/namespaces/default/configmaps/";
  private static final int THREADS = 8;
  private static final int PATCHES_PER_THREAD = 25;

  EmbeddedApiServer server;

  @Test
  void concurrentMergePatchesOfOneObjectAllApply() throws Exception {
    Http http = new Http(server.url());
    assertThat(http.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"shared\"}}").code()).isEqualTo(201);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          Http client = new Http(server.url());
          List<Integer> codes = new ArrayList<>();
          start.await();
          for (int i = 0; i < PATCHES_PER_THREAD; i++) {
            codes.add(client.patch(PATH + "shared", "application/merge-patch+json",
                "{\"data\":{\"t" + thread + "-" + i + "\":\"x\"}}").code());
          }
          return codes;
        }));
      }
      start.countDown();
      for (Future<List<Integer>> r : results) {
        assertThat(r.get()).containsOnly(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(http.get(PATH + "shared").body().path("data").size()).isEqualTo(THREADS * PATCHES_PER_THREAD);
  }

  @Test
  void aPatchNamingAStaleResourceVersionStillConflicts() {
    Http http = new Http(server.url());
    Http.Response created = http.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"guarded\"}}");
    String rv = created.text("/metadata/resourceVersion");
    assertThat(http.patch(PATH + "guarded", "application/merge-patch+json", "{\"data\":{\"a\":\"1\"}}").code()).isEqualTo(200);
    Http.Response stale = http.patch(PATH + "guarded", "application/merge-patch+json",
        "{\"metadata\":{\"resourceVersion\":\"" + rv + "\"},\"data\":{\"b\":\"2\"}}");
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.text("/reason")).isEqualTo("Conflict");
  }
}
