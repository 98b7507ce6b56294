package io.kubegen.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kubegen's own RestClient and Watch against the embedded server, over HTTPS with a token. */
@Timeout(60)
class RuntimeClientTest {
  @RegisterExtension
  static EmbeddedApiServerExtension api = EmbeddedApiServerExtension.configured(b -> b.https(true).bearerToken("runtime-token")
      .watchHistory(100).bookmarkInterval(Duration.ofMillis(100)));

  static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");

  RestClient client;

  @BeforeEach
  void connect(EmbeddedApiServer server) { client = RestClient.create(server.restConfig()); }

  @AfterEach
  void disconnect() { client.close(); }

  private void namespace(String name) {
    client.post().resource(new GroupVersionResource("", "v1", "namespaces"))
        .body(new GenericObject("v1", "Namespace", ObjectMeta.builder().name(name).build())).execute(GenericObject.class);
  }

  private GenericObject create(String ns, String name) {
    GenericObject cm = new GenericObject("v1", "ConfigMap", ObjectMeta.builder().name(name).namespace(ns).build());
    cm.set("data", Map.of("k", name));
    return client.post().resource(CONFIGMAPS).namespace(ns).body(cm).execute(GenericObject.class);
  }

  private void delete(String ns, String name) {
    client.delete().resource(CONFIGMAPS).namespace(ns).name(name).execute();
  }

  private static WatchEvent<GenericObject> next(Watch<GenericObject> w) {
    Optional<WatchEvent<GenericObject>> e = w.poll(Duration.ofSeconds(10));
    assertThat(e).as("a watch event within 10 s").isPresent();
    return e.get();
  }

  private static WatchEvent<GenericObject> nextChange(Watch<GenericObject> w) {
    while (true) {
      WatchEvent<GenericObject> e = next(w);
      if (e.type() != WatchEvent.Type.BOOKMARK) {
        return e;
      }
    }
  }

  @Test
  void watchReplaysEverythingAfterAResourceVersion() {
    namespace("rt-replay");
    String rv = create("rt-replay", "a").getMetadata().getResourceVersion();
    create("rt-replay", "b");
    delete("rt-replay", "a");
    try (Watch<GenericObject> w = client.get().resource(CONFIGMAPS).namespace("rt-replay")
        .options(ListOptions.builder().resourceVersion(rv).build()).watch(GenericObject.class)) {
      WatchEvent<GenericObject> added = nextChange(w);
      assertThat(added.type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(added.object().getMetadata().getName()).isEqualTo("b");
      WatchEvent<GenericObject> deleted = nextChange(w);
      assertThat(deleted.type()).isEqualTo(WatchEvent.Type.DELETED);
      assertThat(deleted.object().getMetadata().getName()).isEqualTo("a");
      assertThat(Long.parseLong(deleted.object().getMetadata().getResourceVersion())).isGreaterThan(Long.parseLong(rv));
      create("rt-replay", "c");
      assertThat(nextChange(w).object().getMetadata().getName()).isEqualTo("c");
    }
  }

  @Test
  void watchPastTheWindowEndsWithGone() {
    namespace("rt-gone");
    String rv = create("rt-gone", "first").getMetadata().getResourceVersion();
    for (int i = 0; i < 120; i++) {
      create("rt-gone", "churn-" + i);
    }
    try (Watch<GenericObject> w = client.get().resource(CONFIGMAPS).namespace("rt-gone")
        .options(ListOptions.builder().resourceVersion(rv).build()).watch(GenericObject.class)) {
      WatchEvent<GenericObject> e = next(w);
      assertThat(e.type()).isEqualTo(WatchEvent.Type.ERROR);
      assertThat(e.status().getCode()).isEqualTo(410);
      assertThat(e.status().getReason()).isEqualTo("Expired");
    }
    ObjectList<GenericObject> fresh = client.get().resource(CONFIGMAPS).namespace("rt-gone").executeList(GenericObject.class);
    assertThat(fresh.getItems()).hasSize(121);
    assertThatThrownBy(() -> client.get().resource(CONFIGMAPS).namespace("rt-gone")
        .options(ListOptions.builder().resourceVersion(rv).resourceVersionMatch("Exact").build())
        .executeList(GenericObject.class))
        .isInstanceOfSatisfying(KubeApiException.class, e -> assertThat(e.code()).isEqualTo(410));
  }

  @Test
  void bookmarksReportProgress() {
    namespace("rt-bookmark");
    String rv = create("rt-bookmark", "a").getMetadata().getResourceVersion();
    try (Watch<GenericObject> w = client.get().resource(CONFIGMAPS).namespace("rt-bookmark")
        .options(ListOptions.builder().resourceVersion(rv).allowWatchBookmarks(true).build()).watch(GenericObject.class)) {
      String later = create("default", "rt-bookmark-elsewhere").getMetadata().getResourceVersion();
      WatchEvent<GenericObject> e;
      do {
        e = next(w);
        assertThat(e.type()).isEqualTo(WatchEvent.Type.BOOKMARK);
      } while (Long.parseLong(e.object().getMetadata().getResourceVersion()) < Long.parseLong(later));
    }
  }

  @Test
  void pagingUnderConcurrentWritesHasNoDuplicatesOrGaps() throws Exception {
    namespace("rt-paging");
    Set<String> initial = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      initial.add(create("rt-paging", String.format("obj-%03d", i)).getMetadata().getName());
    }
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      int i = 0;
      while (!stop.get() && i < 60) {
        delete("rt-paging", String.format("obj-%03d", i));
        create("rt-paging", String.format("new-%03d", i));
        i++;
      }
    }, "concurrent-writer");
    List<String> seen = new ArrayList<>();
    String cont = null;
    String listRv = null;
    try {
      do {
        ListOptions.Builder o = ListOptions.builder().limit(7);
        if (cont != null) {
          o.continueToken(cont);
        }
        ObjectList<GenericObject> page = client.get().resource(CONFIGMAPS).namespace("rt-paging").options(o.build())
            .executeList(GenericObject.class);
        page.getItems().forEach(i -> seen.add(i.getMetadata().getName()));
        listRv = listRv == null ? page.getMetadata().getResourceVersion() : listRv;
        assertThat(page.getMetadata().getResourceVersion()).isEqualTo(listRv);
        cont = page.getMetadata().getContinue();
        if (writer.getState() == Thread.State.NEW) {
          writer.start(); // the writes begin once the snapshot's revision is fixed by the first page
        }
      } while (cont != null && !cont.isEmpty());
    } finally {
      stop.set(true);
      if (writer.isAlive()) {
        writer.join(20_000);
      }
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(initial);
  }

  @Test
  void wrongTokenIsUnauthorized(EmbeddedApiServer server) {
    try (RestClient other = RestClient.create(server.restConfig().toBuilder().bearerToken("wrong").build())) {
      assertThatThrownBy(() -> other.get().resource(CONFIGMAPS).namespace("default").executeList(GenericObject.class))
          .isInstanceOfSatisfying(KubeApiException.class, e -> {
            assertThat(e.code()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("wrong").doesNotContain("runtime-token");
          });
    }
  }
}
