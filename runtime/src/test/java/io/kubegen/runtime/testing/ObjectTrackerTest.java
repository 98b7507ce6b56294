package io.kubegen.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import io.kubegen.runtime.watch.WatchEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ObjectTrackerTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final ObjectTracker tracker = new ObjectTracker(Clock.fixed(NOW, ZoneOffset.UTC));
  private final FakeResourceClient<Widget> ns1 = new FakeResourceClient<>(tracker, Widget.TYPE, "ns1");
  private final FakeResourceClient<Widget> all = new FakeResourceClient<>(tracker, Widget.TYPE, null);
  private final List<Watch<Widget>> watches = new ArrayList<>();

  @AfterEach
  void closeWatches() {
    watches.forEach(Watch::close);
  }

  private Widget create(String name, Map<String, String> labels) {
    return ns1.create(Widget.of(null, name, labels, Map.of("size", 1)), CreateOptions.none());
  }

  private static KubeApiException apiError(Runnable call) {
    try {
      call.run();
    } catch (KubeApiException e) {
      return e;
    }
    throw new AssertionError("expected a KubeApiException");
  }

  @Test
  void createFillsServerFieldsAndRefusesDuplicates() {
    Widget w = create("a", Map.of());
    ObjectMeta m = w.getMetadata();
    assertThat(m.getNamespace()).isEqualTo("ns1");
    assertThat(m.getUid()).isNotBlank();
    assertThat(m.getResourceVersion()).isEqualTo("1");
    assertThat(m.getGeneration()).isEqualTo(1L);
    assertThat(m.getCreationTimestamp()).isEqualTo(NOW);
    assertThat(w.getApiVersion()).isEqualTo("example.com/v1");
    assertThat(w.getKind()).isEqualTo("Widget");

    KubeApiException dup = apiError(() -> create("a", Map.of()));
    assertThat(dup.code()).isEqualTo(409);
    assertThat(dup.isAlreadyExists()).isTrue();
    assertThat(dup.status().getMessage()).isEqualTo("widgets.example.com \"a\" already exists");
    assertThat(dup.status().getDetails().getName()).isEqualTo("a");
  }

  @Test
  void generateNameAndMissingNames() {
    Widget w = new Widget();
    w.setMetadata(ObjectMeta.builder().generateName("gen-").build());
    Widget created = ns1.create(w, null);
    assertThat(created.name()).startsWith("gen-").hasSize("gen-".length() + 4);
    assertThat(apiError(() -> ns1.create(new Widget(), null)).isInvalid()).isTrue();
  }

  @Test
  void namespaceOfObjectAndRequestMustAgree() {
    KubeApiException e = apiError(() -> ns1.create(Widget.of("ns2", "x", Map.of(), null), null));
    assertThat(e.code()).isEqualTo(400);
    assertThat(apiError(() -> all.create(Widget.of(null, "x", Map.of(), null), null)).code()).isEqualTo(400);
    assertThat(all.create(Widget.of("ns2", "x", Map.of(), null), null).getMetadata().getNamespace()).isEqualTo("ns2");
  }

  @Test
  void missingObjectsAre404() {
    assertThat(apiError(() -> ns1.get("nope", GetOptions.none())).isNotFound()).isTrue();
    assertThat(apiError(() -> ns1.update(Widget.of(null, "nope", Map.of(), null), null)).isNotFound()).isTrue();
    assertThat(apiError(() -> ns1.delete("nope", null)).isNotFound()).isTrue();
    KubeApiException e = apiError(() -> ns1.patch("nope", PatchType.MERGE, "{}", null));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.status().getMessage()).isEqualTo("widgets.example.com \"nope\" not found");
  }

  @Test
  void staleUpdatesConflictAndFreshOnesBumpVersionAndGeneration() {
    Widget v1 = create("a", Map.of());
    Widget edit = ns1.get("a", null);
    edit.setSpec(Map.of("size", 2));
    Widget v2 = ns1.update(edit, UpdateOptions.none());
    assertThat(Long.parseLong(v2.rv())).isGreaterThan(Long.parseLong(v1.rv()));
    assertThat(v2.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(v2.getMetadata().getUid()).isEqualTo(v1.getMetadata().getUid());

    v1.setSpec(Map.of("size", 3));
    KubeApiException conflict = apiError(() -> ns1.update(v1, null));
    assertThat(conflict.isConflict()).isTrue();
    assertThat(conflict.status().getMessage()).contains("the object has been modified");
    assertThat(ns1.get("a", null).getSpec()).containsEntry("size", 2);

    // no resourceVersion: an unconditional update
    Widget blind = Widget.of(null, "a", Map.of(), Map.of("size", 4));
    assertThat(ns1.update(blind, null).getSpec()).containsEntry("size", 4);
  }

  @Test
  void anUpdateWithoutChangesKeepsTheResourceVersion() {
    Widget w = create("a", Map.of("k", "v"));
    assertThat(ns1.update(w, null).rv()).isEqualTo(w.rv());
  }

  @Test
  void updatesKeepStatusAndUpdateStatusKeepsTheRest() {
    Widget w = create("a", Map.of());
    w.setStatus(Map.of("ready", true));
    w.setSpec(Map.of("size", 9));
    Widget afterStatus = ns1.updateStatus(w, null);
    assertThat(afterStatus.getStatus()).containsEntry("ready", true);
    assertThat(afterStatus.getSpec()).containsEntry("size", 1);

    afterStatus.setStatus(Map.of("ready", false));
    afterStatus.setSpec(Map.of("size", 5));
    Widget afterUpdate = ns1.update(afterStatus, null);
    assertThat(afterUpdate.getStatus()).containsEntry("ready", true);
    assertThat(afterUpdate.getSpec()).containsEntry("size", 5);
  }

  @Test
  void patches() {
    Widget w = create("a", Map.of("app", "web"));
    Widget merged = ns1.patch("a", PatchType.MERGE, "{\"spec\":{\"size\":7,\"color\":\"red\"}}", PatchOptions.none());
    assertThat(merged.getSpec()).containsEntry("size", 7).containsEntry("color", "red");
    Widget json = ns1.patch("a", PatchType.JSON,
        "[{\"op\":\"replace\",\"path\":\"/spec/size\",\"value\":8},{\"op\":\"remove\",\"path\":\"/spec/color\"},"
            + "{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"front\"}]", null);
    assertThat(json.getSpec()).containsOnly(Map.entry("size", 8));
    assertThat(json.getMetadata().getLabels()).containsEntry("tier", "front");
    assertThat(apiError(() -> ns1.patch("a", PatchType.JSON, "[{\"op\":\"test\",\"path\":\"/spec/size\",\"value\":1}]", null))
        .isInvalid()).isTrue();
    assertThat(apiError(() -> ns1.patch("a", PatchType.MERGE,
        "{\"metadata\":{\"resourceVersion\":\"" + w.rv() + "\"},\"spec\":{\"size\":1}}", null)).isConflict()).isTrue();
    assertThat(apiError(() -> ns1.patch("a", PatchType.MERGE, "{not json", null)).code()).isEqualTo(400);

    Widget applied = ns1.apply(Widget.of(null, "b", Map.of(), Map.of("size", 3)),
        PatchOptions.builder().fieldManager("test").build());
    assertThat(applied.getMetadata().getUid()).isNotBlank();
    assertThatThrownBy(() -> ns1.apply(applied, PatchOptions.none())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listHonoursNamespacesSelectorsAndPaging() {
    create("a", Map.of("app", "web", "tier", "front"));
    create("b", Map.of("app", "web", "tier", "back"));
    create("c", Map.of("app", "db"));
    all.create(Widget.of("ns2", "a", Map.of("app", "web"), null), null);

    assertThat(names(ns1.list(ListOptions.none()))).containsExactly("a", "b", "c");
    assertThat(names(all.list(null))).containsExactly("a", "b", "c", "a");
    assertThat(names(ns1.list(ListOptions.builder().labelSelector("app=web,tier!=back").build()))).containsExactly("a");
    assertThat(names(ns1.list(ListOptions.builder().labelSelector("tier in (front,back)").build()))).containsExactly("a", "b");
    assertThat(names(all.list(ListOptions.builder().fieldSelector("metadata.namespace=ns2").build()))).containsExactly("a");
    assertThat(names(ns1.list(ListOptions.builder().fieldSelector("metadata.name!=b,spec.size=1").build())))
        .containsExactly("a", "c");
    assertThat(apiError(() -> ns1.list(ListOptions.builder().labelSelector("a in (").build())).code()).isEqualTo(400);

    ObjectList<Widget> page1 = ns1.list(ListOptions.builder().limit(2).build());
    assertThat(names(page1)).containsExactly("a", "b");
    assertThat(page1.getMetadata().getContinue()).isNotBlank();
    ObjectList<Widget> page2 = ns1.list(ListOptions.builder().limit(2).continueToken(page1.getMetadata().getContinue()).build());
    assertThat(names(page2)).containsExactly("c");
    assertThat(page2.getMetadata().getContinue()).isNull();
    assertThat(page2.getMetadata().getResourceVersion()).isEqualTo("4");
  }

  @Test
  void continuePagesShowTheFirstPagesSnapshot() {
    for (String n : List.of("a", "b", "c", "d", "e")) {
      create(n, Map.of());
    }
    ObjectList<Widget> page1 = ns1.list(ListOptions.builder().limit(2).build());
    assertThat(names(page1)).containsExactly("a", "b");
    String snapshot = page1.getMetadata().getResourceVersion();
    // After the first page: one object created and changed again, one changed, one deleted.
    Widget late = create("bb", Map.of());
    late.setSpec(Map.of("size", 9));
    ns1.update(late, null);
    Widget c = ns1.get("c", GetOptions.none());
    c.setSpec(Map.of("size", 7));
    ns1.update(c, null);
    ns1.delete("d", DeleteOptions.none());

    ObjectList<Widget> page2 = ns1.list(ListOptions.builder().limit(2).continueToken(page1.getMetadata().getContinue()).build());
    assertThat(names(page2)).containsExactly("c", "d");
    assertThat(page2.getItems().get(0).getSpec()).isEqualTo(Map.of("size", 1));
    assertThat(page2.getMetadata().getResourceVersion()).isEqualTo(snapshot);
    ObjectList<Widget> page3 = ns1.list(ListOptions.builder().limit(2).continueToken(page2.getMetadata().getContinue()).build());
    assertThat(names(page3)).containsExactly("e");
    assertThat(page3.getMetadata().getContinue()).isNull();
    assertThat(names(ns1.list(ListOptions.none()))).containsExactly("a", "b", "bb", "c", "e");

    assertThat(apiError(() -> ns1.list(ListOptions.builder().continueToken("not-a-token").build())).code()).isEqualTo(400);
  }

  @Test
  void continueTokensOlderThanTheHistoryAreExpired() {
    create("a", Map.of());
    create("b", Map.of());
    ObjectList<Widget> page1 = ns1.list(ListOptions.builder().limit(1).build());
    Widget a = ns1.get("a", GetOptions.none());
    for (int i = 0; i < 1001; i++) {
      a.setSpec(Map.of("size", i));
      a = ns1.update(a, null);
    }
    KubeApiException gone = apiError(() -> ns1.list(ListOptions.builder().limit(1)
        .continueToken(page1.getMetadata().getContinue()).build()));
    assertThat(gone.code()).isEqualTo(410);
    assertThat(gone.status().getMessage()).contains("continue parameter is too old");
  }

  @Test
  void createWithAResourceVersionIsRefusedAsKubeApiserverDoes() {
    Widget w = Widget.of("ns1", "a", Map.of(), Map.of("size", 1));
    w.getMetadata().setResourceVersion("12");
    KubeApiException e = apiError(() -> ns1.create(w, CreateOptions.none()));
    assertThat(e.code()).isEqualTo(500);
    assertThat(e.status().getMessage()).isEqualTo("resourceVersion should not be set on objects to be created");
    assertThat(names(ns1.list(ListOptions.none()))).isEmpty();
    // Seeding keeps what it is given, as client-go's tracker.Add does; the tracker assigns its own version.
    tracker.add(w);
    assertThat(ns1.get("a", GetOptions.none()).getMetadata().getResourceVersion()).isEqualTo("1");
  }

  @Test
  void watchDeliversAddedModifiedDeletedAndSelectorTransitions() {
    create("a", Map.of("app", "web"));
    Watch<Widget> w = watch(ns1, ListOptions.builder().labelSelector("app=web").build());
    assertThat(next(w)).satisfies(e -> {
      assertThat(e.type()).isEqualTo(Type.ADDED);
      assertThat(e.object().name()).isEqualTo("a");
    });
    create("other", Map.of("app", "db"));
    Widget b = create("b", Map.of("app", "web"));
    assertThat(next(w)).extracting(e -> e.type() + " " + e.object().name()).isEqualTo("ADDED b");
    b.setSpec(Map.of("size", 2));
    ns1.update(b, null);
    assertThat(next(w)).extracting(e -> e.type() + " " + e.object().name()).isEqualTo("MODIFIED b");
    ns1.patch("b", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"app\":\"db\"}}}", null);
    assertThat(next(w)).extracting(e -> e.type() + " " + e.object().name()).isEqualTo("DELETED b");
    ns1.patch("other", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}", null);
    assertThat(next(w)).extracting(e -> e.type() + " " + e.object().name()).isEqualTo("ADDED other");
    ns1.delete("a", DeleteOptions.none());
    WatchEvent<Widget> deleted = next(w);
    assertThat(deleted.type()).isEqualTo(Type.DELETED);
    assertThat(deleted.object().name()).isEqualTo("a");
    assertThat(w.poll(Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void watchFromAResourceVersionReplaysLaterChanges() {
    Widget a = create("a", Map.of());
    create("b", Map.of());
    ns1.delete("b", null);
    Watch<Widget> w = watch(ns1, ListOptions.builder().resourceVersion(a.rv()).build());
    assertThat(next(w)).extracting(e -> e.type() + " " + e.object().name()).isEqualTo("ADDED b");
    assertThat(next(w)).extracting(e -> e.type() + " " + e.object().name()).isEqualTo("DELETED b");
    assertThat(w.poll(Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void watchFromAVersionOlderThanTheHistoryIsExpired() {
    for (int i = 0; i < 1005; i++) {
      create("w" + i, Map.of());
    }
    Watch<Widget> w = watch(ns1, ListOptions.builder().resourceVersion("1").build());
    WatchEvent<Widget> e = next(w);
    assertThat(e.type()).isEqualTo(Type.ERROR);
    assertThat(e.status().getCode()).isEqualTo(410);
    assertThat(e.status().getReason()).isEqualTo("Expired");
  }

  @Test
  void closingAWatchStopsDelivery() {
    Watch<Widget> w = watch(ns1, null);
    w.close();
    create("a", Map.of());
    assertThat(w.hasNext()).isFalse();
  }

  @Test
  void deleteHonoursPreconditionsAndFinalizers() {
    Widget a = create("a", Map.of());
    assertThat(apiError(() -> ns1.delete("a", DeleteOptions.builder().preconditionUid("other").build())).isConflict())
        .isTrue();
    assertThat(apiError(() -> ns1.delete("a", DeleteOptions.builder().preconditionResourceVersion("999").build()))
        .isConflict()).isTrue();

    Widget f = ns1.get("a", null);
    f.getMetadata().setFinalizers(List.of("example.com/keep"));
    ns1.update(f, null);
    Watch<Widget> w = watch(ns1, null);
    next(w);
    ns1.delete("a", null);
    WatchEvent<Widget> marked = next(w);
    assertThat(marked.type()).isEqualTo(Type.MODIFIED);
    assertThat(marked.object().getMetadata().getDeletionTimestamp()).isEqualTo(NOW);
    Widget stillThere = ns1.get("a", null);
    stillThere.getMetadata().setFinalizers(List.of());
    ns1.update(stillThere, null);
    assertThat(next(w).type()).isEqualTo(Type.DELETED);
    assertThat(apiError(() -> ns1.get("a", null)).isNotFound()).isTrue();
    assertThat(a.getMetadata().getUid()).isNotBlank();
  }

  @Test
  void deleteCollectionDeletesWhatIsSelected() {
    create("a", Map.of("app", "web"));
    create("b", Map.of("app", "db"));
    ns1.deleteCollection(DeleteOptions.none(), ListOptions.builder().labelSelector("app=web").build());
    assertThat(names(ns1.list(null))).containsExactly("b");
  }

  @Test
  void reactorsAnswerFailOrPassAndActionsAreRecorded() {
    create("a", Map.of());
    Widget canned = Widget.of("ns1", "canned", Map.of(), null);
    tracker.prependReactor(Action.GET, "widgets", action ->
        "canned".equals(action.name()) ? Reaction.handled(canned) : Reaction.pass());
    tracker.prependReactor(Action.DELETE, Action.ANY, action -> {
      throw new KubeApiException(Status.failure(403, "Forbidden", "no deletes in this test"));
    });
    assertThat(ns1.get("canned", null).name()).isEqualTo("canned");
    assertThat(ns1.get("a", null).name()).isEqualTo("a");
    assertThat(apiError(() -> ns1.delete("a", null)).isForbidden()).isTrue();
    assertThat(ns1.get("a", null)).isNotNull();
    assertThat(apiError(() -> ns1.getSubresource("a", "scale", Map.class, null)).isNotFound()).isTrue();

    assertThat(tracker.actions()).extracting(Action::toString).containsExactly(
        "create widgets ns=ns1", "get widgets ns=ns1 name=canned", "get widgets ns=ns1 name=a",
        "delete widgets ns=ns1 name=a", "get widgets ns=ns1 name=a", "get widgets/scale ns=ns1 name=a");
    tracker.clearActions();
    assertThat(tracker.actions()).isEmpty();
  }

  @Test
  void storedObjectsAreNotSharedWithCallers() {
    Widget w = create("a", Map.of("app", "web"));
    w.getMetadata().getLabels().put("app", "changed");
    Widget read = ns1.get("a", null);
    assertThat(read.getMetadata().getLabels()).containsEntry("app", "web");
    read.getMetadata().getLabels().put("app", "changed");
    assertThat(ns1.get("a", null).getMetadata().getLabels()).containsEntry("app", "web");
  }

  @Test
  void seedingAndUnregisteredTypes() {
    ObjectTracker t = new ObjectTracker().register(Widget.TYPE);
    t.add(Widget.of("ns1", "seed", Map.of(), null));
    assertThat(new FakeResourceClient<>(t, Widget.TYPE, "ns1").get("seed", null).getMetadata().getUid()).isNotBlank();
    assertThat(t.actions()).extracting(Action::verb).containsExactly(Action.GET); // seeding records nothing
    assertThatThrownBy(() -> t.add("not a resource")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void concurrentWritersNeverLoseUpdatesAndWatchersSeeIncreasingVersions() throws Exception {
    create("counter", Map.of());
    Watch<Widget> w = watch(ns1, null);
    int threads = 4;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          while (true) {
            Widget cur = ns1.get("counter", null);
            int n = cur.getSpec() == null || !cur.getSpec().containsKey("n") ? 0 : (Integer) cur.getSpec().get("n");
            cur.setSpec(Map.of("n", n + 1));
            try {
              ns1.update(cur, null);
              break;
            } catch (KubeApiException e) {
              assertThat(e.isConflict()).isTrue();
            }
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(20, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(ns1.get("counter", null).getSpec()).containsEntry("n", threads * perThread);
    long last = 0;
    for (int i = 0; i < 1 + threads * perThread; i++) {
      long rv = Long.parseLong(next(w).object().rv());
      assertThat(rv).isGreaterThan(last);
      last = rv;
    }
  }

  @Test
  void discoveryListsTheRegisteredTypes() {
    FakeDiscoveryClient d = new FakeDiscoveryClient(tracker);
    assertThat(d.serverGroups().groups()).extracting(g -> g.name()).containsExactly("example.com");
    assertThat(d.serverResourcesForGroupVersion("example.com/v1").resources()).extracting(r -> r.name())
        .containsExactly("widgets", "widgets/status");
    assertThat(apiError(() -> d.serverResourcesForGroupVersion("nope/v1")).isNotFound()).isTrue();
  }

  private Watch<Widget> watch(FakeResourceClient<Widget> client, ListOptions o) {
    Watch<Widget> w = client.watch(o);
    watches.add(w);
    return w;
  }

  private static WatchEvent<Widget> next(Watch<Widget> w) {
    return w.poll(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("no watch event within 5s"));
  }

  private static List<String> names(ObjectList<Widget> list) {
    return list.getItems().stream().map(Widget::name).toList();
  }
}
