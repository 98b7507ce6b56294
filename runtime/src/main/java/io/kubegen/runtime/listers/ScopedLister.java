package io.kubegen.runtime.listers;

import java.util.Optional;

/**
 * A lister of one scope, where a name identifies an object: one namespace (a generated
 * {@code FooNamespaceLister}), or the whole cluster for a cluster-scoped resource (its
 * {@code FooLister}).
 *
 * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}. Implementations are thread-safe.
 *
 * @param <T> the resource type
 */
public interface ScopedLister<T> extends ResourceLister<T> {
  /** The object named {@code name} in this scope, if the cache has it. Shared with the cache: never mutate it. */
  Optional<T> get(String name);
}
