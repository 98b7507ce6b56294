package io.kubegen.runtime.cache;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.rest.ResourceClient;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The two calls a {@link Reflector} makes: list and watch one resource (client-go's
 * {@code ListerWatcher}). Implementations throw {@code KubeApiException} for API errors (a 410
 * makes the reflector relist) and may be called from the reflector's thread only.
 *
 * @param <T> the object type
 */
public interface ListWatch<T> {

  /** Lists the objects; {@code options} carries the page size, continue token and selectors. */
  ObjectList<T> list(ListOptions options);

  /** Watches from {@code options.resourceVersion()}, with bookmarks and a timeout. */
  Watch<T> watch(ListOptions options);

  /** A list-watch made of two functions. */
  static <T> ListWatch<T> of(Function<ListOptions, ObjectList<T>> list, Function<ListOptions, Watch<T>> watch) {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(watch, "watch");
    return new ListWatch<>() {
      @Override
      public ObjectList<T> list(ListOptions options) {
        return list.apply(options);
      }

      @Override
      public Watch<T> watch(ListOptions options) {
        return watch.apply(options);
      }
    };
  }

  /** A list-watch over a REST resource client (its namespace, or all namespaces when it has none). */
  static <T extends KubernetesObject> ListWatch<T> of(ResourceClient<T> client) {
    Objects.requireNonNull(client, "client");
    return of(client::list, client::watch);
  }

  /**
   * This list-watch with {@code tweak} applied to the options of every call (label or field
   * selectors, typically); {@code null} returns this.
   */
  default ListWatch<T> withTweak(UnaryOperator<ListOptions> tweak) {
    if (tweak == null) {
      return this;
    }
    ListWatch<T> self = this;
    return of(o -> self.list(tweak.apply(o)), o -> self.watch(tweak.apply(o)));
  }
}
