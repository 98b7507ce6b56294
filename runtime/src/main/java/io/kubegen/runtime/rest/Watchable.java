package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.watch.Watch;

/**
 * The {@code watch} verb of a typed client.
 *
 * @param <T> the resource type
 */
public interface Watchable<T> {
  /** Watches the objects {@code options} selects; close the watch to stop. */
  Watch<T> watch(ListOptions options);
}
