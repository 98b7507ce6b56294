package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;

/**
 * The {@code list} verb of a typed client.
 *
 * @param <T> the resource type
 */
public interface Listable<T> {
  /** Lists the objects {@code options} selects (label and field selectors, paging, resourceVersion). */
  ObjectList<T> list(ListOptions options);

  /** Lists every object (in the client's namespace, or in all). */
  default ObjectList<T> list() {
    return list(ListOptions.none());
  }
}
