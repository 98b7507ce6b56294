package io.kubegen.clientgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.samplecontroller.v1alpha1.Foo;
import com.example.testclients.clientset.samplecontroller.v1alpha1.FooClient;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.watch.Watch;
import io.kubegen.runtime.watch.WatchEvent;
import io.kubegen.runtime.watch.WatchEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract plus watch, for servers that serve chunked watches (the embedded server, the fake). */
abstract class WatchingClientsetContract extends ClientsetContract {

  @Test
  void watchSeesAddedModifiedAndDeletedForItsSelector() {
    FooClient foos = clientset().samplecontrollerV1alpha1().foos(NS);
    String label = unique("watch");
    String rv = foos.list(ListOptions.builder().labelSelector("run=" + label).build()).getMetadata().getResourceVersion();
    try (Watch<Foo> watch = foos.watch(ListOptions.builder().labelSelector("run=" + label).resourceVersion(rv).build())) {
      Foo other = Foo.of(NS, unique("other"), "d", 1);
      other.getMetadata().setLabels(Map.of("run", "someone-else"));
      foos.create(other);
      Foo foo = Foo.of(NS, unique("watched"), "d", 1);
      foo.getMetadata().setLabels(Map.of("run", label));
      Foo created = foos.create(foo);

      WatchEvent<Foo> added = next(watch);
      assertThat(added.type()).isEqualTo(Type.ADDED);
      assertThat(added.object().getMetadata().getName()).isEqualTo(foo.getMetadata().getName());

      created.getSpec().setReplicas(2);
      foos.update(created);
      WatchEvent<Foo> modified = next(watch);
      assertThat(modified.type()).isEqualTo(Type.MODIFIED);
      assertThat(modified.object().getSpec().getReplicas()).isEqualTo(2);

      foos.delete(foo.getMetadata().getName());
      WatchEvent<Foo> deleted = next(watch);
      assertThat(deleted.type()).isEqualTo(Type.DELETED);
      assertThat(deleted.object().getMetadata().getName()).isEqualTo(foo.getMetadata().getName());
    }
  }

  /** The next non-bookmark event, waiting at most 10 seconds. */
  static WatchEvent<Foo> next(Watch<Foo> watch) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      WatchEvent<Foo> e = watch.poll(Duration.between(Instant.now(), deadline)).orElse(null);
      if (e != null && e.type() != Type.BOOKMARK) {
        return e;
      }
    }
    throw new AssertionError("no watch event within 10s");
  }
}
