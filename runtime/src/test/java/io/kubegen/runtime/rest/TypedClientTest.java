package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.testing.Action;
import io.kubegen.runtime.testing.FakeResourceClient;
import io.kubegen.runtime.testing.ObjectTracker;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link TypedClient} and the verb interfaces, used the way generated typed clients use them: an
 * interface that extends the verbs its resource allows, implemented by a local class over
 * {@code TypedClient}.
 */
class TypedClientTest {
  private static final ResourceType<TestFoo> FOOS = new ResourceType<>(
      new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos"), "Foo", TestFoo.class, true, true);

  /** Shaped like a generated client of a read-only resource. */
  interface ReadOnlyFooClient extends ReadOnlyClient<TestFoo> {
    static ReadOnlyFooClient over(ResourceOperations<TestFoo> resource) {
      final class Impl extends TypedClient<TestFoo> implements ReadOnlyFooClient {
        Impl() {
          super(resource);
        }
      }
      return new Impl();
    }
  }

  /** Shaped like a generated client with every verb and the status subresource. */
  interface FooClient extends WritableClient<TestFoo>, StatusWriter<TestFoo> {
    static FooClient over(ResourceOperations<TestFoo> resource) {
      final class Impl extends TypedClient<TestFoo> implements FooClient {
        Impl() {
          super(resource);
        }
      }
      return new Impl();
    }
  }

  private final ObjectTracker tracker = new ObjectTracker();
  private final ResourceBackend backend = FakeResourceClient.backend(tracker);

  @Test
  void aReadOnlyClientHasNoWritingMethodAtAll() {
    Set<String> methods = Arrays.stream(ReadOnlyFooClient.class.getMethods()).map(Method::getName)
        .collect(Collectors.toSet());
    assertThat(methods).contains("get", "list", "watch")
        .doesNotContain("create", "update", "updateStatus", "delete", "deleteCollection", "patch", "apply", "applyStatus");
    Set<String> everything = Arrays.stream(FooClient.class.getMethods()).map(Method::getName).collect(Collectors.toSet());
    assertThat(everything).contains("create", "update", "updateStatus", "delete", "deleteCollection", "get", "list",
        "watch", "patch", "apply", "applyStatus");
  }

  @Test
  void theConvenienceOverloadsCallTheVerbsWithDefaultOptions() {
    FooClient foos = FooClient.over(backend.operations(FOOS, "ns"));
    TestFoo foo = TestFoo.of("ns", "a", 1);
    foo.setApiVersion(null);
    foo.setKind(null);
    TestFoo created = foos.create(foo);
    assertThat(created.getApiVersion()).isEqualTo("samplecontroller.k8s.io/v1alpha1");
    assertThat(created.getKind()).isEqualTo("Foo");
    assertThat(foos.get("a").getMetadata().getResourceVersion()).isNotNull();
    assertThat(foos.list().getItems()).hasSize(1);
    created.getSpec().setReplicas(3);
    assertThat(foos.update(created).getSpec().getReplicas()).isEqualTo(3);
    TestFoo patched = foos.patch("a", PatchType.MERGE, "{\"spec\":{\"replicas\":5}}");
    assertThat(patched.getSpec().getReplicas()).isEqualTo(5);
    foos.delete("a");
    assertThatThrownBy(() -> foos.get("a")).isInstanceOfSatisfying(KubeApiException.class,
        e -> assertThat(e.isNotFound()).isTrue());
    assertThat(tracker.actions()).extracting(Action::verb)
        .containsExactly("create", "get", "list", "update", "patch", "delete", "get");
  }

  @Test
  void theReadOnlyClientReadsWhatTheWritableOneWrote() {
    FooClient writer = FooClient.over(backend.operations(FOOS, "ns"));
    ReadOnlyFooClient reader = ReadOnlyFooClient.over(backend.operations(FOOS, null));
    writer.create(TestFoo.of("ns", "a", 1));
    writer.create(TestFoo.of("ns", "b", 1));
    assertThat(reader.list(ListOptions.builder().fieldSelector("metadata.name=b").build()).getItems())
        .extracting(f -> f.getMetadata().getName()).containsExactly("b");
    assertThat(reader.toString()).contains("foos");
  }
}
