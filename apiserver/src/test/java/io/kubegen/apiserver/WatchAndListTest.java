package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class WatchAndListTest {
  @RegisterExtension
  static EmbeddedApiServerExtension api = EmbeddedApiServerExtension.configured(b -> b.watchHistory(50)
      .bookmarkInterval(java.time.Duration.ofMillis(100)));

  Http http;

  @BeforeEach
  void client(EmbeddedApiServer server) { http = new Http(server.url()); }

  private void createNs(String ns) {
    assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + ns + "\"}}").code()).isEqualTo(201);
  }

  private String cm(String ns, String name, String labels) {
    Http.Response r = http.post("/api/v1/namespaces/" + ns + "/configmaps",
        "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{" + labels + "}},\"data\":{\"k\":\"v\"}}");
    assertThat(r.code()).isEqualTo(201);
    return r.text("/metadata/resourceVersion");
  }

  @Test
  void watchReplaysFromAResourceVersionAndFollows() throws Exception {
    createNs("w1");
    String rv = cm("w1", "a", "");
    cm("w1", "b", "");
    http.delete("/api/v1/namespaces/w1/configmaps/a");
    try (Http.Stream w = http.watch("/api/v1/namespaces/w1/configmaps?watch=true&resourceVersion=" + rv)) {
      assertThat(w.code).isEqualTo(200);
      JsonNode added = w.nextChange();
      assertThat(added.path("type").asText()).isEqualTo("ADDED");
      assertThat(added.at("/object/metadata/name").asText()).isEqualTo("b");
      JsonNode deleted = w.nextChange();
      assertThat(deleted.path("type").asText()).isEqualTo("DELETED");
      assertThat(deleted.at("/object/metadata/name").asText()).isEqualTo("a");
      assertThat(deleted.at("/object/data/k").asText()).isEqualTo("v");
      http.patch("/api/v1/namespaces/w1/configmaps/b", "application/merge-patch+json", "{\"data\":{\"k\":\"2\"}}");
      JsonNode modified = w.nextChange();
      assertThat(modified.path("type").asText()).isEqualTo("MODIFIED");
      assertThat(modified.at("/object/data/k").asText()).isEqualTo("2");
    }
  }

  @Test
  void watchWithoutResourceVersionStartsWithTheCurrentState() throws Exception {
    createNs("w2");
    cm("w2", "a", "");
    try (Http.Stream w = http.watch("/api/v1/namespaces/w2/configmaps?watch=1")) {
      JsonNode first = w.nextChange();
      assertThat(first.path("type").asText()).isEqualTo("ADDED");
      assertThat(first.at("/object/metadata/name").asText()).isEqualTo("a");
    }
  }

  @Test
  void watchPastTheHistoryWindowGetsGone() throws Exception {
    createNs("w3");
    String old = cm("w3", "first", "");
    for (int i = 0; i < 60; i++) {
      cm("w3", "x" + i, "");
    }
    try (Http.Stream w = http.watch("/api/v1/namespaces/w3/configmaps?watch=true&resourceVersion=" + old)) {
      JsonNode e = w.next();
      assertThat(e.path("type").asText()).isEqualTo("ERROR");
      assertThat(e.at("/object/code").asInt()).isEqualTo(410);
      assertThat(e.at("/object/reason").asText()).isEqualTo("Expired");
    }
  }

  @Test
  void bookmarksCarryProgressAndInitialEventsEnd() throws Exception {
    createNs("w4");
    cm("w4", "a", "");
    try (Http.Stream w = http.watch("/api/v1/namespaces/w4/configmaps?watch=true&allowWatchBookmarks=true"
        + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan")) {
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      JsonNode end = w.next();
      assertThat(end.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(end.at("/object/metadata/annotations/k8s.io~1initial-events-end").asText()).isEqualTo("true");
      String rv = cm("kube-public", "elsewhere-" + System.nanoTime(), "");
      JsonNode bookmark;
      do {
        bookmark = w.next();
      } while (!"BOOKMARK".equals(bookmark.path("type").asText())
          || Long.parseLong(bookmark.at("/object/metadata/resourceVersion").asText()) < Long.parseLong(rv));
      assertThat(bookmark.at("/object/kind").asText()).isEqualTo("ConfigMap");
    }
  }

  @Test
  void watchSelectorsTurnLeavingObjectsIntoDeletes() throws Exception {
    createNs("w5");
    cm("w5", "a", "\"app\":\"x\"");
    try (Http.Stream w = http.watch("/api/v1/namespaces/w5/configmaps?watch=true&labelSelector=app%3Dx")) {
      assertThat(w.nextChange().path("type").asText()).isEqualTo("ADDED");
      http.patch("/api/v1/namespaces/w5/configmaps/a", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"y\"}}}");
      assertThat(w.nextChange().path("type").asText()).isEqualTo("DELETED");
      http.patch("/api/v1/namespaces/w5/configmaps/a", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"x\"}}}");
      assertThat(w.nextChange().path("type").asText()).isEqualTo("ADDED");
    }
  }

  @Test
  void watchTimeoutEndsTheStream() throws Exception {
    try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&resourceVersion="
        + http.get("/api/v1/namespaces/default/configmaps").text("/metadata/resourceVersion"))) {
      assertThat(w.nextChange().path("type").asText()).isEqualTo("END");
    }
  }

  @Test
  void listSelectorsAndPaging() {
    createNs("l1");
    for (int i = 0; i < 7; i++) {
      cm("l1", "c" + i, "\"parity\":\"" + (i % 2 == 0 ? "even" : "odd") + "\"");
    }
    Http.Response even = http.get("/api/v1/namespaces/l1/configmaps?labelSelector=parity%3Deven");
    assertThat(even.body().path("items").findValuesAsText("name")).containsExactly("c0", "c2", "c4", "c6");
    assertThat(even.text("/kind")).isEqualTo("ConfigMapList");
    Http.Response byName = http.get("/api/v1/configmaps?fieldSelector=metadata.name%3Dc3,metadata.namespace%3Dl1");
    assertThat(byName.body().path("items").findValuesAsText("name")).containsExactly("c3");
    Http.Response byData = http.get("/api/v1/namespaces/l1/configmaps?fieldSelector=data.k%3Dv");
    assertThat(byData.body().path("items").size()).isEqualTo(7);

    List<String> names = new ArrayList<>();
    String cont = null;
    String listRv = null;
    do {
      Http.Response page = http.get("/api/v1/namespaces/l1/configmaps?limit=3" + (cont == null ? "" : "&continue=" + cont));
      assertThat(page.code()).isEqualTo(200);
      page.body().path("items").forEach(i -> names.add(i.at("/metadata/name").asText()));
      listRv = listRv == null ? page.text("/metadata/resourceVersion") : listRv;
      assertThat(page.text("/metadata/resourceVersion")).isEqualTo(listRv);
      cont = page.body().at("/metadata/continue").asText(null);
      http.delete("/api/v1/namespaces/l1/configmaps/c6");
    } while (cont != null);
    assertThat(names).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6");
    assertThat(http.get("/api/v1/namespaces/l1/configmaps?continue=garbage").code()).isEqualTo(400);
  }

  @Test
  void pagingUnderConcurrentWritesHasNoDuplicatesOrGaps() throws Exception {
    createNs("l2");
    for (int i = 0; i < 30; i++) {
      cm("l2", String.format("o%02d", i), "");
    }
    Set<String> before = new HashSet<>();
    http.get("/api/v1/namespaces/l2/configmaps").body().path("items").forEach(i -> before.add(i.at("/metadata/name").asText()));
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 30; i++) {
        http.delete("/api/v1/namespaces/l2/configmaps/" + String.format("o%02d", i));
        cm("l2", String.format("n%02d", i), "");
      }
    });
    List<String> seen = new ArrayList<>();
    String cont = null;
    Http.Response first = http.get("/api/v1/namespaces/l2/configmaps?limit=4");
    first.body().path("items").forEach(i -> seen.add(i.at("/metadata/name").asText()));
    cont = first.body().at("/metadata/continue").asText(null);
    writer.start();
    while (cont != null) {
      Http.Response page = http.get("/api/v1/namespaces/l2/configmaps?limit=4&continue=" + cont);
      assertThat(page.code()).isEqualTo(200);
      page.body().path("items").forEach(i -> seen.add(i.at("/metadata/name").asText()));
      cont = page.body().at("/metadata/continue").asText(null);
    }
    writer.join(20_000);
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(before);
  }

  @Test
  void exactListAtAnOlderRevision() {
    createNs("l3");
    String rv = cm("l3", "a", "");
    cm("l3", "b", "");
    Http.Response then = http.get("/api/v1/namespaces/l3/configmaps?resourceVersion=" + rv + "&resourceVersionMatch=Exact");
    assertThat(then.body().path("items").findValuesAsText("name")).containsExactly("a");
    assertThat(then.text("/metadata/resourceVersion")).isEqualTo(rv);
    Http.Response future = http.get("/api/v1/namespaces/l3/configmaps?resourceVersion=999999999");
    assertThat(future.code()).isEqualTo(504);
  }

  @Test
  void listAtResourceVersionZeroIsServedWholeIgnoringTheLimit() {
    createNs("l4");
    for (int i = 0; i < 5; i++) {
      cm("l4", "c" + i, "");
    }
    Http.Response any = http.get("/api/v1/namespaces/l4/configmaps?resourceVersion=0&limit=2");
    assertThat(any.code()).isEqualTo(200);
    assertThat(any.body().path("items").findValuesAsText("name")).containsExactly("c0", "c1", "c2", "c3", "c4");
    assertThat(any.body().at("/metadata/continue").isMissingNode()).isTrue();
    Http.Response notOlder = http.get("/api/v1/namespaces/l4/configmaps?resourceVersion=0&resourceVersionMatch=NotOlderThan&limit=2");
    assertThat(notOlder.body().path("items").size()).isEqualTo(5);
    // a list at a resourceVersion other than 0 still pages, as kube's storage does
    Http.Response paged = http.get("/api/v1/namespaces/l4/configmaps?limit=2");
    assertThat(paged.body().path("items").size()).isEqualTo(2);
    assertThat(http.get("/api/v1/namespaces/l4/configmaps?resourceVersion=0&resourceVersionMatch=Exact").code()).isEqualTo(400);
  }

  @Test
  void watchListNeedsBookmarksAndAnIssuedResourceVersion() throws Exception {
    createNs("w6");
    String rv = cm("w6", "a", "");
    assertThat(http.get("/api/v1/namespaces/w6/configmaps?watch=true&sendInitialEvents=true"
        + "&resourceVersionMatch=NotOlderThan").code()).isEqualTo(400);
    assertThat(http.get("/api/v1/namespaces/w6/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
        + "&resourceVersionMatch=NotOlderThan&resourceVersion=999999999").code()).isEqualTo(504);
    try (Http.Stream w = http.watch("/api/v1/namespaces/w6/configmaps?watch=true&allowWatchBookmarks=true"
        + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=" + rv)) {
      assertThat(w.next().at("/object/metadata/name").asText()).isEqualTo("a");
      JsonNode end = w.next();
      assertThat(end.at("/object/metadata/annotations/k8s.io~1initial-events-end").asText()).isEqualTo("true");
      assertThat(Long.parseLong(end.at("/object/metadata/resourceVersion").asText())).isGreaterThanOrEqualTo(Long.parseLong(rv));
    }
  }
}
